package org.bulwark.core.screening;

/**
 * Applies a record filter to a chunk's entries: window, then latest per person or household, then {@code where}.
 * The order matters and is part of the rule semantics: "latest" looks at every record in the window, so a child's
 * latest school status decides, not the latest status that happens to say "dropped out". Work is proportional to
 * the chunk's entries, not to its households.
 */
final class RecordSelector {

    private boolean[] keep = new boolean[256];

    /** Selects into {@code selection} from the chunk's entries {@code from..to} of {@code index}. */
    void select(
            ScreeningPlan.FilterPlan plan,
            CategoryIndex index,
            RecordFrame frame,
            int from,
            int to,
            FilterSelection selection) {
        selection.ensureCapacity(to - from);
        int[] days = index.dayColumn();
        int[] positions = selection.positions;
        DateRange range = plan.range();
        int count = 0;
        for (int position = from; position < to; position++) {
            if (range.contains(days[position])) {
                positions[count++] = position;
            }
        }
        selection.count = count;
        RecordFilter filter = plan.filter();
        if (filter.latest() != Latest.NONE && count > 1) {
            keepLatest(filter.latest(), index, selection);
        }
        if (filter.where() != null && selection.count > 0) {
            frame.bind(selection.positions);
            compact(selection, filter.where().eval(frame, selection.count));
        }
    }

    private void keepLatest(Latest latest, CategoryIndex index, FilterSelection selection) {
        if (keep.length < selection.count) {
            keep = new boolean[Frame.grown(selection.count)];
        }
        int[] positions = selection.positions;
        int[] keys = index.keyColumn();
        int start = 0;
        while (start < selection.count) {
            int end = start + 1;
            while (end < selection.count && keys[positions[end]] == keys[positions[start]]) {
                end++;
            }
            markLatest(latest, index, positions, start, end);
            start = end;
        }
        compact(selection, keep);
    }

    /** Marks in {@code keep} the latest entry per person (or the latest one) among one household's entries. */
    private void markLatest(Latest latest, CategoryIndex index, int[] positions, int from, int to) {
        for (int k = from; k < to; k++) {
            keep[k] = true;
            for (int j = from; j < to && keep[k]; j++) {
                if (j != k
                        && later(index, positions[j], positions[k])
                        && (latest == Latest.HOUSEHOLD || samePerson(index, positions[j], positions[k]))) {
                    keep[k] = false;
                }
            }
        }
    }

    /** Whether entry {@code a} is later than entry {@code b}: a later date, or the same date and later in the table. */
    private static boolean later(CategoryIndex index, int a, int b) {
        int[] days = index.dayColumn();
        return days[a] > days[b] || (days[a] == days[b] && index.record(a) > index.record(b));
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

    /** Keeps the entries whose flag is set, in order. */
    private static void compact(FilterSelection selection, boolean[] flags) {
        int[] positions = selection.positions;
        int count = 0;
        for (int k = 0; k < selection.count; k++) {
            if (flags[k]) {
                positions[count++] = positions[k];
            }
        }
        selection.count = count;
    }
}
