package org.bulwark.employment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.bulwark.core.employment.WorkMode;
import org.bulwark.statistics.Breakdown;
import org.bulwark.statistics.FigureProvider;
import org.bulwark.statistics.FigureQuery;
import org.bulwark.statistics.FigureValue;
import org.bulwark.statistics.HouseholdCondition;
import org.bulwark.statistics.Measure;
import org.bulwark.statistics.MeasureSum;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Employment of formerly-poor and monitored labourers (docs/policy.md §9: "formerly-poor rural workers employed"),
 * from the labour registry: labourers in work — employed or self-employed, in any form of work; farming one's own
 * land is not work — by where they work (in the county, elsewhere in the province, outside it), against the same day
 * a month and a year ago as the labourers' history gives it, and the monthly wages of those in work. A breakdown
 * shows the same by form of work (employer, assistance workshop, cooperative, own account, gig, public-welfare job).
 *
 * <p>This is the dashboard's only count of labourers in work: the registry's own employment field is the labour
 * registry's first state, which department data, visits and hires then keep current (docs/employment.md).
 */
@Component
class LabourFigures implements FigureProvider {

    static final String LABOURERS = "labour.labourers";
    static final String EMPLOYED = "labour.employed";
    static final String IN_COUNTY = "labour.inCounty";
    static final String IN_PROVINCE = "labour.inProvince";
    static final String AWAY = "labour.outOfProvince";
    static final String NOT_EMPLOYED = "labour.notEmployed";
    static final String RATE = "labour.rate";
    static final String MONTH_AGO = "labour.employedMonthAgo";
    static final String MONTH_GROWTH = "labour.monthGrowth";
    static final String YEAR_AGO = "labour.employedYearAgo";
    static final String YEAR_GROWTH = "labour.yearGrowth";
    static final String WAGES = "labour.wages";
    static final String AVERAGE_WAGE = "labour.averageWage";
    static final String BY_MODE = "labour.byMode";

    /** The breakdown's key of labourers in work whose form of work nobody recorded. */
    static final String NO_MODE = "NONE";

    /** Each count of today and the condition on {@code labourer l} it counts. */
    private static final Map<String, String> CONDITIONS = new LinkedHashMap<>();

    static {
        CONDITIONS.put(LABOURERS, "true");
        CONDITIONS.put(EMPLOYED, "l.in_work");
        CONDITIONS.put(IN_COUNTY, "l.in_work and l.place = 'IN_COUNTY'");
        CONDITIONS.put(IN_PROVINCE, "l.in_work and l.place = 'IN_PROVINCE'");
        CONDITIONS.put(AWAY, "l.in_work and l.place = 'OUT_OF_PROVINCE'");
        CONDITIONS.put(NOT_EMPLOYED, "not l.in_work");
    }

    private static final String MODE_OF = "coalesce(l.work_mode, '" + NO_MODE + "')";

    private final JdbcClient jdbc;

    LabourFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String id() {
        return "labour";
    }

    @Override
    public String titleKey() {
        return "dashboard.labour";
    }

    @Override
    public String noteKey() {
        return "dashboard.labour.note";
    }

    @Override
    public int order() {
        return 25;
    }

    @Override
    public List<Measure> measures() {
        List<Measure> measures = new ArrayList<>();
        CONDITIONS.keySet().forEach(id -> measures.add(Measure.count(id, "dashboard." + id)));
        measures.add(new Measure(RATE, "dashboard." + RATE, Measure.Format.PERCENT, false));
        measures.addAll(changes());
        measures.addAll(wages());
        return measures;
    }

    private static List<Measure> changes() {
        return List.of(
                new Measure(MONTH_AGO, "dashboard." + MONTH_AGO, Measure.Format.COUNT, false),
                new Measure(MONTH_GROWTH, "dashboard." + MONTH_GROWTH, Measure.Format.PERCENT, false),
                new Measure(YEAR_AGO, "dashboard." + YEAR_AGO, Measure.Format.COUNT, false),
                new Measure(YEAR_GROWTH, "dashboard." + YEAR_GROWTH, Measure.Format.PERCENT, false));
    }

    private static List<Measure> wages() {
        return List.of(
                new Measure(WAGES, "dashboard." + WAGES, Measure.Format.MONEY, true),
                new Measure(AVERAGE_WAGE, "dashboard." + AVERAGE_WAGE, Measure.Format.MONEY, false));
    }

    /** Where the labourers work, stacked up to all labourers with those out of work, and the share in work. */
    @Override
    public List<String> chartedMeasures() {
        return List.of(IN_COUNTY, IN_PROVINCE, AWAY, NOT_EMPLOYED, RATE);
    }

    @Override
    public boolean stackedChart() {
        return true;
    }

    @Override
    public List<String> headlineMeasures() {
        return List.of(EMPLOYED, RATE);
    }

    @Override
    public List<MeasureSum> sums() {
        // those in work whose place nobody recorded make the places add up to less: hiding more is safe
        return List.of(
                MeasureSum.of(LABOURERS, EMPLOYED, NOT_EMPLOYED),
                MeasureSum.of(EMPLOYED, IN_COUNTY, IN_PROVINCE, AWAY));
    }

    @Override
    public Map<String, List<String>> derivedFrom() {
        return Map.of(
                RATE, List.of(LABOURERS, EMPLOYED, NOT_EMPLOYED),
                MONTH_GROWTH, List.of(EMPLOYED, MONTH_AGO),
                YEAR_GROWTH, List.of(EMPLOYED, YEAR_AGO),
                AVERAGE_WAGE, List.of(WAGES));
    }

    @Override
    public List<FigureValue> byRegion(FigureQuery query) {
        String group = query.groupOrTotal("l.village_code");
        String sets = "grouping sets ((" + query.groupOf("l.village_code") + "), ())";
        return figures(query, group, sets, CONDITIONS);
    }

    @Override
    public List<Measure> breakdownMeasures() {
        List<Measure> measures = new ArrayList<>();
        Stream.of(EMPLOYED, IN_COUNTY, IN_PROVINCE, AWAY)
                .forEach(id -> measures.add(Measure.count(id, "dashboard." + id)));
        measures.addAll(changes());
        measures.addAll(wages());
        return measures;
    }

    /** Those in work by form of work: the same figures, keyed by the form ({@link #NO_MODE} when unrecorded). */
    @Override
    public Optional<Breakdown> breakdown(FigureQuery query) {
        Map<String, String> inWork = new LinkedHashMap<>(CONDITIONS);
        inWork.keySet().retainAll(List.of(EMPLOYED, IN_COUNTY, IN_PROVINCE, AWAY));
        List<FigureValue> values = figures(query, MODE_OF, MODE_OF, inWork);
        List<Breakdown.Row> keys = new ArrayList<>();
        Arrays.stream(WorkMode.values()).forEach(m -> keys.add(new Breakdown.Row(m.name(), "enum.WorkMode." + m)));
        keys.add(new Breakdown.Row(NO_MODE, "dashboard.labour.noMode"));
        return Optional.of(new Breakdown(BY_MODE, "dashboard." + BY_MODE, keys, true, breakdownMeasures(), values));
    }

    @Override
    public Optional<Breakdown.Label> breakdownLabel(String key) {
        return Optional.of(
                new Breakdown.Label(NO_MODE.equals(key) ? "dashboard.labour.noMode" : "enum.WorkMode." + key, true));
    }

    /** Today's counts and wages, and those in work a month and a year ago, for each group. */
    private List<FigureValue> figures(FigureQuery query, String group, String groupBy, Map<String, String> conditions) {
        List<FigureValue> values = new ArrayList<>();
        for (LabourCounts.Group g : LabourCounts.today(jdbc, query, conditions, group, groupBy)) {
            g.counts().forEach((id, count) -> values.add(LabourCounts.count(g.group(), id, count)));
            if (conditions.containsKey(LABOURERS)) {
                long[] employed = g.counts().get(EMPLOYED);
                long[] not = g.counts().get(NOT_EMPLOYED);
                // the share gives both groups away with the labourers' count: it rests on the smaller group
                long restsOn = employed[1] == 0 ? not[1] : not[1] == 0 ? employed[1] : Math.min(employed[1], not[1]);
                values.add(new FigureValue(
                        g.group(),
                        RATE,
                        LabourCounts.percent(employed[0], g.counts().get(LABOURERS)[0]),
                        restsOn));
            }
            values.add(new FigureValue(g.group(), WAGES, g.wages(), g.wagedHouseholds()));
            values.add(new FigureValue(g.group(), AVERAGE_WAGE, average(g), g.wagedHouseholds()));
        }
        Map<String, long[]> employedNow = new HashMap<>();
        values.stream()
                .filter(v -> v.measureId().equals(EMPLOYED))
                .forEach(v -> employedNow.put(v.group(), new long[] {v.value().longValue(), v.households()}));
        values.addAll(
                before(query, query.today().minusMonths(1), MONTH_AGO, MONTH_GROWTH, group, groupBy, employedNow));
        values.addAll(before(query, query.today().minusYears(1), YEAR_AGO, YEAR_GROWTH, group, groupBy, employedNow));
        return values;
    }

    private List<FigureValue> before(
            FigureQuery query,
            java.time.LocalDate day,
            String measure,
            String growth,
            String group,
            String groupBy,
            Map<String, long[]> employedNow) {
        List<FigureValue> values = new ArrayList<>();
        for (LabourCounts.Group g : LabourCounts.inWorkOn(jdbc, query, day, group, groupBy)) {
            long[] then = g.counts().get("inWork");
            long[] now = employedNow.getOrDefault(g.group(), new long[2]);
            values.add(LabourCounts.count(g.group(), measure, then));
            long restsOn = then[1] == 0 ? now[1] : now[1] == 0 ? then[1] : Math.min(then[1], now[1]);
            values.add(new FigureValue(g.group(), growth, LabourCounts.growth(now[0], then[0]), restsOn));
        }
        return values;
    }

    private static BigDecimal average(LabourCounts.Group g) {
        return g.waged() == 0 || g.wages() == null
                ? null
                : g.wages().divide(BigDecimal.valueOf(g.waged()), 0, RoundingMode.HALF_UP);
    }

    @Override
    public Optional<HouseholdCondition> householdsBehind(String measureId, String key, FigureQuery query) {
        String condition =
                measureId.equals(WAGES) ? "l.in_work and l.monthly_wage is not null" : CONDITIONS.get(measureId);
        if (condition == null) {
            return Optional.empty();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("mode", key);
        return Optional.of(new HouseholdCondition(
                "exists (select 1 from labourer l where l.household_id = h.id and " + condition
                        + " and (cast(:mode as varchar) is null or " + MODE_OF + " = cast(:mode as varchar)))",
                params));
    }
}
