package org.bulwark.registry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Employment of formerly-poor labourers (docs/policy.md §9: "formerly-poor rural workers employed"), counted as the
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

    private static final String LABOURER = "p.labour_capacity in ('ABLE', 'WEAK')";
    private static final String IN_WORK = "coalesce(p.employment, '') in ('EMPLOYED', 'SELF_EMPLOYED')";

    /** Each count and the condition on {@code person p} it counts. */
    private static final Map<String, String> CONDITIONS = new LinkedHashMap<>();

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
        List<FigureValue> values = new ArrayList<>();
        for (MemberCounts.Group g : MemberCounts.of(jdbc, query, new ArrayList<>(CONDITIONS.values()), Map.of())) {
            for (int i = 0; i < ids.size(); i++) {
                values.add(FigureValue.of(g.group(), ids.get(i), g.persons()[i], g.households()[i]));
            }
            values.add(rate(g.group(), g.persons()[1], g.persons()[0], g.households()[1], g.households()[3]));
        }
        return values;
    }

    /**
     * The share in work; it rests on the smaller of the two groups it splits the labourers into, since with the
     * labourers' count it gives both away.
     */
    private static FigureValue rate(
            String group, long employed, long labourers, long employedHouseholds, long notEmployedHouseholds) {
        BigDecimal rate = labourers == 0
                ? null
                : BigDecimal.valueOf(employed * 100).divide(BigDecimal.valueOf(labourers), 1, RoundingMode.HALF_UP);
        long restsOn = employedHouseholds == 0
                ? notEmployedHouseholds
                : notEmployedHouseholds == 0 ? employedHouseholds : Math.min(employedHouseholds, notEmployedHouseholds);
        return new FigureValue(group, RATE, rate, restsOn);
    }

    @Override
    public Optional<HouseholdCondition> householdsBehind(String measureId, String key, FigureQuery query) {
        String condition = CONDITIONS.get(measureId);
        if (condition == null) {
            return Optional.empty();
        }
        return Optional.of(new HouseholdCondition(MemberCounts.householdsWith(condition), Map.of()));
    }
}
