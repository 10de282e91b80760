package org.bulwark.statistics.web;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bulwark.statistics.FigureTable;
import org.bulwark.statistics.Measure;
import org.springframework.context.MessageSource;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A dashboard table ready to print: headers in the user's language, figures formatted, and the address behind
 * each figure. Done once in Java rather than with a template fragment per cell, which made a county's page (some
 * 400 figures) several times slower.
 */
record ShownTable(
        FigureTable table, String title, List<String> headers, List<ShownRow> rows, ShownRow total, String chart) {

    /** A row: its label, where it drills down to (or null), its figures. */
    record ShownRow(String label, String drill, List<ShownCell> cells) {}

    /** A figure as printed, with the list of households behind it (or null); suppressed ones print as a mark. */
    record ShownCell(String text, String href, boolean suppressed) {}

    static ShownTable of(
            FigureTable table,
            String title,
            int year,
            String chart,
            String contextPath,
            MessageSource messages,
            Locale locale) {
        Object[] years = {year, year - 1};
        List<String> headers = table.measures().stream()
                .map(m -> messages.getMessage(m.labelKey(), years, locale))
                .toList();
        String suppressed = messages.getMessage("dashboard.suppressed", null, locale);
        List<ShownRow> rows = new ArrayList<>();
        for (FigureTable.Row row : table.rows()) {
            rows.add(row(row, year, suppressed, contextPath));
        }
        ShownRow total = table.total() == null ? null : row(table.total(), year, suppressed, contextPath);
        return new ShownTable(table, title, headers, rows, total, chart);
    }

    private static ShownRow row(FigureTable.Row row, int year, String suppressedMark, String contextPath) {
        String drill = row.regionCode() == null
                ? null
                : UriComponentsBuilder.fromPath(contextPath + "/dashboard")
                        .queryParam("region", row.regionCode())
                        .queryParam("year", year)
                        .build()
                        .toUriString();
        List<ShownCell> cells = new ArrayList<>();
        for (FigureTable.Cell c : row.cells()) {
            cells.add(cell(c, row.linkRegion(), row.key(), year, suppressedMark, contextPath));
        }
        return new ShownRow(row.label(), drill, cells);
    }

    /** One figure, formatted, with its link (used for the headline figures as well). */
    static ShownCell cell(
            FigureTable.Cell c, String linkRegion, String key, int year, String suppressedMark, String contextPath) {
        if (c.suppressed()) {
            return new ShownCell(suppressedMark, null, true);
        }
        String href = !c.linked()
                ? null
                : UriComponentsBuilder.fromPath(contextPath + "/dashboard/households")
                        .queryParam("measure", c.measure().id())
                        .queryParam("region", linkRegion)
                        .queryParamIfPresent("key", Optional.ofNullable(key))
                        .queryParam("year", year)
                        .encode()
                        .build()
                        .toUriString();
        return new ShownCell(format(c), href, false);
    }

    private static String format(FigureTable.Cell c) {
        if (c.value() == null) {
            return "–";
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        if (c.measure().format() == Measure.Format.PERCENT) {
            DecimalFormat percent = new DecimalFormat("0.0", symbols);
            percent.setRoundingMode(RoundingMode.HALF_UP);
            return percent.format(c.value()) + "%";
        }
        DecimalFormat whole = new DecimalFormat("#,##0", symbols);
        whole.setRoundingMode(RoundingMode.HALF_UP);
        return whole.format(c.value());
    }
}
