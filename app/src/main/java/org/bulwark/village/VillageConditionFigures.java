package org.bulwark.village;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bulwark.core.village.Indicator;
import org.bulwark.core.village.IndicatorCatalogue;
import org.bulwark.statistics.Breakdown;
import org.bulwark.statistics.FigureProvider;
import org.bulwark.statistics.FigureQuery;
import org.bulwark.statistics.FigureValue;
import org.bulwark.statistics.HouseholdCondition;
import org.bulwark.statistics.Measure;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Coverage of the villages' infrastructure and services (docs/policy.md §9, "village indicators"): per region, the
 * villages that reported for the year and the share of them with each yes/no indicator; per indicator, the villages
 * with it and short of it. A share is of the villages that reported the indicator, not of all villages: one that has
 * not reported is neither covered nor short.
 *
 * <p>The figures are about villages, not people, so no household stands behind them: they are never suppressed and
 * open no list of households (the list of villages short of each is the module's own page).
 */
@Component
class VillageConditionFigures implements FigureProvider {

    static final String REPORTED = "village.reported";
    static final String SHARE = "village.share.";
    static final String BY_INDICATOR = "village.byIndicator";
    static final String WITH = "village.with";
    static final String SHORT = "village.short";
    static final String RATE = "village.rate";

    private final JdbcClient jdbc;
    private final IndicatorCatalogue catalogue;
    private final MessageSource messages;

    VillageConditionFigures(JdbcClient jdbc, IndicatorCatalogue catalogue, MessageSource messages) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.messages = messages;
    }

    @Override
    public String id() {
        return "village";
    }

    @Override
    public String titleKey() {
        return "dashboard.village";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public String noteKey() {
        return "dashboard.village.note";
    }

    /**
     * Villages reported, then a share column per yes/no indicator that has a column header in the messages (a
     * province's own indicator without one is still in the breakdown, named from the catalogue).
     */
    @Override
    public List<Measure> measures() {
        List<Measure> measures = new ArrayList<>();
        measures.add(new Measure(REPORTED, "dashboard." + REPORTED, Measure.Format.COUNT, false));
        for (Indicator indicator : labelled()) {
            measures.add(new Measure(
                    SHARE + indicator.code(), "dashboard.village." + indicator.code(), Measure.Format.PERCENT, false));
        }
        return measures;
    }

    /**
     * The indicators whose national targets lie below all villages (docs/policy.md §9: 5G, courier) and the services
     * most often missing, where regions differ; roads and power, near 100% everywhere, would draw flat lines.
     */
    @Override
    public List<String> chartedMeasures() {
        List<String> uneven = List.of("coverage_5g", "courier", "clinic", "elder_care");
        List<String> charted = labelled().stream()
                .map(Indicator::code)
                .filter(uneven::contains)
                .map(code -> SHARE + code)
                .toList();
        return charted.isEmpty()
                ? labelled().stream().map(i -> SHARE + i.code()).limit(4).toList()
                : charted;
    }

    @Override
    public List<String> headlineMeasures() {
        return List.of(REPORTED);
    }

    @Override
    public List<Measure> breakdownMeasures() {
        return List.of(
                new Measure(REPORTED, "dashboard." + REPORTED, Measure.Format.COUNT, false),
                new Measure(WITH, "dashboard." + WITH, Measure.Format.COUNT, false),
                new Measure(SHORT, "dashboard." + SHORT, Measure.Format.COUNT, false),
                new Measure(RATE, "dashboard." + RATE, Measure.Format.PERCENT, false));
    }

    @Override
    public List<FigureValue> byRegion(FigureQuery query) {
        List<FigureValue> values = new ArrayList<>();
        String group = query.groupOrTotal("c.village_code");
        String sets = "grouping sets ((" + query.groupOf("c.village_code") + "), ())";
        jdbc.sql("select %s as grp, count(distinct c.village_code) as n from village_condition c %s group by %s"
                        .formatted(group, WHERE, sets))
                .params(query.year(), query.scopePattern(), query.regionPattern())
                .query((rs, n) -> values.add(FigureValue.of(rs.getString("grp"), REPORTED, rs.getLong("n"), 0)))
                .list();
        coverage(query, group, "grouping sets ((" + query.groupOf("c.village_code") + ", c.indicator), (c.indicator))")
                .forEach(c -> values.add(new FigureValue(c.group(), SHARE + c.indicator(), c.rate(), 0)));
        return values;
    }

    @Override
    public Optional<Breakdown> breakdown(FigureQuery query) {
        List<FigureValue> values = new ArrayList<>();
        for (Coverage c : coverage(query, "'" + query.regionPrefix() + "'", "c.indicator")) {
            values.add(FigureValue.of(c.indicator(), REPORTED, c.villages(), 0));
            values.add(FigureValue.of(c.indicator(), WITH, c.with(), 0));
            values.add(FigureValue.of(c.indicator(), SHORT, c.villages() - c.with(), 0));
            values.add(new FigureValue(c.indicator(), RATE, c.rate(), 0));
        }
        // the code stands as the label: breakdowns are cached for every language, breakdownLabel names it
        List<Breakdown.Row> keys = catalogue.yesNo().stream()
                .map(i -> new Breakdown.Row(i.code(), i.code()))
                .toList();
        return Optional.of(
                new Breakdown(BY_INDICATOR, "dashboard." + BY_INDICATOR, keys, false, breakdownMeasures(), values));
    }

    @Override
    public Optional<Breakdown.Label> breakdownLabel(String key) {
        return breakdownLabel(key, Locale.CHINESE);
    }

    @Override
    public Optional<Breakdown.Label> breakdownLabel(String key, Locale locale) {
        return catalogue.indicator(key).map(i -> new Breakdown.Label(IndicatorCatalogue.name(i, locale), false));
    }

    @Override
    public Optional<HouseholdCondition> householdsBehind(String measureId, String key, FigureQuery query) {
        return Optional.empty();
    }

    private static final String WHERE = "where c.year = ? and c.village_code like ? and c.village_code like ?";

    /** Villages reporting each yes/no indicator and those with it, per group. */
    record Coverage(String group, String indicator, long villages, long with) {

        BigDecimal rate() {
            return villages == 0
                    ? null
                    : BigDecimal.valueOf(with * 100).divide(BigDecimal.valueOf(villages), 1, RoundingMode.HALF_UP);
        }
    }

    private List<Coverage> coverage(FigureQuery query, String group, String groupBy) {
        String[] yesNo = catalogue.yesNo().stream().map(Indicator::code).toArray(String[]::new);
        return jdbc.sql("""
                        select %s as grp, c.indicator, count(*) as villages, count(*) filter (where c.value > 0) as yes
                        from village_condition c %s and c.indicator = any(cast(? as varchar[])) group by %s
                        """.formatted(group, WHERE, groupBy))
                .params(query.year(), query.scopePattern(), query.regionPattern(), yesNo)
                .query((rs, n) -> new Coverage(
                        rs.getString("grp"), rs.getString("indicator"), rs.getLong("villages"), rs.getLong("yes")))
                .list();
    }

    /** The yes/no indicators whose share column has a header in the messages. */
    private List<Indicator> labelled() {
        return catalogue.yesNo().stream()
                .filter(i -> messages.getMessage("dashboard.village." + i.code(), null, null, Locale.CHINESE) != null)
                .toList();
    }
}
