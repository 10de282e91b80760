package org.bulwark.core.screening;

import java.util.Arrays;

/**
 * Folds each household's selected records into an aggregation feature's value, in entry order (table order within a
 * household), so a sum adds the same numbers in the same order in every run. It also remembers which record max, min
 * and last chose, for the evidence.
 */
final class FeatureAggregator {

    private FeatureAggregator() {}

    /**
     * @param chunkStart the scope position of the chunk's first household: an entry's slot is its key minus this
     * @param m          households in the chunk
     */
    static void aggregate(
            AggregateFeature feature,
            FilterSelection selection,
            CategoryIndex index,
            RecordFrame frame,
            HouseholdFrame households,
            int[] chosen,
            int chunkStart,
            int m) {
        int[] keys = index.keyColumn();
        int[] positions = selection.positions;
        int count = selection.count;
        switch (feature.aggregation()) {
            case COUNT -> {
                double[] out = households.numberBuffer(feature.slot());
                Arrays.fill(out, 0, m, 0);
                for (int k = 0; k < count; k++) {
                    out[keys[positions[k]] - chunkStart]++;
                }
            }
            case ANY -> {
                boolean[] out = households.flagBuffer(feature.slot());
                Arrays.fill(out, 0, m, false);
                for (int k = 0; k < count; k++) {
                    out[keys[positions[k]] - chunkStart] = true;
                }
            }
            case SUM -> {
                double[] out = households.numberBuffer(feature.slot());
                Arrays.fill(out, 0, m, 0);
                frame.bind(positions);
                double[] values = feature.value().eval(frame, count);
                for (int k = 0; k < count; k++) {
                    out[keys[positions[k]] - chunkStart] += values[k];
                }
            }
            default -> {
                frame.bind(positions);
                double[] values = feature.value().eval(frame, count);
                choose(
                        feature.aggregation(),
                        values,
                        selection,
                        index,
                        households.numberBuffer(feature.slot()),
                        chosen,
                        chunkStart,
                        m);
            }
        }
    }

    private static void choose(
            Aggregation aggregation,
            double[] values,
            FilterSelection selection,
            CategoryIndex index,
            double[] out,
            int[] chosen,
            int chunkStart,
            int m) {
        Arrays.fill(out, 0, m, 0);
        Arrays.fill(chosen, 0, m, -1);
        int[] keys = index.keyColumn();
        int[] positions = selection.positions;
        int[] best = new int[m];
        for (int k = 0; k < selection.count; k++) {
            int slot = keys[positions[k]] - chunkStart;
            if (chosen[slot] < 0 || better(aggregation, values, positions, index, k, best[slot])) {
                best[slot] = k;
                chosen[slot] = positions[k];
                out[slot] = values[k];
            }
        }
    }

    /** Whether entry {@code k} replaces the current choice; ties keep the earlier entry, except for last. */
    private static boolean better(
            Aggregation aggregation, double[] values, int[] positions, CategoryIndex index, int k, int best) {
        return switch (aggregation) {
            case MAX -> values[k] > values[best];
            case MIN -> values[k] < values[best];
            case LAST -> {
                int[] days = index.dayColumn();
                int entry = positions[k];
                int bestEntry = positions[best];
                yield days[entry] > days[bestEntry]
                        || (days[entry] == days[bestEntry] && index.record(entry) > index.record(bestEntry));
            }
            default -> throw new IllegalStateException(aggregation + " chooses no record");
        };
    }
}
