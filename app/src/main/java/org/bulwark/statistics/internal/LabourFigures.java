package org.bulwark.statistics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.statistics.FigureProvider;
import org.bulwark.statistics.FigureQuery;
import org.bulwark.statistics.FigureValue;
import org.bulwark.statistics.HouseholdCondition;
import org.bulwark.statistics.Measure;
import org.bulwark.statistics.MeasureSum;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Employment of formerly-poor labourers (policy.md §9: "formerly-poor rural workers employed"), counted as the
 * programme does: labourers (able or partly able to work) of formerly-poor and monitored households, those in work —
 * employed or self-employed; farming one's own land is not counted as employment — and those working outside the
 * province.
 */
@Component
class LabourFigures implements FigureProvider {

    static final String LABOURERS = "labour.labourers";
    static final String EMPLOYED = "labour.employed";
    static final String AWAY = "labour.outOfProvince";
    static final String NOT_EMPLOYED = "labour.notEmployed";
    static final String RATE = "labour.rate";

    /** The households whose members the figures count. */
    static final String COUNTED_HOUSEHOLDS = "h.category in ('FORMERLY_POOR', 'MONITORED')";
    private static final String LABOURER = "p.labour_capacity in ('ABLE', 'WEAK')";
    private static final String IN_WORK = "coalesce(p.employment, '') in ('EMPLOYED', 'SELF_EMPLOYED')";

    /** Each count and the condition on {@code person p} it counts. */
    private static final Map<String, String> CONDITIONS = new java.util.LinkedHashMap<>();

    static {
        CONDITIONS.put(LABOURERS, LABOURER);
        CONDITIONS.put(EMPLOYED, LABOURER + " and " + IN_WORK);
        CONDITIONS.put(AWAY, LABOURER + " and " + IN_WORK + " and p.employment_place = 'OUT_OF_PROVINCE'");
        CONDITIONS.put(NOT_EMPLOYED, LABOURER + " and not " + IN_WORK);
    }

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
    public int order() {
        return 25;
    }

    @Override
    public List<Measure> measures() {
        List<Measure> measures = new ArrayList<>();
        CONDITIONS.keySet().forEach(id -> measures.add(Measure.count(id, "dashboard." + id)));
        measures.add(new Measure(RATE, "dashboard." + RATE, Measure.Format.PERCENT, false));
        return measures;
    }

    @Override
    public List<String> chartedMeasures() {
        return List.of(EMPLOYED, NOT_EMPLOYED, RATE);
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
        return List.of(MeasureSum.of(LABOURERS, EMPLOYED, NOT_EMPLOYED));
    }

    @Override
    public Map<String, List<String>> derivedFrom() {
        return Map.of(RATE, List.of(LABOURERS, EMPLOYED, NOT_EMPLOYED));
    }

    @Override
    public List<FigureValue> byRegion(FigureQuery query) {
        List<String> ids = new ArrayList<>(CONDITIONS.keySet());
        StringBuilder select = new StringBuilder("select " + query.groupOrTotal("h.village_code") + " as grp");
        for (int i = 0; i < ids.size(); i++) {
            String condition = CONDITIONS.get(ids.get(i));
            select.append(", count(*) filter (where ").append(condition).append(") as n").append(i)
                    .append(", count(distinct h.id) filter (where ").append(condition).append(") as h").append(i);
        }
        select.append(" from person p join household h on h.id = p.household_id where ").append(COUNTED_HOUSEHOLDS)
                .append(" and h.village_code like :scope and h.village_code like :region group by grouping sets ((")
                .append(query.groupOf("h.village_code")).append("), ())");
        List<FigureValue> values = new ArrayList<>();
        jdbc.sql(select.toString()).param("scope", query.scopePattern()).param("region", query.regionPattern())
                .query((rs, n) -> {
                    String group = rs.getString("grp");
                    for (int i = 0; i < ids.size(); i++) {
                        values.add(FigureValue.of(group, ids.get(i), rs.getLong("n" + i), rs.getLong("h" + i)));
                    }
                    values.add(rate(group, rs.getLong("n1"), rs.getLong("n0"), rs.getLong("h1"), rs.getLong("h3")));
                    return null;
                }).list();
        return values;
    }

    /**
     * The share in work; it rests on the smaller of the two groups it splits the labourers into, since with the
     * labourers' count it gives both away.
     */
    private static FigureValue rate(String group, long employed, long labourers, long employedHouseholds,
                                    long notEmployedHouseholds) {
        BigDecimal rate = labourers == 0 ? null : BigDecimal.valueOf(employed * 100)
                .divide(BigDecimal.valueOf(labourers), 1, RoundingMode.HALF_UP);
        long restsOn = employedHouseholds == 0 ? notEmployedHouseholds : notEmployedHouseholds == 0
                ? employedHouseholds : Math.min(employedHouseholds, notEmployedHouseholds);
        return new FigureValue(group, RATE, rate, restsOn);
    }

    @Override
    public Optional<HouseholdCondition> householdsBehind(String measureId, String key, FigureQuery query) {
        String condition = CONDITIONS.get(measureId);
        if (condition == null) {
            return Optional.empty();
        }
        return Optional.of(new HouseholdCondition(COUNTED_HOUSEHOLDS
                + " and exists (select 1 from person p where p.household_id = h.id and " + condition + ")", Map.of()));
    }
}
