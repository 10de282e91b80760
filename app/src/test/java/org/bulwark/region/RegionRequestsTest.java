package org.bulwark.region;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A region code in a request is read once by the core's RegionCode at the web layer: a full code finds its region,
 * anything else (a shorter code, letters, province 00) answers as a region that does not exist.
 */
@DatabaseTest
class RegionRequestsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    BulwarkUser cadre;

    @BeforeEach
    void setUp() {
        cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
    }

    @Test
    void theApiFindsFullCodesAndNothingElse() throws Exception {
        mvc.perform(get("/api/v1/regions/" + TestFixtures.COUNTY).with(user(cadre)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("晴隆县"));
        mvc.perform(get("/api/v1/regions/" + TestFixtures.TOWNSHIP + "/children")
                        .with(user(cadre)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code").value(Matchers.hasItem(TestFixtures.VILLAGE_A)));
        for (String bad : new String[] {"522324", "52232400000x", "000000000000", "5223240000000"}) {
            mvc.perform(get("/api/v1/regions/" + bad).with(user(cadre))).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/regions/" + bad + "/children").with(user(cadre)))
                    .andExpect(status().isNotFound());
        }
    }

    @Test
    void theRegionsPageShowsFullCodesAndRefusesOthers() throws Exception {
        mvc.perform(get("/regions").param("code", TestFixtures.TOWNSHIP).with(user(cadre)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(TestFixtures.VILLAGE_A)));
        mvc.perform(get("/regions").param("code", "5223").with(user(cadre))).andExpect(status().isNotFound());
        mvc.perform(get("/regions").param("code", "abc").with(user(cadre))).andExpect(status().isNotFound());
    }

    @Test
    void thePublicFormReadsOnlyFullVillageCodes() throws Exception {
        mvc.perform(get("/declare/qr").param("village", TestFixtures.VILLAGE_A))
                .andExpect(redirectedUrl("/declare/qr/" + TestFixtures.VILLAGE_A + ".png"));
        mvc.perform(get("/declare/qr").param("village", "../admin")).andExpect(redirectedUrl("/declare/qr/0.png"));
        mvc.perform(get("/declare/qr/0.png")).andExpect(status().isNotFound());
        // a township is a region, not a village: no QR code for it
        mvc.perform(get("/declare/qr/" + TestFixtures.TOWNSHIP + ".png")).andExpect(status().isNotFound());
        mvc.perform(get("/declare/regions").param("parent", "5223241010"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString(TestFixtures.VILLAGE_A))));
    }
}
