package org.bulwark.statistics;

import java.math.BigDecimal;
import java.util.List;

/**
 * A dashboard table as shown and exported: rows of figures under measures, and the row of totals.
 *
 * @param id       unique table id ({@code registry}, {@code warnings.byRiskType})
 * @param titleKey message key of its title
 * @param byRegion whether its rows are the regions one level down (else the provider's breakdown keys)
 */
public record FigureTable(
        String id,
        String titleKey,
        boolean byRegion,
        List<Measure> measures,
        List<Row> rows,
        Row total,
        List<String> chartedMeasures,
        boolean stacked) {

    /**
     * A row: a region one level down, or a breakdown key.
     *
     * @param label      what the row is called (a region's name, a resolved breakdown label)
     * @param regionCode the region to drill down into, or null
     * @param linkRegion the region whose households the figures of this row count
     * @param key        the breakdown key, or null
     */
    public record Row(String label, String regionCode, String linkRegion, String key, List<Cell> cells) {}

    /**
     * One figure, suppressed (no value, no link) when it rests on one or two households of a village.
     *
     * @param linked whether a list of households can be opened from it
     */
    public record Cell(Measure measure, BigDecimal value, long households, boolean suppressed, boolean linked) {}
}
