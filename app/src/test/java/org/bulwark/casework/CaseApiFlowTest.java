package org.bulwark.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.SwitchableClock;
import org.bulwark.registry.HouseholdFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** A case from a public declaration to monitoring and on to risk elimination, entirely through the REST API. */
@DatabaseTest
class CaseApiFlowTest {

    static final LocalDate DAY = LocalDate.of(2026, 2, 2);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    SwitchableClock clock;

    @Autowired
    ObjectMapper json;

    JsonNode call(LocalDate day, BulwarkUser user, String path, String body) throws Exception {
        try (var fixed = clock.at(day)) {
            var request = body == null
                    ? get(path)
                    : post(path).contentType(MediaType.APPLICATION_JSON).content(body);
            if (user != null) {
                request = request.with(httpBasic(user.getUsername(), TestFixtures.PASSWORD));
            } else {
                request = request.with(r -> {
                    r.setRemoteAddr("10.88.0.1");
                    return r;
                });
            }
            ResultActions result = mvc.perform(request);
            String text = result.andReturn().getResponse().getContentAsString();
            assertThat(result.andReturn().getResponse().getStatus())
                    .as(path + " → " + text)
                    .isEqualTo(200);
            return json.readTree(text);
        }
    }

    JsonNode pass(LocalDate day, BulwarkUser user, JsonNode c) throws Exception {
        return call(
                day,
                user,
                "/api/v1/cases/" + c.get("id").asLong() + "/decision",
                "{\"version\": " + c.get("version").asInt() + ", \"decision\": \"PASS\", \"comment\": \"ok\","
                        + " \"objections\": 0}");
    }

    @Test
    void declarationToMonitoringToRiskEliminationThroughTheApi() throws Exception {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        BulwarkUser township = fixtures.user(Role.TOWNSHIP_REVIEWER, TestFixtures.TOWNSHIP);
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        BulwarkUser helper = fixtures.user(Role.HELPER, TestFixtures.VILLAGE_A);
        HouseholdFile household = fixtures.household(cadre, TestFixtures.VILLAGE_A);
        long id = household.household().id();

        JsonNode receipt = call(DAY, null, "/api/v1/public/declarations", """
                {"declarantName": "测试", "phone": "13800001234", "villageCode": "%s", "risks": ["ACCIDENT"]}
                """.formatted(TestFixtures.VILLAGE_A));
        JsonNode declaration = call(DAY, cadre, "/api/v1/declarations?status=RECEIVED&limit=5000", null);
        long declarationId = 0;
        for (JsonNode d : declaration) {
            if (d.get("receiptNumber")
                    .asString()
                    .equals(receipt.get("receiptNumber").asString())) {
                declarationId = d.get("id").asLong();
            }
        }
        JsonNode c = call(
                DAY,
                cadre,
                "/api/v1/declarations/" + declarationId + "/accept",
                "{\"version\": 0, \"householdId\": " + id + "}");
        assertThat(c.get("channel").asString()).isEqualTo("SELF_DECLARATION");
        assertThat(c.get("greenChannel").asBoolean()).isTrue();
        c = call(
                DAY.plusDays(1),
                cadre,
                "/api/v1/cases/" + c.get("id").asLong() + "/verification",
                "{\"version\": " + c.get("version").asInt() + ", \"commitmentSigned\": true,"
                        + " \"monitoringType\": \"SUDDEN_HARDSHIP\", \"risks\": [\"ACCIDENT\"]}");
        c = pass(DAY.plusDays(1), cadre, c);
        c = pass(DAY.plusDays(2), county, c);
        c = pass(DAY.plusDays(3), cadre, c);
        c = pass(DAY.plusDays(8), cadre, c);
        call(
                DAY.plusDays(9),
                township,
                "/api/v1/households/" + id + "/helper",
                "{\"helper\": \"" + helper.getUsername() + "\"}");
        JsonNode measure = call(
                DAY.plusDays(9), helper, "/api/v1/households/" + id + "/plan/measures", """
                {"category": "SOCIAL_ASSISTANCE", "riskType": "ACCIDENT", "department": "民政局",
                 "amount": 3000, "startsOn": "%s"}""".formatted(DAY.plusDays(9)));
        c = pass(DAY.plusDays(9), township, c);
        c = pass(DAY.plusDays(10), county, c);
        assertThat(c.get("status").asString()).isEqualTo("APPROVED");
        call(
                DAY.plusDays(11),
                helper,
                "/api/v1/plan/measures/" + measure.get("id").asLong() + "/delivery",
                "{\"version\": " + measure.get("version").asInt() + "}");
        call(DAY.plusDays(20), helper, "/api/v1/visits", """
                {"id": "%s", "householdId": %d, "visitedOn": "%s", "findings": "recovered",
                 "perCapitaIncome": 12000, "circumstances": "IMPROVED"}""".formatted(UUID.randomUUID(), id, DAY.plusDays(20)));
        LocalDate later = DAY.plusDays(20).plusMonths(6);
        call(later, helper, "/api/v1/visits", """
                {"id": "%s", "householdId": %d, "visitedOn": "%s", "findings": "stable",
                 "perCapitaIncome": 12500, "circumstances": "STABLE"}""".formatted(UUID.randomUUID(), id, later));
        JsonNode assessment = call(later, cadre, "/api/v1/households/" + id + "/elimination-assessment", null);
        for (JsonNode result : assessment.get("results")) {
            assertThat(result.get("holds").asBoolean())
                    .as(result.get("criterion").asString())
                    .isTrue();
        }
        JsonNode e = call(later, cadre, "/api/v1/households/" + id + "/elimination", "{}");
        e = pass(later, cadre, e);
        e = pass(later, county, e);
        e = pass(later, cadre, e);
        e = pass(later.plusDays(5), cadre, e);
        e = pass(later.plusDays(5), township, e);
        e = pass(later.plusDays(6), county, e);
        assertThat(e.get("status").asString()).isEqualTo("APPROVED");
        JsonNode file = call(later.plusDays(6), cadre, "/api/v1/households/" + id + "/casework", null);
        assertThat(file.get("status").get("status").asString()).isEqualTo("ELIMINATED");
        call(
                later.plusDays(6),
                null,
                "/api/v1/public/declarations/" + receipt.get("receiptNumber").asString(),
                null);
        try (var fixed = clock.at(later)) {
            mvc.perform(get("/api/v1/public/declarations/"
                            + receipt.get("receiptNumber").asString()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("ACCEPTED"));
        }
    }

    @Test
    void aHouseholdOutsideCaseworkReadsNoneForStatusAndHelper() throws Exception {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        long id = fixtures.household(cadre, TestFixtures.VILLAGE_A).household().id();
        JsonNode file = call(DAY, cadre, "/api/v1/households/" + id + "/casework", null);
        assertThat(file.propertyNames())
                .containsExactlyInAnyOrder("status", "history", "helper", "plan", "visits", "cases");
        assertThat(file.get("status").asString()).isEqualTo("NONE");
        assertThat(file.get("helper").asString()).isEqualTo("NONE");
        assertThat(file.get("cases").isArray()).isTrue();
        assertThat(file.get("plan").size()
                        + file.get("visits").size()
                        + file.get("history").size())
                .isZero();
    }
}
