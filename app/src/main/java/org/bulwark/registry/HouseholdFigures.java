package org.bulwark.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.core.registry.HouseholdCategory;
import org.bulwark.statistics.FigureProvider;
import org.bulwark.statistics.FigureQuery;
import org.bulwark.statistics.FigureValue;
import org.bulwark.statistics.HouseholdCondition;
import org.bulwark.statistics.Measure;
import org.bulwark.statistics.MeasureSum;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Households and persons in the registry, by category. */
@Component
class HouseholdFigures implements FigureProvider {

    static final String HOUSEHOLDS = "registry.households";
    static final String PERSONS = "registry.persons";
    private static final String CATEGORY = "registry.category.";

    private final JdbcClient jdbc;

    HouseholdFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String id() {
        return "registry";
    }

    @Override
    public String titleKey() {
        return "dashboard.registry";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<Measure> measures() {
        List<Measure> measures = new ArrayList<>();
        measures.add(Measure.count(HOUSEHOLDS, "dashboard.registry.households"));
        for (HouseholdCategory c : HouseholdCategory.values()) {
            measures.add(Measure.count(CATEGORY + c.name(), "dashboard.registry.category." + c.name()));
        }
        measures.add(Measure.count(PERSONS, "dashboard.registry.persons"));
        return measures;
    }

    @Override
    public String noteKey() {
        return "dashboard.registry.note";
    }

    @Override
    public List<String> chartedMeasures() {
        return List.of(HouseholdCategory.values()).stream()
                .map(c -> CATEGORY + c.name())
                .toList();
    }

    @Override
    public List<MeasureSum> sums() {
        return List.of(new MeasureSum(HOUSEHOLDS, chartedMeasures()));
    }

    @Override
    public boolean stackedChart() {
        return true;
    }

    @Override
    public List<String> headlineMeasures() {
        return List.of(HOUSEHOLDS, CATEGORY + HouseholdCategory.MONITORED.name(), PERSONS);
    }

    @Override
    public List<FigureValue> byRegion(FigureQuery query) {
        List<FigureValue> values = new ArrayList<>();
        Map<String, long[]> totals = new HashMap<>();
        // persons counted per household by the index on person.household_id: cheaper than joining every person
        jdbc.sql("""
                select %s as grp, h.category, count(*) as households,
                       coalesce(sum((select count(*) from person p where p.household_id = h.id)), 0) as persons
                from household h
                where h.village_code like :scope and h.village_code like :region
                group by grouping sets ((%s, h.category), (h.category))
                """.formatted(query.groupOrTotal("h.village_code"), query.groupOf("h.village_code")))
                .param("scope", query.scopePattern())
                .param("region", query.regionPattern())
                .query((rs, n) -> {
                    String group = rs.getString("grp");
                    long households = rs.getLong("households");
                    values.add(FigureValue.of(group, CATEGORY + rs.getString("category"), households, households));
                    long[] t = totals.computeIfAbsent(group, g -> new long[2]);
                    t[0] += households;
                    t[1] += rs.getLong("persons");
                    return null;
                })
                .list();
        totals.forEach((group, t) -> {
            values.add(FigureValue.of(group, HOUSEHOLDS, t[0], t[0]));
            values.add(FigureValue.of(group, PERSONS, t[1], t[0]));
        });
        return values;
    }

    @Override
    public Optional<HouseholdCondition> householdsBehind(String measureId, String key, FigureQuery query) {
        if (measureId.equals(HOUSEHOLDS) || measureId.equals(PERSONS)) {
            return Optional.of(HouseholdCondition.all());
        }
        String category = measureId.substring(CATEGORY.length());
        return Optional.of(new HouseholdCondition("h.category = :category", Map.of("category", category)));
    }
}
