package org.bulwark.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Warnings raised, still open, confirmed, dismissed and overdue (open past the deadline), by region and by risk type.
 * Upward warnings (suspected misidentification) have no risk type and are one row of their own.
 */
@Component
class WarningFigures implements FigureProvider {

    /** The breakdown key of warnings without a risk type: the upward checks. */
    static final String MISIDENTIFICATION = "misidentification";

    /** Each measure and the SQL condition on {@code warning w} that it counts. */
    private static final Map<String, String> CONDITIONS = new LinkedHashMap<>();

    static {
        CONDITIONS.put("warnings.raised", "true");
        CONDITIONS.put("warnings.open", "w.status = 'OPEN'");
        CONDITIONS.put("warnings.confirmed", "w.status = 'CONFIRMED'");
        CONDITIONS.put("warnings.dismissed", "w.status = 'DISMISSED'");
        CONDITIONS.put("warnings.overdue", "w.status = 'OPEN' and w.deadline < :today");
    }

    private static final String RISK = "coalesce(w.risk_type, '" + MISIDENTIFICATION + "')";

    private final JdbcClient jdbc;

    WarningFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String id() {
        return "warnings";
    }

    @Override
    public String titleKey() {
        return "dashboard.warnings";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<Measure> measures() {
        return CONDITIONS.keySet().stream()
                .map(id -> Measure.count(id, "dashboard." + id))
                .toList();
    }

    @Override
    public List<Measure> breakdownMeasures() {
        return measures();
    }

    @Override
    public List<String> chartedMeasures() {
        // open, confirmed and dismissed add up to the warnings raised; overdue ones are among the open
        return List.of("warnings.open", "warnings.confirmed", "warnings.dismissed");
    }

    @Override
    public List<MeasureSum> sums() {
        return List.of(new MeasureSum("warnings.raised", chartedMeasures()));
    }

    @Override
    public boolean stackedChart() {
        return true;
    }

    @Override
    public List<String> headlineMeasures() {
        return List.of("warnings.open", "warnings.overdue");
    }

    @Override
    public List<FigureValue> byRegion(FigureQuery query) {
        return counts(
                query.groupOrTotal("w.village_code"),
                "grouping sets ((" + query.groupOf("w.village_code") + "), ())",
                query);
    }

    @Override
    public Optional<Breakdown> breakdown(FigureQuery query) {
        List<FigureValue> values = counts(RISK, RISK, query);
        Map<String, Long> raised = new HashMap<>();
        values.stream()
                .filter(v -> v.measureId().equals("warnings.raised"))
                .forEach(v -> raised.put(v.group(), v.value().longValue()));
        List<Breakdown.Row> keys = raised.keySet().stream()
                .sorted(Comparator.comparing((String k) -> -raised.get(k)).thenComparing(k -> k))
                .map(k -> new Breakdown.Row(k, "dashboard.risk." + k))
                .toList();
        return Optional.of(
                new Breakdown("warnings.byRiskType", "dashboard.warnings.byRiskType", keys, true, measures(), values));
    }

    @Override
    public Optional<Breakdown.Label> breakdownLabel(String key) {
        return Optional.of(new Breakdown.Label("dashboard.risk." + key, true));
    }

    /** Each measure per group: warnings counted, and the households (or unregistered persons) they are about. */
    private List<FigureValue> counts(String groupExpression, String groupBy, FigureQuery query) {
        StringBuilder select = new StringBuilder("select " + groupExpression + " as grp");
        int i = 0;
        for (String condition : CONDITIONS.values()) {
            select.append(", count(*) filter (where ")
                    .append(condition)
                    .append(") as n")
                    .append(i)
                    .append(", count(distinct coalesce(w.household_id::text, w.id_number)) filter (where ")
                    .append(condition)
                    .append(") as h")
                    .append(i++);
        }
        select.append(" from warning w where w.village_code like :scope and w.village_code like :region group by ")
                .append(groupBy);
        List<String> ids = new ArrayList<>(CONDITIONS.keySet());
        List<FigureValue> values = new ArrayList<>();
        jdbc.sql(select.toString())
                .param("scope", query.scopePattern())
                .param("region", query.regionPattern())
                .param("today", query.today())
                .query((rs, n) -> {
                    for (int m = 0; m < ids.size(); m++) {
                        values.add(FigureValue.of(
                                rs.getString("grp"), ids.get(m), rs.getLong("n" + m), rs.getLong("h" + m)));
                    }
                    return null;
                })
                .list();
        return values;
    }

    @Override
    public Optional<HouseholdCondition> householdsBehind(String measureId, String key, FigureQuery query) {
        String condition = CONDITIONS.get(measureId);
        if (condition == null) {
            return Optional.empty();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("today", query.today());
        String risk = "";
        if (key != null) {
            risk = " and " + RISK + " = :riskType";
            params.put("riskType", key);
        }
        return Optional.of(new HouseholdCondition(
                "exists (select 1 from warning w where w.household_id = h.id and " + condition + risk + ")", params));
    }
}
