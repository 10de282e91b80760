package org.bulwark.income;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.statistics.FigureProvider;
import org.bulwark.statistics.FigureQuery;
import org.bulwark.statistics.FigureValue;
import org.bulwark.statistics.HouseholdCondition;
import org.bulwark.statistics.Measure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Net income per capita of the year and the year before, and its year-on-year growth. Per capita is the net income
 * of all households with a record divided by their members (the population's figure, not an average of households).
 */
@Component
class IncomeFigures implements FigureProvider {

    static final String HOUSEHOLDS = "income.households";
    static final String PER_CAPITA = "income.perCapita";
    static final String PER_CAPITA_BEFORE = "income.perCapitaBefore";
    static final String GROWTH = "income.growth";

    private final JdbcClient jdbc;

    IncomeFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String id() {
        return "income";
    }

    @Override
    public String titleKey() {
        return "dashboard.income";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<Measure> measures() {
        return List.of(
                Measure.count(HOUSEHOLDS, "dashboard.income.households"),
                new Measure(PER_CAPITA, "dashboard.income.perCapita", Measure.Format.MONEY, true),
                new Measure(PER_CAPITA_BEFORE, "dashboard.income.perCapitaBefore", Measure.Format.MONEY, true),
                new Measure(GROWTH, "dashboard.income.growth", Measure.Format.PERCENT, true));
    }

    @Override
    public List<String> chartedMeasures() {
        return List.of(PER_CAPITA_BEFORE, PER_CAPITA, GROWTH);
    }

    @Override
    public List<String> headlineMeasures() {
        return List.of(PER_CAPITA, GROWTH);
    }

    /** Net income and members of one group and year. */
    private record Sums(long households, BigDecimal net, long members) {
        BigDecimal perCapita() {
            return members == 0 ? null : net.divide(BigDecimal.valueOf(members), 2, RoundingMode.HALF_UP);
        }
    }

    @Override
    public List<FigureValue> byRegion(FigureQuery query) {
        Map<String, Sums> current = new HashMap<>();
        Map<String, Sums> before = new HashMap<>();
        jdbc.sql("""
                select %s as grp, i.year, count(*) as households,
                       sum(i.net_income) as net, sum(i.members) as members
                from household_income i join registry_household h on h.id = i.household_id
                where h.village_code like :scope and h.village_code like :region and i.year in (:year, :before)
                group by grouping sets ((%s, i.year), (i.year))
                """.formatted(query.groupOrTotal("h.village_code"), query.groupOf("h.village_code")))
                .param("scope", query.scopePattern())
                .param("region", query.regionPattern())
                .param("year", query.year())
                .param("before", query.year() - 1)
                .query((rs, n) -> (rs.getInt("year") == query.year() ? current : before)
                        .put(
                                rs.getString("grp"),
                                new Sums(rs.getLong("households"), rs.getBigDecimal("net"), rs.getLong("members"))))
                .list();
        List<FigureValue> values = new ArrayList<>();
        current.forEach((group, s) -> {
            values.add(FigureValue.of(group, HOUSEHOLDS, s.households(), s.households()));
            values.add(new FigureValue(group, PER_CAPITA, s.perCapita(), s.households()));
            Sums b = before.get(group);
            BigDecimal growth =
                    b == null || b.perCapita() == null || b.perCapita().signum() <= 0 || s.perCapita() == null
                            ? null
                            : s.perCapita()
                                    .subtract(b.perCapita())
                                    .multiply(BigDecimal.valueOf(100))
                                    .divide(b.perCapita(), 1, RoundingMode.HALF_UP);
            values.add(new FigureValue(group, GROWTH, growth, s.households()));
        });
        before.forEach(
                (group, b) -> values.add(new FigureValue(group, PER_CAPITA_BEFORE, b.perCapita(), b.households())));
        return values;
    }

    @Override
    public Optional<HouseholdCondition> householdsBehind(String measureId, String key, FigureQuery query) {
        int year = measureId.equals(PER_CAPITA_BEFORE) ? query.year() - 1 : query.year();
        return Optional.of(new HouseholdCondition(
                "exists (select 1 from household_income i where i.household_id = h.id and i.year = :year)",
                Map.of("year", year)));
    }
}
