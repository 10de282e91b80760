package org.bulwark.exchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bulwark.core.exchange.DataCatalogue;
import org.bulwark.statistics.Breakdown;
import org.bulwark.statistics.FigureProvider;
import org.bulwark.statistics.FigureQuery;
import org.bulwark.statistics.FigureValue;
import org.bulwark.statistics.HouseholdCondition;
import org.bulwark.statistics.Measure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Department data received: records stored, the registered households they concern, and records about residents
 * the registry does not have; by region and by data category of the catalogue.
 */
@Component
class DepartmentDataFigures implements FigureProvider {

    static final String RECORDS = "exchange.records";
    static final String HOUSEHOLDS = "exchange.households";
    static final String UNMATCHED = "exchange.unmatched";

    private final JdbcClient jdbc;
    private final DataCatalogue catalogue;

    DepartmentDataFigures(JdbcClient jdbc, DataCatalogue catalogue) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    @Override
    public String id() {
        return "exchange";
    }

    @Override
    public String titleKey() {
        return "dashboard.exchange";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<Measure> measures() {
        return List.of(
                Measure.count(RECORDS, "dashboard.exchange.records"),
                Measure.count(HOUSEHOLDS, "dashboard.exchange.households"),
                new Measure(UNMATCHED, "dashboard.exchange.unmatched", Measure.Format.COUNT, false));
    }

    @Override
    public List<Measure> breakdownMeasures() {
        return measures();
    }

    @Override
    public List<String> chartedMeasures() {
        return List.of(RECORDS);
    }

    @Override
    public List<FigureValue> byRegion(FigureQuery query) {
        return counts(
                query.groupOrTotal("d.region_code"),
                "grouping sets ((" + query.groupOf("d.region_code") + "), ())",
                query);
    }

    @Override
    public Optional<Breakdown> breakdown(FigureQuery query) {
        List<FigureValue> values = counts("d.category", "d.category", query);
        Map<String, Long> records = new HashMap<>();
        values.stream()
                .filter(v -> v.measureId().equals(RECORDS))
                .forEach(v -> records.put(v.group(), v.value().longValue()));
        List<Breakdown.Row> keys = catalogue.categories().stream()
                .filter(c -> records.containsKey(c.code()))
                .sorted(Comparator.comparing(c -> -records.get(c.code())))
                // the code stands as the label: the breakdown is cached for readers of every language, and
                // breakdownLabel(key, locale) names the category when the page is rendered
                .map(c -> new Breakdown.Row(c.code(), c.code()))
                .toList();
        return Optional.of(
                new Breakdown("exchange.byCategory", "dashboard.exchange.byCategory", keys, false, measures(), values));
    }

    @Override
    public Optional<Breakdown.Label> breakdownLabel(String key) {
        return breakdownLabel(key, Locale.CHINESE);
    }

    @Override
    public Optional<Breakdown.Label> breakdownLabel(String key, Locale locale) {
        return catalogue.categories().stream()
                .filter(c -> c.code().equals(key))
                .findFirst()
                .map(c -> new Breakdown.Label(
                        catalogue.departmentName(c, locale) + " · " + catalogue.categoryName(c, locale), false));
    }

    private List<FigureValue> counts(String groupExpression, String groupBy, FigureQuery query) {
        List<FigureValue> values = new ArrayList<>();
        jdbc.sql("""
                select %s as grp, count(*) as records,
                       count(distinct d.household_id) as households,
                       count(*) filter (where d.household_id is null) as unmatched,
                       count(distinct coalesce(d.id_number, d.household_number))
                           filter (where d.household_id is null) as unmatched_subjects
                from (
                    -- registered residents' records by their household's village (a part's index by household;
                    -- parts of their own have none by region: V22), the others by the region they were stored in
                    select h.village_code as region_code, r.category, r.household_id, r.id_number,
                           r.household_number
                    from registry_household h join department_record r on r.household_id = h.id
                    where h.village_code like :scope and h.village_code like :region
                    union all
                    select r.region_code, r.category, r.household_id, r.id_number, r.household_number
                    from department_record r
                    where r.household_id is null and r.region_code like :scope and r.region_code like :region
                ) d
                group by %s
                """.formatted(groupExpression, groupBy))
                .param("scope", query.scopePattern())
                .param("region", query.regionPattern())
                .query((rs, n) -> {
                    String group = rs.getString("grp");
                    long households = rs.getLong("households");
                    long unmatchedSubjects = rs.getLong("unmatched_subjects");
                    values.add(FigureValue.of(group, RECORDS, rs.getLong("records"), households + unmatchedSubjects));
                    values.add(FigureValue.of(group, HOUSEHOLDS, households, households));
                    values.add(FigureValue.of(group, UNMATCHED, rs.getLong("unmatched"), unmatchedSubjects));
                    return null;
                })
                .list();
        return values;
    }

    @Override
    public Optional<HouseholdCondition> householdsBehind(String measureId, String key, FigureQuery query) {
        if (measureId.equals(UNMATCHED)) {
            return Optional.empty();
        }
        Map<String, Object> params = new HashMap<>();
        String category = "";
        if (key != null) {
            category = " and d.category = :category";
            params.put("category", key);
        }
        return Optional.of(new HouseholdCondition(
                "exists (select 1 from department_record d where d.household_id = h.id" + category + ")", params));
    }
}
