package org.bulwark.core.region;

/**
 * The five levels of the administrative hierarchy, with the number of significant digits a
 * statistical code has at that level (province 2, prefecture 4, county 6, township 9, village 12).
 */
public enum RegionLevel {
    /** 省级: province, autonomous region, municipality (2 digits). */
    PROVINCE(2),
    /** 地级: prefecture-level city, prefecture, league, autonomous prefecture (4 digits). */
    PREFECTURE(4),
    /** 县级: county, district, county-level city, banner (6 digits). */
    COUNTY(6),
    /** 乡级: township, town, sub-district (9 digits). */
    TOWNSHIP(9),
    /** 村级: village or residents' committee (12 digits). */
    VILLAGE(12);

    private final int digits;

    RegionLevel(int digits) {
        this.digits = digits;
    }

    /** Significant digits of a code at this level: 2, 4, 6, 9 or 12. */
    public int digits() {
        return digits;
    }

    /**
     * The level whose codes have exactly {@code digits} significant digits.
     *
     * @throws IllegalArgumentException unless digits is 2, 4, 6, 9 or 12
     */
    public static RegionLevel ofDigits(int digits) {
        for (RegionLevel level : values()) {
            if (level.digits == digits) {
                return level;
            }
        }
        throw new IllegalArgumentException("no region level has " + digits + " digits (expected 2, 4, 6, 9 or 12)");
    }
}
