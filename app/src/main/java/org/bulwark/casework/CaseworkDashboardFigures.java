package org.bulwark.casework;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.core.casework.MonitoringType;
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
 * Casework on the dashboards: households (and their persons) identified for monitoring, under monitoring now, with
 * risk eliminated, and the cases under way — by region, and by monitoring type.
 */
@Component
class CaseworkDashboardFigures implements FigureProvider {

    /** Each household measure and its condition on {@code monitoring m}; persons measures count the members. */
    private static final Map<String, String> CONDITIONS = new LinkedHashMap<>();

    static {
        CONDITIONS.put("casework.identified", "true");
        CONDITIONS.put("casework.monitored", "m.status = 'MONITORED'");
        CONDITIONS.put("casework.eliminated", "m.status = 'ELIMINATED'");
    }

    private final JdbcClient jdbc;

    CaseworkDashboardFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String id() {
        return "casework";
    }

    @Override
    public String titleKey() {
        return "dashboard.casework";
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public List<Measure> measures() {
        List<Measure> measures = new ArrayList<>();
        for (String id : CONDITIONS.keySet()) {
            measures.add(Measure.count(id, "dashboard." + id));
            measures.add(Measure.count(id + "Persons", "dashboard." + id + "Persons"));
        }
        measures.add(Measure.count("casework.open", "dashboard.casework.open"));
        return measures;
    }

    @Override
    public List<String> chartedMeasures() {
        // monitored and eliminated add up to the households identified
        return List.of("casework.monitored", "casework.eliminated");
    }

    @Override
    public List<MeasureSum> sums() {
        // a household under monitoring is either still monitored or has had its risk eliminated (V6's check)
        return List.of(
                MeasureSum.of("casework.identified", "casework.monitored", "casework.eliminated"),
                MeasureSum.of("casework.identifiedPersons", "casework.monitoredPersons", "casework.eliminatedPersons"));
    }

    @Override
    public boolean stackedChart() {
        return true;
    }

    @Override
    public List<String> headlineMeasures() {
        return List.of("casework.identified", "casework.eliminated");
    }

    @Override
    public List<Measure> breakdownMeasures() {
        return measures().stream().filter(m -> !m.id().equals("casework.open")).toList();
    }

    @Override
    public List<FigureValue> byRegion(FigureQuery query) {
        List<FigureValue> values = counts(
                query.groupOrTotal("m.village_code"),
                "grouping sets ((" + query.groupOf("m.village_code") + "), ())",
                query);
        jdbc.sql("select " + query.groupOrTotal("c.village_code") + " as grp, count(*) as n,"
                        + " count(distinct c.household_id) as h from support_case c"
                        + " where c.status = 'OPEN' and c.village_code like :scope and c.village_code like :region"
                        + " group by grouping sets ((" + query.groupOf("c.village_code") + "), ())")
                .param("scope", query.scopePattern())
                .param("region", query.regionPattern())
                .query((rs, n) -> values.add(
                        FigureValue.of(rs.getString("grp"), "casework.open", rs.getLong("n"), rs.getLong("h"))))
                .list();
        return values;
    }

    @Override
    public Optional<Breakdown> breakdown(FigureQuery query) {
        List<FigureValue> values = counts("m.monitoring_type", "m.monitoring_type", query);
        List<Breakdown.Row> keys = new ArrayList<>();
        for (MonitoringType type : MonitoringType.values()) {
            keys.add(new Breakdown.Row(type.name(), "casework.type." + type.name()));
        }
        return Optional.of(
                new Breakdown("casework.byType", "dashboard.casework.byType", keys, true, breakdownMeasures(), values));
    }

    @Override
    public String noteKey() {
        return "dashboard.casework.note";
    }

    @Override
    public Optional<Breakdown.Label> breakdownLabel(String key) {
        return Optional.of(new Breakdown.Label("casework.type." + key, true));
    }

    private List<FigureValue> counts(String groupExpression, String groupBy, FigureQuery query) {
        StringBuilder select = new StringBuilder("select " + groupExpression + " as grp");
        int i = 0;
        for (String condition : CONDITIONS.values()) {
            select.append(", count(*) filter (where ")
                    .append(condition)
                    .append(") as n")
                    .append(i)
                    .append(", coalesce(sum(p.members) filter (where ")
                    .append(condition)
                    .append("), 0) as p")
                    .append(i++);
        }
        select.append(" from monitoring m join (select household_id, count(*) as members from registry_person"
                        + " group by household_id) p on p.household_id = m.household_id"
                        + " where m.village_code like :scope and m.village_code like :region group by ")
                .append(groupBy);
        List<String> ids = new ArrayList<>(CONDITIONS.keySet());
        List<FigureValue> values = new ArrayList<>();
        jdbc.sql(select.toString())
                .param("scope", query.scopePattern())
                .param("region", query.regionPattern())
                .query((rs, n) -> {
                    for (int m = 0; m < ids.size(); m++) {
                        long households = rs.getLong("n" + m);
                        values.add(FigureValue.of(rs.getString("grp"), ids.get(m), households, households));
                        values.add(FigureValue.of(
                                rs.getString("grp"), ids.get(m) + "Persons", rs.getLong("p" + m), households));
                    }
                    return null;
                })
                .list();
        return values;
    }

    @Override
    public Optional<HouseholdCondition> householdsBehind(String measureId, String key, FigureQuery query) {
        Map<String, Object> params = new HashMap<>();
        if (measureId.equals("casework.open")) {
            return Optional.of(new HouseholdCondition(
                    "exists (select 1 from support_case c where c.household_id = h.id" + " and c.status = 'OPEN')",
                    params));
        }
        String base = measureId.endsWith("Persons") ? measureId.substring(0, measureId.length() - 7) : measureId;
        String condition = CONDITIONS.get(base);
        if (condition == null) {
            return Optional.empty();
        }
        String type = "";
        if (key != null) {
            type = " and m.monitoring_type = :monitoringType";
            params.put("monitoringType", key);
        }
        return Optional.of(new HouseholdCondition(
                "exists (select 1 from monitoring m where m.household_id = h.id and " + condition + type + ")",
                params));
    }
}
