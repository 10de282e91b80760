package org.bulwark.screening;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Verifying a warning through the API: confirming keeps its note, dismissing its reason, and a reason is required. */
@DatabaseTest
class WarningApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    private long warning(BulwarkUser cadre) {
        long household =
                fixtures.household(cadre, TestFixtures.VILLAGE_A).household().id();
        long run = jdbc.sql("""
                insert into screening_run (region_code, as_of, mode, rules_version, started_by)
                values (:r, :d, 'FULL', 'test', 'test') returning id
                """)
                .param("r", TestFixtures.VILLAGE_A)
                .param("d", LocalDate.now())
                .query(Long.class)
                .single();
        return jdbc.sql("""
                insert into warning (run_id, household_id, village_code, rule_id, rule_version, direction, risk_type,
                    level, registered, as_of, deadline, evidence)
                values (:run, :h, :v, 'DSR-01', 'test', 'UP', 'natural_disaster', 'RED', true, :d, :d, '{}')
                returning id
                """)
                .param("run", run)
                .param("h", household)
                .param("v", TestFixtures.VILLAGE_A)
                .param("d", LocalDate.now())
                .query(Long.class)
                .single();
    }

    private ResultActions decide(BulwarkUser user, long id, String action, String body) throws Exception {
        return mvc.perform(post("/api/v1/warnings/" + id + "/" + action)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .with(httpBasic(user.getUsername(), TestFixtures.PASSWORD)));
    }

    @Test
    void confirmingKeepsTheNote() throws Exception {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        decide(cadre, warning(cadre), "confirm", "{\"version\": 0, \"note\": \"房屋受损\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.verificationNote").value("房屋受损"));
    }

    @Test
    void dismissingKeepsTheReasonAndNeedsOne() throws Exception {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        long id = warning(cadre);
        decide(cadre, id, "dismiss", "{\"version\": 0, \"note\": \"not a reason\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("reason")));
        decide(cadre, id, "dismiss", "{\"version\": 0, \"reason\": \"已核实无风险\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DISMISSED"))
                .andExpect(jsonPath("$.verificationNote").value("已核实无风险"));
    }
}
