package org.bulwark.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The registry's pages render for editors, stay closed to read-only roles, and never overwrite by accident. */
@DatabaseTest
class RegistryPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    BulwarkUser cadre;
    HouseholdFile household;

    @BeforeEach
    void setUp() {
        cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        household = fixtures.household(
                cadre,
                TestFixtures.VILLAGE_A,
                new PersonInput(
                        "务工成员",
                        TestFixtures.newIdNumber(),
                        "CHILD",
                        null,
                        null,
                        "JUNIOR_SECONDARY",
                        "HEALTHY",
                        "NONE",
                        "ABLE",
                        "EMPLOYED",
                        "OUT_OF_PROVINCE",
                        10,
                        "NOT_SCHOOL_AGE",
                        true,
                        false));
    }

    private String page(String url, BulwarkUser as) throws Exception {
        return mvc.perform(get(url).with(user(as)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void everyFormRendersWithOneInputPerField() throws Exception {
        long worker = household.members().stream()
                .filter(p -> p.employmentMonths() != null && p.employmentMonths() == 10)
                .findFirst()
                .orElseThrow()
                .id();
        String memberForm = page("/persons/" + worker + "/edit", cadre);
        assertThat(memberForm).contains("value=\"10\"");
        String householdForm = page("/households/new", cadre);
        String incomeForm = page("/households/" + household.household().id() + "/incomes/new", cadre);
        for (String form : new String[] {memberForm, householdForm, incomeForm}) {
            // only the insurance fields are checkboxes
            assertThat(form.split("type=\"checkbox\"", -1).length - 1).isLessThanOrEqualTo(2);
        }
        assertThat(householdForm).contains("请选择");
    }

    @Test
    void readOnlyRolesCannotOpenEditFormsThatShowFullNumbers() throws Exception {
        BulwarkUser leader = fixtures.user(Role.LEADER, TestFixtures.COUNTY);
        long id = household.household().id();
        long head = household.head().orElseThrow().id();
        mvc.perform(get("/households/{id}/edit", id).with(user(leader))).andExpect(status().isForbidden());
        mvc.perform(get("/persons/{id}/edit", head).with(user(leader))).andExpect(status().isForbidden());
        mvc.perform(get("/households/{id}/members/new", id).with(user(leader))).andExpect(status().isForbidden());
        mvc.perform(get("/households/{id}/incomes/new", id).with(user(leader))).andExpect(status().isForbidden());
        mvc.perform(get("/households/new").with(user(leader))).andExpect(status().isForbidden());
        String file = page("/households/" + id, leader);
        assertThat(file)
                .doesNotContain(household.head().orElseThrow().idNumber())
                .doesNotContain("13800001234");
    }

    @Test
    void theNewIncomeFormDoesNotOverwriteARecordedYear() throws Exception {
        long id = household.household().id();
        String url = "/households/" + id + "/incomes";
        mvc.perform(post(url)
                        .with(user(cadre))
                        .with(csrf())
                        .param("creating", "true")
                        .param("year", "2024")
                        .param("wage", "1000")
                        .param("operating", "0")
                        .param("property", "0")
                        .param("transfer", "0")
                        .param("productionCost", "0"))
                .andExpect(status().is3xxRedirection());
        String again = mvc.perform(post(url)
                        .with(user(cadre))
                        .with(csrf())
                        .param("creating", "true")
                        .param("year", "2024")
                        .param("wage", "5")
                        .param("operating", "0")
                        .param("property", "0")
                        .param("transfer", "0")
                        .param("productionCost", "0"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(again).contains("该年度收入已录入");
        assertThat(page("/households/" + id, cadre)).contains("1,000.00");
    }

    @Test
    void theFileShowsTheTrailOfMembersAndIncomesToo() throws Exception {
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        long id = household.household().id();
        mvc.perform(post("/households/" + id + "/incomes")
                        .with(user(cadre))
                        .with(csrf())
                        .param("creating", "true")
                        .param("year", "2023")
                        .param("wage", "1")
                        .param("operating", "0")
                        .param("property", "0")
                        .param("transfer", "0")
                        .param("productionCost", "0"))
                .andExpect(status().is3xxRedirection());
        String file = page("/households/" + id, county);
        assertThat(file).contains("操作记录").contains(">收入<").contains(">农户<");
    }
}
