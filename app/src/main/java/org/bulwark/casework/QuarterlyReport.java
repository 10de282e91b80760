package org.bulwark.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bulwark.core.casework.RiskType;

/**
 * The quarterly figures of a county (or a township): one row per township (or village) and the total row, each split
 * by monitoring type, with the households under monitoring at the quarter's end by risk type.
 *
 * @param regionName  the region's name (never a bare code on a report)
 * @param generatedBy the display name of the user who asked for it
 */
public record QuarterlyReport(
        String regionCode,
        String regionName,
        ReportingQuarter quarter,
        LocalDate from,
        LocalDate to,
        List<RegionRow> rows,
        RegionRow total,
        Instant generatedAt,
        String generatedBy) {

    /** The key of the column group that counts every monitoring type together. */
    public static final String ALL_TYPES = "ALL";

    /** Households and their persons (the members they have today). */
    public record HouseholdsAndPersons(long households, long persons) {

        public static final HouseholdsAndPersons ZERO = new HouseholdsAndPersons(0, 0);

        HouseholdsAndPersons plus(long members) {
            return new HouseholdsAndPersons(households + 1, persons + members);
        }
    }

    /**
     * The figures of one region.
     *
     * @param byType the figures per monitoring type name, and all types together under {@link #ALL_TYPES}
     * @param byRisk households under monitoring at the quarter's end with each risk type (one under each of its risks)
     */
    public record RegionRow(
            String regionCode,
            String regionName,
            Map<String, Map<QuarterlyMeasure, HouseholdsAndPersons>> byType,
            Map<RiskType, HouseholdsAndPersons> byRisk) {

        /** The figure for a type (or {@link #ALL_TYPES}); zero when nothing counted. */
        public HouseholdsAndPersons cell(String type, QuarterlyMeasure measure) {
            return byType.getOrDefault(type, Map.of()).getOrDefault(measure, HouseholdsAndPersons.ZERO);
        }

        public HouseholdsAndPersons risk(RiskType risk) {
            return byRisk.getOrDefault(risk, HouseholdsAndPersons.ZERO);
        }
    }
}
