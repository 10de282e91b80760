package org.bulwark.industry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.core.industry.BenefitKind;
import org.bulwark.statistics.Breakdown;
import org.bulwark.statistics.FigureProvider;
import org.bulwark.statistics.FigureQuery;
import org.bulwark.statistics.FigureValue;
import org.bulwark.statistics.HouseholdCondition;
import org.bulwark.statistics.Measure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Industries on the dashboard: the projects where they lie and those failed or closed; the households linked in the
 * year where they live, of them formerly poor and monitored, and what they received; the village collectives'
 * income of the year. A breakdown shows the households and amounts by how they benefit.
 */
@Component
class IndustryFigures implements FigureProvider {

    static final String PROJECTS = "industry.projects";
    static final String FAILED = "industry.failed";
    static final String LINKED = "industry.linkedHouseholds";
    static final String LINKED_FORMERLY_POOR = "industry.linkedFormerlyPoor";
    static final String LINKED_MONITORED = "industry.linkedMonitored";
    static final String BENEFIT = "industry.benefit";
    static final String COLLECTIVE = "industry.collectiveIncome";

    private static final Map<String, String> CATEGORY_OF =
            Map.of(LINKED_FORMERLY_POOR, "FORMERLY_POOR", LINKED_MONITORED, "MONITORED");

    private final JdbcClient jdbc;

    IndustryFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String id() {
        return "industry";
    }

    @Override
    public String titleKey() {
        return "dashboard.industry";
    }

    @Override
    public int order() {
        return 35;
    }

    @Override
    public List<Measure> measures() {
        return List.of(
                new Measure(PROJECTS, "dashboard.industry.projects", Measure.Format.COUNT, false),
                new Measure(FAILED, "dashboard.industry.failed", Measure.Format.COUNT, false),
                Measure.count(LINKED, "dashboard.industry.linkedHouseholds"),
                Measure.count(LINKED_FORMERLY_POOR, "dashboard.industry.linkedFormerlyPoor"),
                Measure.count(LINKED_MONITORED, "dashboard.industry.linkedMonitored"),
                new Measure(BENEFIT, "dashboard.industry.benefit", Measure.Format.MONEY, true),
                new Measure(COLLECTIVE, "dashboard.industry.collectiveIncome", Measure.Format.MONEY, false));
    }

    @Override
    public List<String> chartedMeasures() {
        return List.of(LINKED, LINKED_FORMERLY_POOR, LINKED_MONITORED);
    }

    @Override
    public List<String> headlineMeasures() {
        return List.of(LINKED, BENEFIT);
    }

    @Override
    public List<FigureValue> byRegion(FigureQuery query) {
        List<FigureValue> values = new ArrayList<>();
        values.addAll(projects(query));
        values.addAll(links(query));
        values.addAll(collective(query));
        return values;
    }

    private List<FigureValue> projects(FigureQuery query) {
        List<FigureValue> values = new ArrayList<>();
        jdbc.sql("""
                select %s as grp, count(*) as projects, count(*) filter (where state <> 'ACTIVE') as failed
                from industry_project p
                where p.region_code like :scope and p.region_code like :region
                group by grouping sets ((%s), ())
                """.formatted(query.groupOrTotal("p.region_code"), query.groupOf("p.region_code")))
                .param("scope", query.scopePattern())
                .param("region", query.regionPattern())
                .query((rs, n) -> {
                    // projects are no household's: 0 households, so the figure is never suppressed as personal
                    values.add(FigureValue.of(rs.getString("grp"), PROJECTS, rs.getLong("projects"), 0));
                    values.add(FigureValue.of(rs.getString("grp"), FAILED, rs.getLong("failed"), 0));
                    return null;
                })
                .list();
        return values;
    }

    /** Households linked in the year, counted once however many links they have, and what they received. */
    private List<FigureValue> links(FigureQuery query) {
        List<FigureValue> values = new ArrayList<>();
        jdbc.sql("""
                select %s as grp, count(distinct l.household_id) as linked,
                       count(distinct l.household_id) filter (where h.category = 'FORMERLY_POOR') as formerly_poor,
                       count(distinct l.household_id) filter (where h.category = 'MONITORED') as monitored,
                       sum(l.amount) as benefit
                from benefit_link l left join registry_household h on h.id = l.household_id
                where l.village_code like :scope and l.village_code like :region and l.year = :year
                group by grouping sets ((%s), ())
                """.formatted(query.groupOrTotal("l.village_code"), query.groupOf("l.village_code")))
                .param("scope", query.scopePattern())
                .param("region", query.regionPattern())
                .param("year", query.year())
                .query((rs, n) -> {
                    String group = rs.getString("grp");
                    long linked = rs.getLong("linked");
                    values.add(FigureValue.of(group, LINKED, linked, linked));
                    // each count is suppressed by its own households: one monitored household linked is one
                    // household, however many others are linked beside it
                    long formerlyPoor = rs.getLong("formerly_poor");
                    long monitored = rs.getLong("monitored");
                    values.add(FigureValue.of(group, LINKED_FORMERLY_POOR, formerlyPoor, formerlyPoor));
                    values.add(FigureValue.of(group, LINKED_MONITORED, monitored, monitored));
                    values.add(new FigureValue(group, BENEFIT, rs.getBigDecimal("benefit"), linked));
                    return null;
                })
                .list();
        return values;
    }

    private List<FigureValue> collective(FigureQuery query) {
        return jdbc.sql("""
                select %s as grp, sum(c.amount) as amount
                from collective_income c
                where c.village_code like :scope and c.village_code like :region and c.year = :year
                group by grouping sets ((%s), ())
                """.formatted(query.groupOrTotal("c.village_code"), query.groupOf("c.village_code")))
                .param("scope", query.scopePattern())
                .param("region", query.regionPattern())
                .param("year", query.year())
                // a collective's income is no household's: 0 households, never suppressed as personal data
                .query((rs, n) -> new FigureValue(rs.getString("grp"), COLLECTIVE, rs.getBigDecimal("amount"), 0))
                .list();
    }

    @Override
    public List<Measure> breakdownMeasures() {
        return List.of(
                Measure.count(LINKED, "dashboard.industry.linkedHouseholds"),
                new Measure(BENEFIT, "dashboard.industry.benefit", Measure.Format.MONEY, true));
    }

    @Override
    public Optional<Breakdown> breakdown(FigureQuery query) {
        List<FigureValue> values = new ArrayList<>();
        jdbc.sql("""
                select l.kind, count(distinct l.household_id) as linked, sum(l.amount) as benefit
                from benefit_link l
                where l.village_code like :scope and l.village_code like :region and l.year = :year
                group by l.kind
                """)
                .param("scope", query.scopePattern())
                .param("region", query.regionPattern())
                .param("year", query.year())
                .query((rs, n) -> {
                    long linked = rs.getLong("linked");
                    values.add(FigureValue.of(rs.getString("kind"), LINKED, linked, linked));
                    values.add(new FigureValue(rs.getString("kind"), BENEFIT, rs.getBigDecimal("benefit"), linked));
                    return null;
                })
                .list();
        List<Breakdown.Row> keys = Arrays.stream(BenefitKind.values())
                .map(k -> new Breakdown.Row(k.name(), "enum.BenefitKind." + k.name()))
                .toList();
        return Optional.of(
                new Breakdown("industry.byKind", "dashboard.industry.byKind", keys, true, breakdownMeasures(), values));
    }

    @Override
    public Optional<Breakdown.Label> breakdownLabel(String key) {
        return Optional.of(new Breakdown.Label("enum.BenefitKind." + key, true));
    }

    @Override
    public Optional<HouseholdCondition> householdsBehind(String measureId, String key, FigureQuery query) {
        if (!measureId.equals(LINKED) && !measureId.equals(BENEFIT) && !CATEGORY_OF.containsKey(measureId)) {
            return Optional.empty();
        }
        String category = CATEGORY_OF.get(measureId);
        return Optional.of(new HouseholdCondition(
                "exists (select 1 from benefit_link l where l.household_id = h.id and l.year = :year"
                        + " and (cast(:kind as varchar) is null or l.kind = cast(:kind as varchar)))"
                        + (category == null ? "" : " and h.category = '" + category + "'"),
                kindParams(query.year(), key)));
    }

    private static Map<String, Object> kindParams(int year, String key) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("year", year);
        params.put("kind", key);
        return params;
    }
}
