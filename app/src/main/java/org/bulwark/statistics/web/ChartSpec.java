package org.bulwark.statistics.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.bulwark.statistics.FigureTable;
import org.bulwark.statistics.Measure;
import org.springframework.context.MessageSource;

/**
 * What {@code dashboard.js} needs to draw a table as an ECharts chart: the row labels, one series per charted
 * measure (suppressed figures left out), and where a click on each bar leads.
 */
final class ChartSpec {

    private ChartSpec() {}

    /**
     * @param links for a row and a measure, the address a click leads to (or null)
     */
    static Map<String, Object> of(
            FigureTable table,
            int year,
            MessageSource messages,
            Locale locale,
            BiFunction<FigureTable.Row, Measure, String> links) {
        List<FigureTable.Row> rows = table.rows();
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("categories", rows.stream().map(r -> shortName(r.label())).toList());
        spec.put("horizontal", !table.byRegion());
        spec.put("stacked", table.stacked());
        List<Map<String, Object>> series = new ArrayList<>();
        for (String measureId : table.chartedMeasures()) {
            int column = indexOf(table, measureId);
            Measure measure = table.measures().get(column);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", messages.getMessage(measure.labelKey(), new Object[] {year, year - 1}, locale));
            s.put("percent", measure.format() == Measure.Format.PERCENT);
            s.put("data", column(rows, column, c -> c.suppressed() || c.value() == null ? null : number(c.value())));
            s.put("links", rows.stream().map(r -> links.apply(r, measure)).toList());
            series.add(s);
        }
        spec.put("series", series);
        return spec;
    }

    /** Whether any series has a figure to draw. */
    @SuppressWarnings("unchecked")
    static boolean hasData(Map<String, Object> spec) {
        return ((List<Map<String, Object>>) spec.get("series"))
                .stream().anyMatch(s -> ((List<Object>) s.get("data")).stream().anyMatch(Objects::nonNull));
    }

    /**
     * A village's name as people say it: the statistical names end in 村民委员会 or 居民委员会 (village or
     * neighbourhood committee), which crowds the chart's axis.
     */
    static String shortName(String name) {
        if (name.endsWith("村民委员会")) {
            return name.substring(0, name.length() - "民委员会".length());
        }
        if (name.endsWith("居民委员会")) {
            return name.substring(0, name.length() - "居民委员会".length());
        }
        return name;
    }

    private static int indexOf(FigureTable table, String measureId) {
        for (int i = 0; i < table.measures().size(); i++) {
            if (table.measures().get(i).id().equals(measureId)) {
                return i;
            }
        }
        throw new IllegalArgumentException("table " + table.id() + " has no measure " + measureId);
    }

    private static List<Object> column(
            List<FigureTable.Row> rows, int column, Function<FigureTable.Cell, Object> value) {
        List<Object> data = new ArrayList<>();
        rows.forEach(r -> data.add(value.apply(r.cells().get(column))));
        return data;
    }

    private static Object number(BigDecimal value) {
        return value.scale() <= 0 ? (Object) value.longValue() : (Object) value.doubleValue();
    }
}
