package org.bulwark.casework;

import java.util.Arrays;
import org.bulwark.core.region.RegionLevel;
import org.bulwark.identity.Role;

/** Who watches an overdue step: the level above the role that should have decided it. */
final class Escalation {

    private Escalation() {}

    /**
     * The level above the role named in a procedure file; the core keeps roles as names, since identity owns the
     * {@link Role} enum, and a name no role has escalates as high as any other role's would.
     */
    static RegionLevel levelAbove(String roleName) {
        Role role = Arrays.stream(Role.values())
                .filter(r -> r.name().equals(roleName))
                .findFirst()
                .orElse(null);
        return role == null ? RegionLevel.PREFECTURE : levelAbove(role);
    }

    static RegionLevel levelAbove(Role role) {
        return switch (role) {
            case VILLAGE_CADRE, HELPER -> RegionLevel.TOWNSHIP;
            case TOWNSHIP_REVIEWER -> RegionLevel.COUNTY;
            default -> RegionLevel.PREFECTURE;
        };
    }
}
