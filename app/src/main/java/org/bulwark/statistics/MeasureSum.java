package org.bulwark.statistics;

import java.util.List;

/**
 * Measures that add up in every row: {@code total} is the sum of {@code parts} (households by category, warnings by
 * status). Where one of them is suppressed the others would give it away by subtraction, so suppression must hide a
 * second one (see {@link SecondarySuppression}).
 */
public record MeasureSum(String total, List<String> parts) {

    public MeasureSum {
        parts = List.copyOf(parts);
    }

    public static MeasureSum of(String total, String... parts) {
        return new MeasureSum(total, List.of(parts));
    }
}
