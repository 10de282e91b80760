package org.bulwark.statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Keeps a suppressed village figure from being worked out by subtraction, down a column and along a row.
 *
 * <ul>
 *   <li>Down a column of counts, the villages add up to the total: when exactly one village's figure is hidden, the
 *       next smallest village figure is hidden as well, or the total when there is none to hide it among.</li>
 *   <li>Along a row, measures that add up ({@link MeasureSum}: households = the three categories) give a hidden one
 *       away the same way: a second one of the sum is hidden, the smallest part, else the sum itself.</li>
 *   <li>A measure computed from others (a rate, {@link FigureProvider#derivedFrom()}) is hidden wherever one of
 *       those is, since the rate and the shown count would give the hidden count back.</li>
 * </ul>
 * Hiding one cell can expose another relation, so the rules are applied until nothing changes. This closes every
 * single-equation derivation; it is not a full audit against combinations of equations, which for tables of a few
 * dozen villages with a handful of small cells has not been needed.
 */
final class SecondarySuppression {

    private SecondarySuppression() {}

    /**
     * Suppresses further cells of {@code rows} (village rows, perhaps one row of figures placed at no village) in
     * place; returns the total row, suppressed where needed.
     */
    static FigureTable.Row apply(
            List<FigureTable.Row> rows,
            FigureTable.Row total,
            List<MeasureSum> sums,
            Map<String, List<String>> derivedFrom) {
        List<FigureTable.Row> all = new ArrayList<>(rows);
        all.add(total);
        boolean changed = true;
        while (changed) {
            changed = columns(all, rows.size());
            for (int r = 0; r < all.size(); r++) {
                changed |= alongRow(all, r, sums, derivedFrom);
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            rows.set(r, all.get(r));
        }
        return all.get(all.size() - 1);
    }

    /** The column pass; the last of {@code all} is the total, the {@code villages} before it add up to it. */
    private static boolean columns(List<FigureTable.Row> all, int villages) {
        boolean changed = false;
        int totalIndex = all.size() - 1;
        for (int c = 0; c < all.get(totalIndex).cells().size(); c++) {
            final int column = c;
            if (all.get(totalIndex).cells().get(c).measure().format() != Measure.Format.COUNT
                    || all.get(totalIndex).cells().get(c).suppressed()) {
                continue;
            }
            List<FigureTable.Row> parts = all.subList(0, villages);
            if (parts.stream().filter(r -> r.cells().get(column).suppressed()).count() != 1) {
                continue;
            }
            Optional<Integer> partner = smallestShown(parts, column);
            int index = partner.orElse(totalIndex);
            all.set(index, hide(all.get(index), column));
            changed = true;
        }
        return changed;
    }

    private static boolean alongRow(
            List<FigureTable.Row> all, int r, List<MeasureSum> sums, Map<String, List<String>> derivedFrom) {
        boolean changed = false;
        for (MeasureSum sum : sums) {
            FigureTable.Row row = all.get(r);
            int totalColumn = column(row, sum.total());
            List<Integer> partColumns = sum.parts().stream()
                    .map(id -> column(row, id))
                    .filter(i -> i >= 0)
                    .toList();
            if (totalColumn < 0 || partColumns.size() != sum.parts().size()) {
                continue;
            }
            long hidden = IntStream.concat(
                            IntStream.of(totalColumn), partColumns.stream().mapToInt(i -> i))
                    .filter(i -> row.cells().get(i).suppressed())
                    .count();
            if (hidden != 1) {
                continue;
            }
            int column = partColumns.stream()
                    .filter(i -> shownPositive(row.cells().get(i)))
                    .min(Comparator.comparing(i -> row.cells().get(i).value()))
                    .orElse(row.cells().get(totalColumn).suppressed() ? -1 : totalColumn);
            if (column >= 0) {
                all.set(r, hide(row, column));
                changed = true;
            }
        }
        for (Map.Entry<String, List<String>> derived : derivedFrom.entrySet()) {
            FigureTable.Row row = all.get(r);
            int column = column(row, derived.getKey());
            if (column >= 0
                    && !row.cells().get(column).suppressed()
                    && derived.getValue().stream()
                            .map(id -> column(row, id))
                            .anyMatch(i -> i >= 0 && row.cells().get(i).suppressed())) {
                all.set(r, hide(row, column));
                changed = true;
            }
        }
        return changed;
    }

    private static Optional<Integer> smallestShown(List<FigureTable.Row> rows, int column) {
        return IntStream.range(0, rows.size())
                .boxed()
                .filter(i -> shownPositive(rows.get(i).cells().get(column)))
                .min(Comparator.comparing(i -> rows.get(i).cells().get(column).value()));
    }

    private static boolean shownPositive(FigureTable.Cell cell) {
        return !cell.suppressed() && cell.value() != null && cell.value().signum() > 0;
    }

    private static int column(FigureTable.Row row, String measureId) {
        for (int i = 0; i < row.cells().size(); i++) {
            if (row.cells().get(i).measure().id().equals(measureId)) {
                return i;
            }
        }
        return -1;
    }

    private static FigureTable.Row hide(FigureTable.Row row, int column) {
        List<FigureTable.Cell> cells = new ArrayList<>(row.cells());
        FigureTable.Cell cell = cells.get(column);
        cells.set(column, new FigureTable.Cell(cell.measure(), null, 0, true, false));
        return new FigureTable.Row(row.label(), row.regionCode(), row.linkRegion(), row.key(), cells);
    }
}
