package org.bulwark.identity;

import org.bulwark.core.region.RegionCode;
import org.bulwark.core.region.RegionLevel;

/**
 * Which accounts an administrator of the separation of duties may look after. A business role is given by the level
 * of the administrator's region (a prefecture's administrators up to prefecture roles, …); one of the three
 * privileged roles only to an account of a region strictly below their own, so that no system, security or audit
 * administrator looks after a peer at their own level (who could then take over the other's duty: the province's
 * three are set up at installation, the demo's by its seed).
 */
final class Duties {

    private Duties() {}

    /** The rank of the level of government a region stands for: village 1, township 2 … province 5. */
    static int levelRank(String regionCode) {
        return RegionLevel.values().length
                - RegionCode.parse(regionCode).level().ordinal();
    }

    /** Whether the administrator may give this role to someone at all (in some region of their subtree). */
    static boolean mayGrant(BulwarkUser admin, Role role) {
        if (role.privileged()) {
            // a region strictly below that still holds administrators: a county's own have none below them
            return RegionCode.parse(admin.regionCode()).level().ordinal() < RegionLevel.COUNTY.ordinal();
        }
        return role.rank() <= levelRank(admin.regionCode());
    }

    /** Whether the administrator may look after an account with this role in this region. */
    static boolean mayAdminister(BulwarkUser admin, Role role, String regionCode) {
        if (!admin.scope().covers(regionCode)) {
            return false;
        }
        if (role.privileged()) {
            return !RegionCode.parse(regionCode)
                    .value()
                    .equals(RegionCode.parse(admin.regionCode()).value());
        }
        return role.rank() <= levelRank(admin.regionCode());
    }
}
