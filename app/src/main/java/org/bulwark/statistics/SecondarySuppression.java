package org.bulwark.statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps a suppressed village figure from being worked out by subtraction. When a column of counts has exactly one
 * suppressed village, the total minus the other villages would give it away, so the next smallest village figure
 * is suppressed as well; when there is none to hide it among, the total is suppressed instead.
 */
final class SecondarySuppression {

    private SecondarySuppression() {
    }

    /** Suppresses further cells of {@code rows} in place; returns the total row, suppressed where needed. */
    static FigureTable.Row apply(List<FigureTable.Row> rows, FigureTable.Row total) {
        List<FigureTable.Cell> totalCells = new ArrayList<>(total.cells());
        for (int column = 0; column < totalCells.size(); column++) {
            if (totalCells.get(column).measure().format() != Measure.Format.COUNT) {
                continue;
            }
            final int c = column;
            long suppressed = rows.stream().filter(r -> r.cells().get(c).suppressed()).count();
            if (suppressed != 1) {
                continue;
            }
            var partner = rows.stream().filter(r -> !r.cells().get(c).suppressed() && r.cells().get(c).value() != null
                            && r.cells().get(c).value().signum() > 0)
                    .min(Comparator.comparing(r -> r.cells().get(c).value()));
            if (partner.isPresent()) {
                int index = rows.indexOf(partner.get());
                rows.set(index, suppress(partner.get(), c));
            } else {
                totalCells.set(c, hidden(totalCells.get(c)));
            }
        }
        return new FigureTable.Row(total.label(), total.regionCode(), total.linkRegion(), total.key(), totalCells);
    }

    private static FigureTable.Row suppress(FigureTable.Row row, int column) {
        List<FigureTable.Cell> cells = new ArrayList<>(row.cells());
        cells.set(column, hidden(cells.get(column)));
        return new FigureTable.Row(row.label(), row.regionCode(), row.linkRegion(), row.key(), cells);
    }

    private static FigureTable.Cell hidden(FigureTable.Cell cell) {
        return new FigureTable.Cell(cell.measure(), null, 0, true, false);
    }
}
