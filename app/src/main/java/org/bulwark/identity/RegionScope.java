package org.bulwark.identity;

import org.bulwark.core.region.RegionCode;

/**
 * The subtree of regions a user may see: every region whose 12-digit code starts with {@code prefix}.
 * Repositories put {@code prefix} into their SQL, so scope holds whatever entry point asks.
 */
public record RegionScope(String prefix) {

    public RegionScope {
        if (prefix == null || !prefix.matches("[0-9]{0,12}")) {
            throw new IllegalArgumentException("scope prefix must be up to 12 digits");
        }
    }

    /** The scope of a region: its code's significant digits. */
    public static RegionScope of(String regionCode) {
        return new RegionScope(RegionCode.parse(regionCode).prefix());
    }

    /** The whole country, for system tasks such as seeding (never for a user). */
    public static RegionScope nationwide() {
        return new RegionScope("");
    }

    /** Whether the region with this code lies in the scope. */
    public boolean covers(String regionCode) {
        return regionCode != null && regionCode.startsWith(prefix);
    }

    /** The pattern for {@code LIKE}: the prefix followed by anything. */
    public String likePattern() {
        return prefix + "%";
    }
}
