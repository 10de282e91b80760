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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Insurance participation of formerly-poor and monitored people ("coverage rates", docs/policy.md §9): the basic
 * medical insurance of everyone, and the residents' pension scheme of those it is open to — aged 16 or more and not in
 * school. The uninsured are counted, since they are whom a cadre has to find.
 */
@Component
class CoverageFigures implements FigureProvider {

    static final String PERSONS = "coverage.persons";
    static final String MEDICAL_UNINSURED = "coverage.medicalUninsured";
    static final String MEDICAL_RATE = "coverage.medicalRate";
    static final String PENSION_ELIGIBLE = "coverage.pensionEligible";
    static final String PENSION_UNINSURED = "coverage.pensionUninsured";
    static final String PENSION_RATE = "coverage.pensionRate";

    private static final String PENSION_AGE = "p.birth_date <= :sixteenYearsAgo";
    private static final String NOT_IN_SCHOOL = "coalesce(p.schooling, '') not in"
            + " ('PRESCHOOL', 'COMPULSORY', 'SENIOR_SECONDARY', 'VOCATIONAL', 'HIGHER')";
    private static final String ELIGIBLE = PENSION_AGE + " and " + NOT_IN_SCHOOL;

    private static final Map<String, String> CONDITIONS = new LinkedHashMap<>();

    static {
        CONDITIONS.put(PERSONS, "true");
        CONDITIONS.put(MEDICAL_UNINSURED, "not p.medical_insured");
        CONDITIONS.put(PENSION_ELIGIBLE, ELIGIBLE);
        CONDITIONS.put(PENSION_UNINSURED, ELIGIBLE + " and not p.pension_insured");
    }

    private final JdbcClient jdbc;

    CoverageFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String id() {
        return "coverage";
    }

    @Override
    public String titleKey() {
        return "dashboard.coverage";
    }

    @Override
    public int order() {
        return 27;
    }

    @Override
    public List<Measure> measures() {
        return List.of(
                Measure.count(PERSONS, "dashboard." + PERSONS),
                Measure.count(MEDICAL_UNINSURED, "dashboard." + MEDICAL_UNINSURED),
                new Measure(MEDICAL_RATE, "dashboard." + MEDICAL_RATE, Measure.Format.PERCENT, false),
                Measure.count(PENSION_ELIGIBLE, "dashboard." + PENSION_ELIGIBLE),
                Measure.count(PENSION_UNINSURED, "dashboard." + PENSION_UNINSURED),
                new Measure(PENSION_RATE, "dashboard." + PENSION_RATE, Measure.Format.PERCENT, false));
    }

    @Override
    public List<String> chartedMeasures() {
        return List.of(MEDICAL_UNINSURED, PENSION_UNINSURED, MEDICAL_RATE, PENSION_RATE);
    }

    @Override
    public List<String> headlineMeasures() {
        return List.of(MEDICAL_RATE, PENSION_RATE);
    }

    @Override
    public Map<String, List<String>> derivedFrom() {
        return Map.of(
                MEDICAL_RATE,
                List.of(PERSONS, MEDICAL_UNINSURED),
                PENSION_RATE,
                List.of(PENSION_ELIGIBLE, PENSION_UNINSURED));
    }

    @Override
    public List<FigureValue> byRegion(FigureQuery query) {
        List<String> ids = new ArrayList<>(CONDITIONS.keySet());
        List<FigureValue> values = new ArrayList<>();
        for (MemberCounts.Group g : MemberCounts.of(
                jdbc,
                query,
                new ArrayList<>(CONDITIONS.values()),
                Map.of("sixteenYearsAgo", query.today().minusYears(16)))) {
            for (int i = 0; i < ids.size(); i++) {
                values.add(FigureValue.of(g.group(), ids.get(i), g.persons()[i], g.households()[i]));
            }
            values.add(rate(g.group(), MEDICAL_RATE, g.persons()[0], g.persons()[1], g.households()[1]));
            values.add(rate(g.group(), PENSION_RATE, g.persons()[2], g.persons()[3], g.households()[3]));
        }
        return values;
    }

    /**
     * The share insured. With the base count it gives the uninsured away, so it rests on the uninsured's households
     * (a village where everyone is insured gives nothing away by saying so).
     */
    private static FigureValue rate(String group, String id, long base, long uninsured, long uninsuredHouseholds) {
        BigDecimal rate = base == 0
                ? null
                : BigDecimal.valueOf((base - uninsured) * 100)
                        .divide(BigDecimal.valueOf(base), 1, RoundingMode.HALF_UP);
        return new FigureValue(group, id, rate, uninsuredHouseholds);
    }

    @Override
    public Optional<HouseholdCondition> householdsBehind(String measureId, String key, FigureQuery query) {
        String condition = CONDITIONS.get(measureId);
        if (condition == null) {
            return Optional.empty();
        }
        return Optional.of(new HouseholdCondition(
                MemberCounts.householdsWith(condition),
                Map.of("sixteenYearsAgo", query.today().minusYears(16))));
    }
}
