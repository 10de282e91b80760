package org.bulwark.core.region;

import java.util.Objects;

/**
 * One administrative division as imported: 12-digit code, name, level and the 12-digit code of
 * its parent (authoritative, see {@link RegionCode}), {@code null} only for provinces.
 *
 * <p>Invariants checked on construction: codes are valid 12-digit {@link RegionCode}s, the level
 * equals the code's derived level, the parent is at a higher level and its prefix contains this
 * code (so prefix scoping finds every descendant).
 */
public record RegionRecord(String code, String name, RegionLevel level, String parentCode) {

    public RegionRecord {
        RegionCode own = new RegionCode(code);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("region " + code + " has no name");
        }
        Objects.requireNonNull(level, "level");
        if (own.level() != level) {
            throw new IllegalArgumentException("region " + code + " (" + name + ") is recorded as " + level
                    + " but its code is " + own.level() + "-level");
        }
        if (level == RegionLevel.PROVINCE) {
            if (parentCode != null) {
                throw new IllegalArgumentException("province " + code + " must not have a parent");
            }
        } else {
            if (parentCode == null) {
                throw new IllegalArgumentException("region " + code + " (" + name + ") has no parent");
            }
            RegionCode parent = new RegionCode(parentCode);
            if (parent.level().compareTo(level) >= 0 || !parent.contains(own)) {
                throw new IllegalArgumentException("region " + code + " (" + name + ") cannot lie in " + parentCode);
            }
        }
    }

    /** The code as a {@link RegionCode}. */
    public RegionCode regionCode() {
        return new RegionCode(code);
    }
}
