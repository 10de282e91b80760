package org.bulwark.village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.bulwark.registry.HouseholdFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/** Recording, reading and scoping a village's conditions; the household file's section. */
@DatabaseTest
class VillageConditionsTest {

    /** A village of another township of the same county (沙子镇 is 522324101). */
    static final String OTHER_TOWNSHIP = "522324102000";

    @Autowired
    VillageConditions conditions;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    BulwarkUser township;
    BulwarkUser otherTownship;
    BulwarkUser cadreA;

    @BeforeEach
    void setUp() {
        township = fixtures.user(Role.TOWNSHIP_REVIEWER, TestFixtures.TOWNSHIP);
        otherTownship = fixtures.user(Role.TOWNSHIP_REVIEWER, OTHER_TOWNSHIP);
        cadreA = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
    }

    /** Every indicator filled: yes for all yes/no ones, 80% sanitary toilets. */
    static Map<String, String> allYes() {
        Map<String, String> typed = new HashMap<>();
        for (String code : List.of(
                "paved_road",
                "tap_water",
                "electricity",
                "broadband",
                "coverage_5g",
                "courier",
                "clinic",
                "elder_care",
                "waste_collection",
                "school_in_reach")) {
            typed.put(code, "是");
        }
        typed.put("sanitary_toilets", "80");
        return typed;
    }

    @Test
    void townshipRecordsAVillagesYearWhoAndWhenIncludedAndAudited() {
        Map<String, String> typed = allYes();
        typed.put("coverage_5g", "否");
        long audited = audits(TestFixtures.VILLAGE_A);
        VillageYear year = fixtures.as(township, () -> conditions.record(TestFixtures.VILLAGE_A, 2016, typed));
        assertThat(year.values()).hasSize(11);
        assertThat(year.values().get("coverage_5g")).isZero();
        assertThat(year.values().get("sanitary_toilets")).isEqualByComparingTo("80");
        assertThat(year.enteredBy()).isEqualTo(township.getUsername());
        assertThat(year.enteredAt()).isNotNull();
        assertThat(audits(TestFixtures.VILLAGE_A)).isEqualTo(audited + 1);

        typed.put("coverage_5g", "是");
        fixtures.as(township, () -> conditions.record(TestFixtures.VILLAGE_A, 2016, typed));
        assertThat(audits(TestFixtures.VILLAGE_A)).isEqualTo(audited + 2);
        // the same values again change nothing, so nothing is audited
        fixtures.as(township, () -> conditions.record(TestFixtures.VILLAGE_A, 2016, typed));
        assertThat(audits(TestFixtures.VILLAGE_A)).isEqualTo(audited + 2);
    }

    @Test
    void formOfANewYearStartsFromTheLatestYearBefore() {
        fixtures.as(township, () -> conditions.record(TestFixtures.VILLAGE_B, 2017, allYes()));
        VillageYear start = fixtures.as(township, () -> conditions.startingPoint(TestFixtures.VILLAGE_B, 2018));
        assertThat(start.year()).isEqualTo(2017);
        assertThat(start.values()).hasSize(11);
        VillageYear none = fixtures.as(otherTownship, () -> conditions.startingPoint(firstVillage(), 2001));
        assertThat(none.recorded()).isFalse();
        assertThat(none.year()).isEqualTo(2001);
    }

    @Test
    void wrongValuesAreEachNamedAndNothingIsSaved() {
        Map<String, String> typed = allYes();
        typed.put("paved_road", "也许");
        typed.put("sanitary_toilets", "120");
        typed.remove("clinic");
        assertThatThrownBy(() -> fixtures.as(township, () -> conditions.record(TestFixtures.VILLAGE_A, 2014, typed)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field, FieldProblem::code)
                                .containsExactlyInAnyOrder(
                                        tuple("paved_road", "not_yes_no"),
                                        tuple("sanitary_toilets", "above_hundred"),
                                        tuple("clinic", "missing")));
        assertThat(fixtures.as(township, () -> conditions.of(TestFixtures.VILLAGE_A, 2014))
                        .recorded())
                .isFalse();
    }

    @Test
    void anotherTownshipsVillageIsNotFoundForReadingOrWriting() {
        fixtures.as(township, () -> conditions.record(TestFixtures.VILLAGE_A, 2018, allYes()));
        assertThatThrownBy(() -> fixtures.as(otherTownship, () -> conditions.of(TestFixtures.VILLAGE_A, 2018)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() ->
                        fixtures.as(otherTownship, () -> conditions.record(TestFixtures.VILLAGE_A, 2018, allYes())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fixtures.as(township, () -> conditions.record(firstVillage(), 2018, allYes())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void villageCadreReadsOwnVillageOnlyAndDoesNotWrite() {
        fixtures.as(township, () -> conditions.record(TestFixtures.VILLAGE_A, 2015, allYes()));
        fixtures.as(township, () -> conditions.record(TestFixtures.VILLAGE_B, 2015, allYes()));
        assertThat(fixtures.as(cadreA, () -> conditions.of(TestFixtures.VILLAGE_A, 2015))
                        .recorded())
                .isTrue();
        assertThatThrownBy(() -> fixtures.as(cadreA, () -> conditions.of(TestFixtures.VILLAGE_B, 2015)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fixtures.as(cadreA, () -> conditions.record(TestFixtures.VILLAGE_A, 2015, allYes())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void apiAndPagesOfAnotherTownshipsVillageAreNotFound() throws Exception {
        mvc.perform(get("/api/v1/villages/{c}/conditions/2018", TestFixtures.VILLAGE_A)
                        .with(user(otherTownship)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/villages/{c}/conditions", TestFixtures.VILLAGE_A).with(user(otherTownship)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/villages/{c}/conditions/edit", TestFixtures.VILLAGE_A).with(user(cadreA)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/villages/{c}/conditions", TestFixtures.VILLAGE_A).with(user(cadreA)))
                .andExpect(status().isOk());
    }

    @Test
    void householdFileShowsItsVillagesLatestConditions() throws Exception {
        Map<String, String> typed = allYes();
        typed.put("clinic", "否");
        int year = Year.now().getValue();
        fixtures.as(township, () -> conditions.record(TestFixtures.VILLAGE_B, year, typed));
        HouseholdFile file = fixtures.household(township, TestFixtures.VILLAGE_B);
        String page = mvc.perform(get("/households/{id}", file.household().id()).with(user(township)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"village-conditions\"").contains("标准化卫生室（有村医） 无");
        assertThat(page).contains("通硬化路 有");
    }

    private long audits(String village) {
        return jdbc.sql("select count(*) from audit_log where entity_type = 'village_condition' and region_code = :v")
                .param("v", village)
                .query(Long.class)
                .single();
    }

    private String firstVillage() {
        return jdbc.sql("select code from region where level = 'VILLAGE' and code like '522324102%' order by code"
                        + " limit 1")
                .query(String.class)
                .single();
    }
}
