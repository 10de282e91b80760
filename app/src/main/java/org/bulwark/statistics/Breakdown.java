package org.bulwark.statistics;

import java.util.List;

/**
 * A table of a provider by its own key for the region as a whole, e.g. warnings by risk type.
 *
 * @param id        table id, unique over all providers ({@code warnings.byRiskType})
 * @param titleKey  message key of the table's title
 * @param keys      the row keys in order, each with a label: a message key when {@code labelIsKey}, else a text
 *                  from configuration (a data category's name)
 * @param measures  the columns
 * @param values    figures, with the row key as {@link FigureValue#group()}
 */
public record Breakdown(
        String id,
        String titleKey,
        List<Row> keys,
        boolean labelIsKey,
        List<Measure> measures,
        List<FigureValue> values) {

    /** A row key and its label. */
    public record Row(String key, String label) {}

    /** How a breakdown key reads: a message key to resolve, or a text from configuration. */
    public record Label(String text, boolean messageKey) {}
}
