package org.bulwark.identity;

import org.bulwark.core.region.RegionCode;

/**
 * The subtree of regions a user may see: every region whose 12-digit code starts with {@code prefix}.
 * Repositories put {@code prefix} into their SQL, so scope holds whatever entry point asks.
 */
public record RegionScope(String prefix) {

    public RegionScope {
        if (!RegionCode.isPrefix(prefix)) {
            throw new IllegalArgumentException("scope prefix must be the significant digits of a region code, or"
                    + " empty for the whole country: '" + prefix + "'");
        }
    }

    /** The scope of a region: its code's significant digits. */
    public static RegionScope of(RegionCode regionCode) {
        return new RegionScope(regionCode.prefix());
    }

    /** The scope of a region given as a 2, 4, 6, 9 or 12 digit code, as {@link RegionCode#parse} reads it. */
    public static RegionScope of(String regionCode) {
        return of(RegionCode.parse(regionCode));
    }

    /** The whole country, for system tasks such as seeding (never for a user). */
    public static RegionScope nationwide() {
        return new RegionScope("");
    }

    /** Whether the region with this code lies in the scope. */
    public boolean covers(RegionCode regionCode) {
        return regionCode != null && regionCode.value().startsWith(prefix);
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
