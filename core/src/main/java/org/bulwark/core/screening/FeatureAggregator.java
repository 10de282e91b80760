package org.bulwark.core.screening;

/**
 * Folds each household's selected records into an aggregation feature's value, in entry order (table order within a
 * household), so a sum adds the same numbers in the same order in every run. It also remembers which record max, min
 * and last chose, for the evidence.
 */
final class FeatureAggregator {

    private FeatureAggregator() {
    }

    static void aggregate(AggregateFeature feature, FilterSelection selection, CategoryIndex index, RecordFrame frame,
                          HouseholdFrame households, int[] chosen, int m) {
        int[] segments = selection.segmentStart;
        switch (feature.aggregation()) {
            case COUNT -> {
                double[] out = households.numberBuffer(feature.slot());
                for (int i = 0; i < m; i++) {
                    out[i] = segments[i + 1] - segments[i];
                }
            }
            case ANY -> {
                boolean[] out = households.flagBuffer(feature.slot());
                for (int i = 0; i < m; i++) {
                    out[i] = segments[i + 1] > segments[i];
                }
            }
            default -> {
                frame.bind(selection.positions);
                double[] values = feature.value().eval(frame, selection.count);
                fold(feature.aggregation(), values, selection, index, households.numberBuffer(feature.slot()),
                        chosen, m);
            }
        }
    }

    private static void fold(Aggregation aggregation, double[] values, FilterSelection selection, CategoryIndex index,
                             double[] out, int[] chosen, int m) {
        int[] segments = selection.segmentStart;
        for (int i = 0; i < m; i++) {
            int from = segments[i];
            int to = segments[i + 1];
            chosen[i] = -1;
            if (from == to) {
                out[i] = 0;
                continue;
            }
            if (aggregation == Aggregation.SUM) {
                double sum = 0;
                for (int k = from; k < to; k++) {
                    sum += values[k];
                }
                out[i] = sum;
                continue;
            }
            int best = from;
            for (int k = from + 1; k < to; k++) {
                if (better(aggregation, values, selection.positions, index, k, best)) {
                    best = k;
                }
            }
            out[i] = values[best];
            chosen[i] = selection.positions[best];
        }
    }

    /** Whether entry {@code k} replaces the current choice; ties keep the earlier entry, except for last. */
    private static boolean better(Aggregation aggregation, double[] values, int[] positions, CategoryIndex index,
                                  int k, int best) {
        return switch (aggregation) {
            case MAX -> values[k] > values[best];
            case MIN -> values[k] < values[best];
            case LAST -> {
                int[] days = index.table().dayColumn();
                int record = index.record(positions[k]);
                int bestRecord = index.record(positions[best]);
                yield days[record] > days[bestRecord] || (days[record] == days[bestRecord] && record > bestRecord);
            }
            default -> throw new IllegalStateException(aggregation + " chooses no record");
        };
    }
}
