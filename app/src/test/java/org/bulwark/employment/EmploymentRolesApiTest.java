package org.bulwark.employment;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.registry.HouseholdFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Through the API each employment role reaches its own region's posting, labourer and referral — the county's
 * employment office, the village's helper and cadre — and another county's employment office, or the cadre of another
 * village, reaches none of them: not found, so that the answer does not even say they exist.
 */
@DatabaseTest
class EmploymentRolesApiTest {

    /** 普安县, a county of the same prefecture as Qinglong. */
    static final String OTHER_COUNTY = "522323000000";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    EmploymentFixtures households;

    @Autowired
    Employers employers;

    @Autowired
    Postings postings;

    @Autowired
    Referrals referrals;

    BulwarkUser office;
    long person;
    long posting;
    long referral;

    /** A labourer of village A without wishes, a posting of the village that fits them, and the referral. */
    @BeforeEach
    void setUp() {
        office = fixtures.user(Role.EMPLOYMENT_OFFICER, TestFixtures.COUNTY);
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        HouseholdFile file = households.household(
                cadre, TestFixtures.VILLAGE_A, "FORMERLY_POOR", List.of(households.member(35, false, "ABLE", "HEAD")));
        person = file.members().get(0).id();
        Employer workshop =
                fixtures.as(office, () -> employers.create(EmployersAndPostingsTest.workshop(TestFixtures.VILLAGE_A)));
        posting = fixtures.as(
                        office,
                        () -> postings.create(new PostingInput(
                                workshop.id(),
                                "采茶工",
                                TestFixtures.VILLAGE_A,
                                "AGRICULTURE",
                                List.of(),
                                new BigDecimal("2600"),
                                40,
                                5,
                                LocalDate.now().minusDays(1),
                                null,
                                null,
                                0)))
                .id();
        referral = fixtures.as(cadre, () -> referrals.propose(person, posting)).id();
    }

    @Test
    void eachRoleOfTheCountyReachesItsRegionsPostingLabourerAndReferral() throws Exception {
        for (BulwarkUser user : List.of(
                office,
                fixtures.user(Role.HELPER, TestFixtures.VILLAGE_A),
                fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A))) {
            reads(user, status().isOk());
        }
    }

    @Test
    void anotherCountysEmploymentOfficeAndAnotherVillagesCadreReachNothing() throws Exception {
        for (BulwarkUser user : List.of(
                fixtures.user(Role.EMPLOYMENT_OFFICER, OTHER_COUNTY),
                fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_B))) {
            reads(user, status().isNotFound());
            mvc.perform(as(user, put("/api/v1/employment/labourers/{id}", person))
                            .content("{\"inWork\": true, \"source\": \"OFFICER\"}"))
                    .andExpect(status().isNotFound());
            mvc.perform(as(user, post("/api/v1/employment/referrals/{id}/state", referral))
                            .content("{\"state\": \"HIRED\"}"))
                    .andExpect(status().isNotFound());
        }
        BulwarkUser otherOffice = fixtures.user(Role.EMPLOYMENT_OFFICER, OTHER_COUNTY);
        mvc.perform(as(otherOffice, put("/api/v1/employment/postings/{id}", posting))
                        .content("{\"state\": \"CLOSED\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(as(otherOffice, post("/api/v1/employment/referrals"))
                        .content("{\"personId\": " + person + ", \"postingId\": " + posting + "}"))
                .andExpect(status().isNotFound());
    }

    private void reads(BulwarkUser user, ResultMatcher expected) throws Exception {
        for (String path : List.of(
                "/api/v1/employment/postings/" + posting,
                "/api/v1/employment/postings/" + posting + "/matches",
                "/api/v1/employment/labourers/" + person,
                "/api/v1/employment/labourers/" + person + "/history",
                "/api/v1/employment/labourers/" + person + "/matches",
                "/api/v1/employment/referrals/" + referral)) {
            mvc.perform(as(user, get(path))).andExpect(expected);
        }
    }

    private MockHttpServletRequestBuilder as(BulwarkUser user, MockHttpServletRequestBuilder request) {
        return request.with(httpBasic(user.getUsername(), TestFixtures.PASSWORD))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON);
    }
}
