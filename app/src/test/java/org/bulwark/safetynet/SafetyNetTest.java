package org.bulwark.safetynet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.core.identity.Sex;
import org.bulwark.core.safetynet.Guarantee;
import org.bulwark.core.safetynet.GuaranteeState;
import org.bulwark.exchange.DepartmentDataImport;
import org.bulwark.exchange.FileFormat;
import org.bulwark.exchange.ImportRequest;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.Role;
import org.bulwark.platform.NotFoundException;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.registry.HouseholdInput;
import org.bulwark.registry.PersonInput;
import org.bulwark.registry.Registry;
import org.bulwark.statistics.FigureQuery;
import org.bulwark.statistics.FigureValue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The safety net against hand-computed small cases: standards by region and year, recipients and coverage from
 * imported civil-affairs records, a household's section with its three guarantees, and the region scope.
 */
@DatabaseTest
class SafetyNetTest {

    /** A year no other test stores allowance records for, so the figures are this test's alone. */
    private static final int YEAR = 2019;

    @Autowired
    Standards standards;

    @Autowired
    SafetyNet safetyNet;

    @Autowired
    SafetyNetFigures figures;

    @Autowired
    GuaranteeFigures guaranteeFigures;

    @Autowired
    DepartmentDataImport importer;

    @Autowired
    Registry registry;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Test
    void theCountysStandardComesBeforeTheProvincesForItsYearOnly() {
        assertThat(standards.find(TestFixtures.VILLAGE_A, 2026).orElseThrow().allowance())
                .isEqualByComparingTo("6600");
        assertThat(standards.find(TestFixtures.VILLAGE_A, 2025).orElseThrow().allowance())
                .isEqualByComparingTo("6100");
        assertThat(standards.find("530102000000", 2021).orElseThrow().allowance())
                .isEqualByComparingTo("4770");
    }

    @Test
    void aProvinceAdministratorSetsAStandardOfTheProvinceOthersCannot() {
        BulwarkUser admin = fixtures.user(Role.PROVINCE_ADMIN, "520000000000");
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        Standards.StandardInput prefecture =
                new Standards.StandardInput("5223", 2030, new BigDecimal("7000"), null, "州民政局文件");

        fixtures.as(admin, () -> standards.edit(prefecture));

        assertThat(standards.find(TestFixtures.VILLAGE_A, 2030).orElseThrow().allowance())
                .isEqualByComparingTo("7000");
        assertThatThrownBy(() -> fixtures.as(county, () -> standards.edit(prefecture)))
                .isInstanceOf(AccessDeniedException.class);
        Standards.StandardInput yunnan = new Standards.StandardInput("53", 2030, new BigDecimal("7000"), null, "文件");
        assertThatThrownBy(() -> fixtures.as(admin, () -> standards.edit(yunnan)))
                .isInstanceOf(NotFoundException.class);
    }

    @Autowired
    RecipientYears recipientYears;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSpellThatRunsOnIsCarriedIntoTheNewYearOneThatEndedIsNot() throws Exception {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        BulwarkUser officer = fixtures.user(Role.PREFECTURE_ADMIN, TestFixtures.COUNTY);
        HouseholdFile runsOn = household(cadre, "MONITORED", 1);
        HouseholdFile ended = household(cadre, "MONITORED", 1);
        int thisYear = LocalDate.now().getYear();
        int lastYear = thisYear - 1;
        upload(
                officer,
                "minimum_living_allowance",
                "身份证号,姓名,户编号,享受起始日期,享受终止日期,月保障金额\n"
                        + row(runsOn, 0, lastYear + "-03-01,,450")
                        + row(ended, 0, lastYear + "-03-01," + lastYear + "-10-31,450"));
        fixtures.awaitRescreening();
        // as it stood on the last day of last year: the batch had written nothing for this year yet
        jdbc.sql("delete from safety_net_recipient where year = :y and household_id in (:a, :b)")
                .param("y", thisYear)
                .param("a", runsOn.household().id())
                .param("b", ended.household().id())
                .update();

        assertThat(recipientYears.carryIntoThisYear()).isGreaterThanOrEqualTo(1);

        assertThat(years(runsOn)).containsExactly(lastYear, thisYear);
        assertThat(years(ended)).containsExactly(lastYear);
        assertThat(recipientYears.carryIntoThisYear())
                .as("nothing left to carry")
                .isZero();
    }

    private List<Integer> years(HouseholdFile file) {
        return jdbc.sql("select year from safety_net_recipient where household_id = :h order by year")
                .param("h", file.household().id())
                .query(Integer.class)
                .list();
    }

    @Test
    void coverageCountsRecipientsOfTheYearByHouseholdCategory() throws Exception {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        BulwarkUser officer = fixtures.user(Role.PREFECTURE_ADMIN, TestFixtures.COUNTY);
        Map<String, Long> before = coverage(cadre);
        HouseholdFile formerlyPoor = household(cadre, "FORMERLY_POOR", 2);
        HouseholdFile monitored = household(cadre, "MONITORED", 1);
        HouseholdFile ordinary = household(cadre, "ORDINARY", 1);
        // formerly poor: both members in 2019; monitored: its head from mid-2019 on; ordinary: an allowance that
        // ended in 2018 and extreme-poverty support from 2019
        upload(
                officer,
                "minimum_living_allowance",
                "身份证号,姓名,户编号,享受起始日期,享受终止日期,月保障金额\n"
                        + row(formerlyPoor, 0, "2019-03-01,2019-12-31,450")
                        + row(formerlyPoor, 1, "2019-03-01,2019-12-31,450")
                        + row(monitored, 0, "2019-06-01,,500")
                        + row(ordinary, 0, "2018-01-01,2018-12-31,300"));
        upload(officer, "extreme_poverty_support", "身份证号,姓名,供养起始日期,供养终止日期\n" + person(ordinary, 0) + ",2019-01-01,\n");
        fixtures.awaitRescreening();

        Map<String, Long> after = coverage(cadre);
        assertThat(delta(before, after, SafetyNetFigures.HOUSEHOLDS)).isEqualTo(2);
        assertThat(delta(before, after, SafetyNetFigures.PERSONS)).isEqualTo(3);
        assertThat(delta(before, after, SafetyNetFigures.FORMERLY_POOR)).isEqualTo(2);
        assertThat(delta(before, after, SafetyNetFigures.MONITORED)).isEqualTo(1);
        assertThat(delta(before, after, SafetyNetFigures.SUPPORT)).isEqualTo(1);

        // the household's own section: two ended spells, nothing running, and the support of the ordinary one
        SafetyNetSection section =
                fixtures.as(cadre, () -> safetyNet.of(formerlyPoor.household().id()));
        assertThat(section.spells()).hasSize(2).noneMatch(SafetyNetSection.ShownSpell::running);
        assertThat(section.receives(RecipientKind.ALLOWANCE)).isFalse();
        SafetyNetSection supported =
                fixtures.as(cadre, () -> safetyNet.of(ordinary.household().id()));
        assertThat(supported.receives(RecipientKind.SUPPORT)).isTrue();
        assertThat(fixtures.as(cadre, () -> safetyNet.of(monitored.household().id()))
                        .receives(RecipientKind.ALLOWANCE))
                .isTrue();
    }

    @Test
    void aSchoolAgeDropOutIsAnEducationGapOnTheHouseholdsFile() throws Exception {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        PersonInput child = child(LocalDate.now().minusYears(10), "DROPPED_OUT");
        HouseholdFile file = fixtures.household(cadre, TestFixtures.VILLAGE_A, child);

        SafetyNetSection section =
                fixtures.as(cadre, () -> safetyNet.of(file.household().id()));

        assertThat(section.guarantees().state(Guarantee.EDUCATION)).isEqualTo(GuaranteeState.GAP);
        assertThat(section.guarantees().state(Guarantee.MEDICAL_INSURANCE)).isEqualTo(GuaranteeState.SECURED);
        assertThat(section.guarantees().state(Guarantee.HOUSING)).isEqualTo(GuaranteeState.NOT_RECORDED);
        mvc.perform(get("/households/{id}", file.household().id()).with(user(cadre)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"safety-net-section\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("未保障")));
    }

    @Test
    void guaranteesAreCountedByRegionForFormerlyPoorAndMonitoredHouseholds() throws Exception {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_B);
        BulwarkUser officer = fixtures.user(Role.PREFECTURE_ADMIN, TestFixtures.COUNTY);
        Map<String, Long> before = guarantees(cadre);
        // one with a child out of school; one whose head has no medical insurance and whose house is graded A
        List<PersonInput> withDropOut = List.of(
                TestFixtures.person("三保障户主甲", TestFixtures.newIdNumber(), "HEAD"),
                child(LocalDate.now().minusYears(10), "DROPPED_OUT"));
        PersonInput uninsured = TestFixtures.person("三保障户主乙", TestFixtures.newIdNumber(), "HEAD");
        uninsured = new PersonInput(
                uninsured.name(),
                uninsured.idNumber(),
                "HEAD",
                null,
                null,
                "PRIMARY",
                "HEALTHY",
                "NONE",
                "ABLE",
                "FARMING",
                null,
                0,
                "NOT_SCHOOL_AGE",
                false,
                true);
        register(cadre, TestFixtures.VILLAGE_B, "FORMERLY_POOR", withDropOut);
        HouseholdFile appraised = register(cadre, TestFixtures.VILLAGE_B, "MONITORED", List.of(uninsured));
        register(
                cadre,
                TestFixtures.VILLAGE_B,
                "ORDINARY",
                List.of(TestFixtures.person("三保障普通户", TestFixtures.newIdNumber(), "HEAD")));
        upload(
                officer,
                "housing_safety",
                "户编号,鉴定日期,鉴定等级,改造完成日期\n" + appraised.household().householdNumber() + ",2025-06-12,A,\n");
        fixtures.awaitRescreening();

        Map<String, Long> after = guarantees(cadre);
        String village = TestFixtures.VILLAGE_B + "|";
        assertThat(delta(before, after, village + GuaranteeFigures.HOUSEHOLDS)).isEqualTo(2);
        // the drop-out: an education gap; the uninsured head: a medical gap, the house graded A is safe
        assertThat(delta(before, after, village + "guarantees.educationGap")).isEqualTo(1);
        assertThat(delta(before, after, village + "guarantees.medicalGap")).isEqualTo(1);
        assertThat(delta(before, after, village + "guarantees.housingGap")).isZero();
        assertThat(delta(before, after, village + "guarantees.waterGap")).isZero();
        assertThat(delta(before, after, village + GuaranteeFigures.ANY_GAP)).isEqualTo(2);
        assertThat(delta(before, after, village + GuaranteeFigures.ALL_SECURED)).isZero();
        assertThat(delta(before, after, village + GuaranteeFigures.NOT_RECORDED_ONLY))
                .isZero();
    }

    private HouseholdFile register(BulwarkUser cadre, String village, String category, List<PersonInput> people) {
        return fixtures.as(
                cadre, () -> registry.register(new HouseholdInput(village, category, "第5组1号", "13800001234"), people));
    }

    private Map<String, Long> guarantees(BulwarkUser user) {
        String prefix = RegionScope.of(user.regionCode()).prefix();
        FigureQuery query = new FigureQuery(RegionScope.of(user.regionCode()), prefix, 12, YEAR, LocalDate.now());
        Map<String, Long> byKey = new HashMap<>();
        for (FigureValue v : guaranteeFigures.byRegion(query)) {
            byKey.put(v.group() + "|" + v.measureId(), v.value().longValue());
        }
        return byKey;
    }

    @Test
    void anotherVillagesHouseholdIsNotFoundItsFiguresNotCounted() throws Exception {
        BulwarkUser cadreA = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        BulwarkUser cadreB = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_B);
        HouseholdFile inB = fixtures.household(cadreB, TestFixtures.VILLAGE_B);

        assertThatThrownBy(() ->
                        fixtures.as(cadreA, () -> safetyNet.of(inB.household().id())))
                .isInstanceOf(NotFoundException.class);
        mvc.perform(get("/api/v1/households/{id}/safety-net", inB.household().id())
                        .with(user(cadreA)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/households/{id}/safety-net", inB.household().id())
                        .with(user(cadreB)))
                .andExpect(status().isOk());
        assertThat(coverage(cadreA).keySet())
                .allMatch(key -> key.startsWith(TestFixtures.VILLAGE_A) || key.startsWith(FigureQuery.NO_GROUP));
    }

    @Test
    void theStandardsPageReadsForACountyAndSavesForAProvinceAdministrator() throws Exception {
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        BulwarkUser admin = fixtures.user(Role.PROVINCE_ADMIN, "520000000000");
        mvc.perform(get("/safety-net").with(user(county)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("6,600")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(
                                org.hamcrest.Matchers.containsString("id=\"standard-form\""))));
        mvc.perform(post("/safety-net/standards")
                        .with(user(admin))
                        .with(csrf())
                        .param("regionCode", "5223")
                        .param("year", "2031")
                        .param("allowance", "7,100")
                        .param("source", "州民政局文件"))
                .andExpect(status().is3xxRedirection());
        assertThat(standards.find(TestFixtures.VILLAGE_A, 2031).orElseThrow().allowance())
                .isEqualByComparingTo("7100");
        mvc.perform(post("/safety-net/standards")
                        .with(user(admin))
                        .with(csrf())
                        .param("regionCode", "5223")
                        .param("year", "2031")
                        .param("allowance", "-1")
                        .param("source", ""))
                .andExpect(status().isOk());
    }

    private HouseholdFile household(BulwarkUser cadre, String category, int members) {
        List<PersonInput> people = new java.util.ArrayList<>();
        people.add(TestFixtures.person("低保户主" + category, TestFixtures.newIdNumber(), "HEAD"));
        for (int i = 1; i < members; i++) {
            people.add(TestFixtures.person(
                    "低保配偶" + category, TestFixtures.newIdNumber(LocalDate.of(1972, 1, 1), Sex.FEMALE), "SPOUSE"));
        }
        return fixtures.as(
                cadre,
                () -> registry.register(
                        new HouseholdInput(TestFixtures.VILLAGE_A, category, "第2组3号", "13800001234"), people));
    }

    private static PersonInput child(LocalDate birth, String schooling) {
        PersonInput p = TestFixtures.person("辍学孩子", TestFixtures.newIdNumber(birth, Sex.MALE), "CHILD");
        return new PersonInput(
                p.name(),
                p.idNumber(),
                p.relation(),
                null,
                null,
                "PRIMARY",
                "HEALTHY",
                "NONE",
                "NOT_WORKING_AGE",
                "NOT_IN_LABOUR_FORCE",
                null,
                0,
                schooling,
                true,
                false);
    }

    private static String person(HouseholdFile file, int member) {
        return file.members().get(member).idNumber() + ","
                + file.members().get(member).name();
    }

    private static String row(HouseholdFile file, int member, String rest) {
        return person(file, member) + "," + file.household().householdNumber() + "," + rest + "\n";
    }

    private void upload(BulwarkUser user, String category, String csv) throws Exception {
        Path file = Files.createTempFile("safety-net-", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        try {
            var batch = fixtures.as(
                    user, () -> importer.run(new ImportRequest(category, file, "f.csv", FileFormat.CSV, false)));
            assertThat(batch.rowsRejected()).as(category).isZero();
        } finally {
            Files.delete(file);
        }
    }

    private Map<String, Long> coverage(BulwarkUser user) {
        String prefix = RegionScope.of(user.regionCode()).prefix();
        FigureQuery query =
                new FigureQuery(RegionScope.of(user.regionCode()), prefix, 12, YEAR, LocalDate.of(YEAR, 12, 31));
        Map<String, Long> byKey = new HashMap<>();
        for (FigureValue v : figures.byRegion(query)) {
            byKey.put(v.group() + "|" + v.measureId(), v.value().longValue());
        }
        return byKey;
    }

    private static long delta(Map<String, Long> before, Map<String, Long> after, String key) {
        String full = key.contains("|") ? key : TestFixtures.VILLAGE_A + "|" + key;
        return after.getOrDefault(full, 0L) - before.getOrDefault(full, 0L);
    }
}
