package org.bulwark.core.safetynet;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The standards of one region and year, yuan per person per year.
 *
 * @param regionCode the region's code prefix (2 digits a province, 4 a prefecture, 6 a county)
 * @param allowance  the rural minimum living allowance standard (农村低保标准)
 * @param support    the extreme-poverty support standard (特困人员基本生活标准), or null if not set
 * @param source     where the figure comes from, in words (a document, or "demo figure")
 * @param demo       true for a made-up figure that stands in for a published one
 */
public record SafetyNetStandard(
        String regionCode, int year, BigDecimal allowance, BigDecimal support, String source, boolean demo) {

    /** Refuses a region code that is not a province, prefecture or county prefix, and a negative standard. */
    public SafetyNetStandard {
        Objects.requireNonNull(regionCode, "regionCode");
        if (!regionCode.matches("\\d{2}|\\d{4}|\\d{6}")) {
            throw new IllegalArgumentException("not a province, prefecture or county code: " + regionCode);
        }
        Objects.requireNonNull(allowance, "allowance");
        if (allowance.signum() < 0 || (support != null && support.signum() < 0)) {
            throw new IllegalArgumentException("a standard cannot be negative");
        }
    }

    /** Whether this standard applies to a region: the region's code starts with this one's. */
    public boolean covers(String code) {
        return code.startsWith(regionCode);
    }

    /** The same region and year: one replaces the other. */
    public boolean sameSlot(SafetyNetStandard other) {
        return regionCode.equals(other.regionCode) && year == other.year;
    }
}
