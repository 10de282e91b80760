package org.bulwark.core.screening;

/**
 * Applies a record filter to a chunk's entries: window, then latest per person or household, then {@code where}.
 * The order matters and is part of the rule semantics: "latest" looks at every record in the window, so a child's
 * latest school status decides, not the latest status that happens to say "dropped out".
 */
final class RecordSelector {

    private boolean[] keep = new boolean[256];

    /**
     * Selects into {@code selection} the entries of households {@code 0..m-1} of the chunk, whose entries are
     * {@code starts[i]..ends[i]} of {@code index}.
     */
    void select(ScreeningPlan.FilterPlan plan, CategoryIndex index, RecordFrame frame, int[] starts, int[] ends,
                int m, FilterSelection selection) {
        int total = 0;
        for (int i = 0; i < m; i++) {
            total += ends[i] - starts[i];
        }
        selection.ensureCapacity(total);
        int[] days = index.table().dayColumn();
        int[] records = index.recordColumn();
        int[] positions = selection.positions;
        int[] segments = selection.segmentStart;
        DateRange range = plan.range();
        int count = 0;
        for (int i = 0; i < m; i++) {
            segments[i] = count;
            for (int position = starts[i]; position < ends[i]; position++) {
                if (range.contains(days[records[position]])) {
                    positions[count++] = position;
                }
            }
        }
        segments[m] = count;
        selection.count = count;
        RecordFilter filter = plan.filter();
        if (filter.latest() != Latest.NONE && count > 0) {
            keepLatest(filter.latest(), index, selection, m);
        }
        if (filter.where() != null && selection.count > 0) {
            frame.bind(selection.positions);
            compact(selection, filter.where().eval(frame, selection.count), m);
        }
    }

    private void keepLatest(Latest latest, CategoryIndex index, FilterSelection selection, int m) {
        if (keep.length < selection.count) {
            keep = new boolean[Frame.grown(selection.count)];
        }
        int[] positions = selection.positions;
        for (int i = 0; i < m; i++) {
            int from = selection.segmentStart[i];
            int to = selection.segmentStart[i + 1];
            for (int k = from; k < to; k++) {
                keep[k] = true;
                for (int j = from; j < to && keep[k]; j++) {
                    if (j != k && later(index, positions[j], positions[k])
                            && (latest == Latest.HOUSEHOLD || samePerson(index, positions[j], positions[k]))) {
                        keep[k] = false;
                    }
                }
            }
        }
        compact(selection, keep, m);
    }

    /** Whether entry {@code a} is later than entry {@code b}: a later date, or the same date and later in the table. */
    private static boolean later(CategoryIndex index, int a, int b) {
        int[] days = index.table().dayColumn();
        int recordA = index.record(a);
        int recordB = index.record(b);
        return days[recordA] > days[recordB] || (days[recordA] == days[recordB] && recordA > recordB);
    }

    /** Same registered person, or (both unmatched) the same identity number. */
    private static boolean samePerson(CategoryIndex index, int a, int b) {
        int personA = index.person(a);
        int personB = index.person(b);
        if (personA >= 0 || personB >= 0) {
            return personA == personB;
        }
        String idA = index.table().idNumberColumn()[index.record(a)];
        return idA != null && idA.equals(index.table().idNumberColumn()[index.record(b)]);
    }

    /** Keeps the entries whose flag is set, in order, and moves the segment boundaries with them. */
    private static void compact(FilterSelection selection, boolean[] flags, int m) {
        int[] positions = selection.positions;
        int[] segments = selection.segmentStart;
        int count = 0;
        for (int i = 0; i < m; i++) {
            int from = segments[i];
            int to = segments[i + 1];
            segments[i] = count;
            for (int k = from; k < to; k++) {
                if (flags[k]) {
                    positions[count++] = positions[k];
                }
            }
        }
        segments[m] = count;
        selection.count = count;
    }
}
