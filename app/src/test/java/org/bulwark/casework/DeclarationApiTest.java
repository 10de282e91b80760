package org.bulwark.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.core.casework.RiskType;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.registry.HouseholdFile;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/**
 * The channels in: a resident's public declaration (no account, validated, rate-limited, a receipt that tells nothing
 * about anyone), its acceptance into a case, and a confirmed department warning opening a case.
 */
@DatabaseTest
class DeclarationApiTest {

    private static final AtomicInteger CLIENT = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Declarations declarations;

    @Autowired
    Cases cases;

    @Autowired
    JdbcClient jdbc;

    BulwarkUser cadre;
    String client;

    @BeforeEach
    void setUp() {
        cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        client = "10.9." + (CLIENT.incrementAndGet() / 250) + "." + (CLIENT.get() % 250);
    }

    MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder request) {
        return request.with(r -> {
            r.setRemoteAddr(client);
            return r;
        });
    }

    static String form(String name, String phone, String village, String risks) {
        return """
                {"declarantName": %s, "phone": %s, "villageCode": %s, "risks": %s,
                 "description": "孩子住院，花了三万多"}
                """.formatted(name, phone, village, risks);
    }

    @Test
    void residentDeclaresWithoutAnAccountAndChecksTheStatusWithTheReceipt() throws Exception {
        String body = mvc.perform(from(post("/api/v1/public/declarations"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(form(
                                "\"李四\"", "\"138 0000 1234\"", "\"" + TestFixtures.VILLAGE_A + "\"", "[\"ILLNESS\"]")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String receipt = body.replaceAll(".*\"receiptNumber\":\"([A-Z0-9]+)\".*", "$1");
        assertThat(receipt).hasSize(12);
        mvc.perform(from(get("/api/v1/public/declarations/" + receipt.toLowerCase())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andExpect(jsonPath("$.declarantName").doesNotExist())
                .andExpect(jsonPath("$.phone").doesNotExist())
                .andExpect(content().string(Matchers.not(Matchers.containsString("李四"))));
        mvc.perform(from(get("/api/v1/public/declarations/ZZZZZZZZZZZZ"))).andExpect(status().isNotFound());
    }

    @Test
    void badDeclarationNamesEveryBadFieldAndStoresNothing() throws Exception {
        int before = jdbc.sql("select count(*) from declaration")
                .query(Integer.class)
                .single();
        mvc.perform(from(post("/api/v1/public/declarations"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(form("\"\"", "\"12345\"", "\"522324101000\"", "[]")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(Matchers.containsInAnyOrder("declarantName", "phone", "villageCode", "risks")));
        assertThat(jdbc.sql("select count(*) from declaration")
                        .query(Integer.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void publicFormIsRateLimitedPerClient() throws Exception {
        String good = form("\"王五\"", "\"13900001111\"", "\"" + TestFixtures.VILLAGE_A + "\"", "[\"ACCIDENT\"]");
        // mistakes do not use up what an address may declare
        for (int i = 0; i < 3; i++) {
            mvc.perform(from(post("/api/v1/public/declarations"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(good.replace("13900001111", "139")))
                    .andExpect(status().isUnprocessableEntity());
        }
        for (int i = 0; i < 5; i++) {
            mvc.perform(from(post("/api/v1/public/declarations"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(good))
                    .andExpect(status().isOk());
        }
        mvc.perform(from(post("/api/v1/public/declarations"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(good))
                .andExpect(status().isTooManyRequests())
                .andExpect(MockMvcResultMatchers.header().string("Retry-After", "3600"));
        // another address is not affected
        client = client + "1";
        mvc.perform(from(post("/api/v1/public/declarations"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(good))
                .andExpect(status().isOk());
    }

    @Test
    void cadreAcceptsADeclarationIntoACaseOfTheHousehold() throws Exception {
        HouseholdFile household = fixtures.household(cadre, TestFixtures.VILLAGE_A);
        Declaration declaration = fixtures.as(
                cadre,
                () -> declarations.record(
                        new DeclarationInput(
                                "张三",
                                "13800001234",
                                null,
                                TestFixtures.VILLAGE_A,
                                Set.of(RiskType.SCHOOLING),
                                "tuition"),
                        "HOTLINE"));
        mvc.perform(post("/api/v1/declarations/" + declaration.id() + "/accept")
                        .with(httpBasic(cadre.getUsername(), TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 0, \"householdId\": "
                                + household.household().id() + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.channel").value("SELF_DECLARATION"))
                .andExpect(jsonPath("$.step").value("HOME_VERIFICATION"));
        Declaration accepted = fixtures.as(cadre, () -> declarations.get(declaration.id()));
        assertThat(accepted.status()).isEqualTo(DeclarationStatus.ACCEPTED);
        assertThat(accepted.caseId()).isNotNull();
        // accepting twice is a conflict, not a second case
        mvc.perform(post("/api/v1/declarations/" + declaration.id() + "/accept")
                        .with(httpBasic(cadre.getUsername(), TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 1, \"householdId\": "
                                + household.household().id() + "}"))
                .andExpect(status().isConflict());
    }
}
