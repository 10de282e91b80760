package org.bulwark.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.income.IncomeInput;
import org.bulwark.income.Incomes;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A village cadre asks for another village's household through every entry point and gets "not found"; a township
 * reviewer above both villages sees both. Scope is enforced in the services, so each entry point is tried.
 */
@DatabaseTest
class RegionScopeTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Registry registry;

    @Autowired
    Incomes incomes;

    BulwarkUser cadreA;
    BulwarkUser cadreB;
    BulwarkUser township;
    HouseholdFile inB;

    @BeforeEach
    void setUp() {
        cadreA = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        cadreB = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_B);
        township = fixtures.user(Role.TOWNSHIP_REVIEWER, TestFixtures.TOWNSHIP);
        inB = fixtures.household(cadreB, TestFixtures.VILLAGE_B);
    }

    private long id() {
        return inB.household().id();
    }

    private String headIdNumber() {
        return inB.head().orElseThrow().idNumber();
    }

    @Test
    void householdFilePageOfAnotherVillageIsNotFound() throws Exception {
        mvc.perform(get("/households/{id}", id()).with(user(cadreA))).andExpect(status().isNotFound());
        mvc.perform(get("/households/{id}", id()).with(user(cadreB))).andExpect(status().isOk());
        mvc.perform(get("/households/{id}", id()).with(user(township))).andExpect(status().isOk());
    }

    @Test
    void editPagesOfAnotherVillageAreNotFound() throws Exception {
        mvc.perform(get("/households/{id}/edit", id()).with(user(cadreA))).andExpect(status().isNotFound());
        mvc.perform(post("/households/{id}/edit", id())
                        .with(user(cadreA))
                        .with(csrf())
                        .param("villageCode", TestFixtures.VILLAGE_A)
                        .param("category", "ORDINARY")
                        .param("version", "0"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/households/{id}/delete", id()).with(user(cadreA)).with(csrf()))
                .andExpect(status().isNotFound());
        long personId = inB.head().orElseThrow().id();
        mvc.perform(get("/persons/{id}/edit", personId).with(user(cadreA))).andExpect(status().isNotFound());
        mvc.perform(post("/persons/{id}/reveal", personId)
                        .param("field", "idNumber")
                        .with(user(cadreA))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/households/{id}/incomes/new", id()).with(user(cadreA)))
                .andExpect(status().isNotFound());
        assertThat(fixtures.as(cadreB, () -> registry.file(id())).members()).hasSize(1);
    }

    @Test
    void searchPageDoesNotListAnotherVillagesHousehold() throws Exception {
        String byId = mvc.perform(get("/households").param("q", headIdNumber()).with(user(cadreA)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(byId).doesNotContain(inB.household().householdNumber());
        String byTownship = mvc.perform(
                        get("/households").param("q", headIdNumber()).with(user(township)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(byTownship).contains(inB.household().householdNumber());
    }

    @Test
    void apiReadsOfAnotherVillageAreNotFound() throws Exception {
        String a = cadreA.getUsername();
        mvc.perform(get("/api/v1/households/{id}", id()).with(httpBasic(a, TestFixtures.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/persons/{id}", inB.head().orElseThrow().id())
                        .with(httpBasic(a, TestFixtures.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/households/{id}/incomes", id()).with(httpBasic(a, TestFixtures.PASSWORD)))
                .andExpect(status().isNotFound());
        String search = mvc.perform(
                        get("/api/v1/households").param("q", headIdNumber()).with(httpBasic(a, TestFixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(search).contains("\"items\":[]");
        String persons = mvc.perform(get("/api/v1/persons")
                        .param("idNumber", headIdNumber())
                        .with(httpBasic(a, TestFixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(persons).isEqualTo("[]");
        mvc.perform(get("/api/v1/households/{id}", id()).with(httpBasic(cadreB.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isOk());
    }

    @Test
    void apiWritesToAnotherVillageAreNotFoundAndChangeNothing() throws Exception {
        String a = cadreA.getUsername();
        mvc.perform(put("/api/v1/households/{id}", id())
                        .with(httpBasic(a, TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"villageCode\":\"" + TestFixtures.VILLAGE_A
                                + "\",\"category\":\"MONITORED\",\"version\":0}"))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/households/{id}", id()).with(httpBasic(a, TestFixtures.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/households/{id}/incomes/2025", id())
                        .with(httpBasic(a, TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"wage\":1,\"operating\":0,\"property\":0,\"transfer\":0,\"productionCost\":0}"))
                .andExpect(status().isNotFound());
        HouseholdFile after = fixtures.as(cadreB, () -> registry.file(id()));
        assertThat(after.household().category().name()).isEqualTo("ORDINARY");
        assertThat(after.household().version()).isEqualTo(inB.household().version());
    }

    @Test
    void servicesRefuseOutOfScopeAccessWhateverCallsThem() {
        assertThatThrownBy(() -> fixtures.as(cadreA, () -> registry.file(id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fixtures.as(
                        cadreA,
                        () -> incomes.record(
                                id(),
                                new IncomeInput(
                                        2025,
                                        BigDecimal.ONE,
                                        BigDecimal.ZERO,
                                        BigDecimal.ZERO,
                                        BigDecimal.ZERO,
                                        BigDecimal.ZERO))))
                .isInstanceOf(NotFoundException.class);
        assertThat(fixtures.as(cadreA, () -> registry.search(new HouseholdSearch(headIdNumber(), null, null, 0, 10)))
                        .items())
                .isEmpty();
        assertThat(fixtures.as(
                                cadreA,
                                () -> registry.search(new HouseholdSearch(null, TestFixtures.VILLAGE_B, null, 0, 10)))
                        .items())
                .isEmpty();
    }

    @Test
    void cadreCannotRegisterAHouseholdInAnotherVillage() {
        assertThatThrownBy(() -> fixtures.household(cadreA, TestFixtures.VILLAGE_B))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("villageCode");
    }

    @Test
    void rolesWithoutEditPermissionCannotChangeTheRegistry() throws Exception {
        BulwarkUser leader = fixtures.user(Role.LEADER, TestFixtures.COUNTY);
        mvc.perform(delete("/api/v1/households/{id}", id())
                        .with(httpBasic(leader.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/households/{id}", id()).with(httpBasic(leader.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isOk());
    }
}
