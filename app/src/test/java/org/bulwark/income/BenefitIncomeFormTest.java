package org.bulwark.income;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.concurrent.ThreadLocalRandom;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.industry.BenefitLinkInput;
import org.bulwark.industry.BenefitLinks;
import org.bulwark.industry.Project;
import org.bulwark.industry.ProjectInput;
import org.bulwark.industry.Projects;
import org.bulwark.registry.HouseholdFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Nobody types what the platform knows: a new year's income form is filled in with what the household's industry
 * projects paid it, each benefit in its component (docs/industry.md), and says so in Chinese; a recorded year is only
 * compared, never overwritten.
 */
@DatabaseTest
class BenefitIncomeFormTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Projects projects;

    @Autowired
    BenefitLinks links;

    @Autowired
    Incomes incomes;

    BulwarkUser county;
    int year = ThreadLocalRandom.current().nextInt(2040, 2100);

    @BeforeEach
    void setUp() {
        county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
    }

    @Test
    void aNewYearsFormIsFilledInFromTheBenefitLinksByComponent() throws Exception {
        Project project = fixtures.as(county, () -> projects.create(greenhouses()));
        HouseholdFile household = fixtures.household(county, TestFixtures.VILLAGE_A);
        long id = household.household().id();
        link(project, id, "WAGES", "5000");
        link(project, id, "SERVICES", "300");
        link(project, id, "LAND_RENT", "800");
        link(project, id, "DIVIDEND", "200");
        link(project, id, "CONTRACT_PURCHASE", "1500");

        String page = form("/households/{id}/incomes/new?year=" + year, id);

        assertThat(page)
                .contains("以下金额已按联农带农台账预填（" + year + "年")
                .contains(project.name() + "·务工：5,000.00 元，计入工资性收入")
                .contains("订单收购：1,500.00 元，计入生产经营性收入")
                .contains("入股分红：200.00 元，计入财产净收入")
                .contains("value=\"5300.00\"", "value=\"1500.00\"", "value=\"1000.00\"");
    }

    @Test
    void aHouseholdWithoutLinksGetsAnEmptyFormAndNoNote() throws Exception {
        HouseholdFile household = fixtures.household(county, TestFixtures.VILLAGE_A);

        String page = form(
                "/households/{id}/incomes/new?year=" + year,
                household.household().id());

        assertThat(page).doesNotContain("联农带农台账").contains("value=\"0\"");
    }

    @Test
    void aRecordedYearIsComparedNotOverwritten() throws Exception {
        year = 2020 + year % 5; // an income is recorded for a past year
        Project project = fixtures.as(county, () -> projects.create(greenhouses()));
        HouseholdFile household = fixtures.household(county, TestFixtures.VILLAGE_A);
        long id = household.household().id();
        link(project, id, "WAGES", "5000");
        fixtures.as(
                county,
                () -> incomes.record(
                        id,
                        new IncomeInput(
                                year,
                                new BigDecimal("12000"),
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO)));

        String page = form("/households/{id}/incomes/" + year + "/edit", id);

        assertThat(page)
                .contains("联农带农台账记录本户" + year + "年从产业项目获得以下收益")
                .contains("value=\"12000")
                .doesNotContain("value=\"5000.00\"");
    }

    private String form(String url, long id) throws Exception {
        return mvc.perform(get(url, id).with(user(county)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private void link(Project project, long householdId, String kind, String amount) {
        fixtures.as(
                county,
                () -> links.record(
                        new BenefitLinkInput(project.id(), householdId, null, kind, year, new BigDecimal(amount))));
    }

    private static ProjectInput greenhouses() {
        return new ProjectInput(
                "合作社",
                "测试食用菌合作社" + ThreadLocalRandom.current().nextInt(1_000_000),
                TestFixtures.VILLAGE_A,
                "种植",
                "衔接资金",
                new BigDecimal("100000"),
                null,
                null,
                null,
                null,
                null);
    }
}
