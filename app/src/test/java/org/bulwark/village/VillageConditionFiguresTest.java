package org.bulwark.village;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.core.region.RegionCode;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.Role;
import org.bulwark.statistics.Breakdown;
import org.bulwark.statistics.FigureQuery;
import org.bulwark.statistics.FigureValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Coverage figures against a small case worked out by hand: three villages of one township in 2010 — all have tap
 * water, two of three a paved road (66.7%), one of three a clinic (33.3%).
 */
@DatabaseTest
class VillageConditionFiguresTest {

    static final String TOWNSHIP = "522324102";
    static final int YEAR = 2010;

    @Autowired
    VillageConditions conditions;

    @Autowired
    VillageConditionFigures figures;

    @Autowired
    VillageShortfalls shortfalls;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    List<String> villages;
    BulwarkUser county;

    @BeforeEach
    void setUp() {
        county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        villages = jdbc.sql("select code from region where level = 'VILLAGE' and code like :t order by code limit 4")
                .param("t", TOWNSHIP + "%")
                .query(String.class)
                .list();
        record(villages.get(0), "是", "是");
        record(villages.get(1), "否", "否");
        record(villages.get(2), "是", "否");
    }

    private void record(String village, String road, String clinic) {
        Map<String, String> typed = new HashMap<>(VillageConditionsTest.allYes());
        typed.put("paved_road", road);
        typed.put("clinic", clinic);
        fixtures.as(county, () -> conditions.record(village, YEAR, typed));
    }

    private FigureQuery query(int groupDigits) {
        return new FigureQuery(RegionScope.of("522324"), TOWNSHIP, groupDigits, YEAR, LocalDate.of(2011, 1, 1));
    }

    @Test
    void sharesOfReportingVillagesPerRegionAndInTotal() {
        Map<String, BigDecimal> total = of(figures.byRegion(query(12)), TOWNSHIP);
        assertThat(total.get(VillageConditionFigures.REPORTED)).isEqualByComparingTo("3");
        assertThat(total.get("village.share.tap_water")).isEqualByComparingTo("100.0");
        assertThat(total.get("village.share.paved_road")).isEqualByComparingTo("66.7");
        assertThat(total.get("village.share.clinic")).isEqualByComparingTo("33.3");
        Map<String, BigDecimal> second = of(figures.byRegion(query(12)), villages.get(1));
        assertThat(second.get("village.share.paved_road")).isEqualByComparingTo("0.0");
        assertThat(of(figures.byRegion(query(12)), villages.get(3))).isEmpty();
    }

    @Test
    void breakdownCountsVillagesWithAndShortOfEachIndicator() {
        Breakdown breakdown = figures.breakdown(query(12)).orElseThrow();
        Map<String, BigDecimal> clinic = of(breakdown.values(), "clinic");
        assertThat(clinic.get(VillageConditionFigures.WITH)).isEqualByComparingTo("1");
        assertThat(clinic.get(VillageConditionFigures.SHORT)).isEqualByComparingTo("2");
        assertThat(clinic.get(VillageConditionFigures.RATE)).isEqualByComparingTo("33.3");
        assertThat(breakdown.keys()).hasSize(10);
    }

    @Test
    void shortfallsNameTheVillagesShortOfEachAndThoseNotReported() {
        VillageShortfalls.Overview overview =
                fixtures.as(county, () -> shortfalls.of(RegionCode.parse(TOWNSHIP), YEAR));
        assertThat(overview.reported()).isEqualTo(3);
        VillageShortfalls.Shortfall clinic = overview.shortfalls().stream()
                .filter(s -> s.indicator().code().equals("clinic"))
                .findFirst()
                .orElseThrow();
        assertThat(clinic.villages())
                .extracting(VillageShortfalls.Place::code)
                .containsExactly(villages.get(1), villages.get(2));
        assertThat(clinic.villages())
                .allMatch(p -> !p.village().isBlank() && !p.village().equals(p.code()));
        assertThat(overview.notReported())
                .extracting(VillageShortfalls.Place::code)
                .contains(villages.get(3));
    }

    private static Map<String, BigDecimal> of(List<FigureValue> values, String group) {
        Map<String, BigDecimal> map = new HashMap<>();
        values.stream().filter(v -> v.group().equals(group)).forEach(v -> map.put(v.measureId(), v.value()));
        return map;
    }
}
