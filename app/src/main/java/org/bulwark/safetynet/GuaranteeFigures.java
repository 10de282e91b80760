package org.bulwark.safetynet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.core.registry.Schooling;
import org.bulwark.core.safetynet.Guarantee;
import org.bulwark.core.safetynet.GuaranteeState;
import org.bulwark.core.safetynet.GuaranteeStatus;
import org.bulwark.core.safetynet.ThreeGuarantees;
import org.bulwark.statistics.FigureProvider;
import org.bulwark.statistics.FigureQuery;
import org.bulwark.statistics.FigureValue;
import org.bulwark.statistics.HouseholdCondition;
import org.bulwark.statistics.Measure;
import org.bulwark.statistics.MeasureSum;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The three guarantees and drinking water of formerly-poor and monitored households by region: how many have a gap
 * in each, all of them secured, a gap in any, and no gap but one without data. Gaps are counted rather than what is
 * secured because a count of a guarantee secured, next to the households, would give away the few without it by
 * subtraction; the last three add up to the households and are suppressed together ({@link #sums()}). The status is the core's ({@link ThreeGuarantees}), computed here
 * per household from the registry's published persons and the department records the exchange hands out, so the
 * figures agree with each household's file. Computed in Java, so no household list stands behind them.
 */
@Component
class GuaranteeFigures implements FigureProvider {

    static final String HOUSEHOLDS = "guarantees.households";
    static final String ALL_SECURED = "guarantees.allSecured";
    static final String ANY_GAP = "guarantees.anyGap";
    static final String NOT_RECORDED_ONLY = "guarantees.notRecordedOnly";
    static final Map<Guarantee, String> GAPS = new EnumMap<>(Map.of(
            Guarantee.EDUCATION, "guarantees.educationGap",
            Guarantee.MEDICAL_INSURANCE, "guarantees.medicalGap",
            Guarantee.HOUSING, "guarantees.housingGap",
            Guarantee.DRINKING_WATER, "guarantees.waterGap"));

    private final JdbcClient jdbc;
    private final GuaranteeRecords records;
    private final ThreeGuarantees guarantees = new ThreeGuarantees(SafetyNet.SCHOOL_AGE_MIN, SafetyNet.SCHOOL_AGE_MAX);

    GuaranteeFigures(JdbcClient jdbc, GuaranteeRecords records) {
        this.jdbc = jdbc;
        this.records = records;
    }

    @Override
    public String id() {
        return "guarantees";
    }

    @Override
    public String titleKey() {
        return "dashboard.guarantees";
    }

    @Override
    public int order() {
        return 29;
    }

    @Override
    public String noteKey() {
        return "dashboard.guarantees.note";
    }

    @Override
    public List<Measure> measures() {
        List<Measure> measures = new ArrayList<>();
        measures.add(unlinked(HOUSEHOLDS));
        GAPS.values().forEach(id -> measures.add(unlinked(id)));
        measures.add(unlinked(ALL_SECURED));
        measures.add(unlinked(ANY_GAP));
        measures.add(unlinked(NOT_RECORDED_ONLY));
        return measures;
    }

    private static Measure unlinked(String id) {
        return new Measure(id, "dashboard." + id, Measure.Format.COUNT, false);
    }

    @Override
    public List<String> chartedMeasures() {
        return List.of(ALL_SECURED, ANY_GAP);
    }

    @Override
    public List<MeasureSum> sums() {
        return List.of(MeasureSum.of(HOUSEHOLDS, ALL_SECURED, ANY_GAP, NOT_RECORDED_ONLY));
    }

    @Override
    public List<String> headlineMeasures() {
        return List.of(ALL_SECURED, ANY_GAP);
    }

    @Override
    public List<FigureValue> byRegion(FigureQuery query) {
        Map<Long, HouseholdMembers> households = households(query);
        Map<Long, List<FactRecord>> byHousehold = records.of(query.regionPrefix(), query.today(), villages(households));
        Map<String, long[]> counts = new LinkedHashMap<>();
        households.forEach((id, h) -> {
            GuaranteeStatus status =
                    guarantees.status(new GuaranteeFactsReader(byHousehold.getOrDefault(id, List.of()), query.today())
                            .facts(h.members()));
            for (String group : groups(query, h.village())) {
                add(counts.computeIfAbsent(group, g -> new long[4 + GAPS.size()]), status);
            }
        });
        List<FigureValue> values = new ArrayList<>();
        counts.forEach((group, c) -> values.addAll(values(group, c)));
        return values;
    }

    private static void add(long[] c, GuaranteeStatus status) {
        c[0]++;
        int i = 1;
        for (Guarantee g : GAPS.keySet()) {
            c[i++] += status.state(g) == GuaranteeState.GAP ? 1 : 0;
        }
        c[i++] += status.allSecured() ? 1 : 0;
        c[i++] += status.anyGap() ? 1 : 0;
        c[i] += !status.allSecured() && !status.anyGap() ? 1 : 0;
    }

    private static List<FigureValue> values(String group, long[] c) {
        List<FigureValue> values = new ArrayList<>();
        values.add(FigureValue.of(group, HOUSEHOLDS, c[0], c[0]));
        int i = 1;
        for (String id : GAPS.values()) {
            values.add(FigureValue.of(group, id, c[i], c[i++]));
        }
        values.add(FigureValue.of(group, ALL_SECURED, c[i], c[i++]));
        values.add(FigureValue.of(group, ANY_GAP, c[i], c[i++]));
        values.add(FigureValue.of(group, NOT_RECORDED_ONLY, c[i], c[i]));
        return values;
    }

    private static Map<Long, String> villages(Map<Long, HouseholdMembers> households) {
        Map<Long, String> villages = new HashMap<>();
        households.forEach((id, h) -> villages.put(id, h.village()));
        return villages;
    }

    /** The region as a whole, and the group below it a village falls in (none when the region is a village). */
    private static List<String> groups(FigureQuery query, String village) {
        String total = query.regionPrefix();
        return query.groupDigits() == total.length()
                ? List.of(total)
                : List.of(total, village.substring(0, query.groupDigits()));
    }

    /** The formerly-poor and monitored households of the region, with their members. */
    private Map<Long, HouseholdMembers> households(FigureQuery query) {
        Map<Long, HouseholdMembers> households = new HashMap<>();
        jdbc.sql("""
                select p.id, p.household_id, p.birth_date, p.schooling, p.medical_insured, h.village_code
                from registry_person_cover p join registry_household h on h.id = p.household_id
                where h.village_code like :scope and h.village_code like :region
                  and h.category in ('FORMERLY_POOR', 'MONITORED')
                """)
                .param("scope", query.scopePattern())
                .param("region", query.regionPattern())
                .query(rs -> {
                    String schooling = rs.getString("schooling");
                    String village = rs.getString("village_code");
                    MemberFields member = new MemberFields(
                            rs.getLong("id"),
                            rs.getObject("birth_date", LocalDate.class),
                            schooling == null ? null : Schooling.valueOf(schooling),
                            rs.getBoolean("medical_insured"));
                    households
                            .computeIfAbsent(
                                    rs.getLong("household_id"), id -> new HouseholdMembers(village, new ArrayList<>()))
                            .members()
                            .add(member);
                });
        return households;
    }

    @Override
    public Optional<HouseholdCondition> householdsBehind(String measureId, String key, FigureQuery query) {
        return Optional.empty();
    }

    /** A household's village and members. */
    record HouseholdMembers(String village, List<MemberFields> members) {}
}
