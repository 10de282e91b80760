package org.bulwark.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Where configuration requires a second factor for a role (as the platform's default does for administrators and
 * the county and above), an account of that role is held at enrolment after its password, cannot turn the factor
 * off, and the API refuses its password alone; other roles are not affected.
 */
@DatabaseTest
@TestPropertySource(properties = "bulwark.security.two-factor.required-roles=COUNTY_APPROVER,AUDIT_ADMIN")
class TwoFactorRequiredTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    TwoFactor twoFactor;

    @Autowired
    AccessTokens tokens;

    @Test
    void aRequiredRoleEnrolsBeforeAnythingElseAndItsPasswordAloneIsRefusedByTheApi() throws Exception {
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        MockHttpSession session = (MockHttpSession)
                mvc.perform(formLogin("/login").user(county.getUsername()).password(TestFixtures.PASSWORD))
                        .andReturn()
                        .getRequest()
                        .getSession();
        mvc.perform(get("/households").session(session)).andExpect(redirectedUrl("/account/two-factor"));
        String page = mvc.perform(get("/account/two-factor").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("您的角色须开启双重认证");
        mvc.perform(get("/api/v1/households").with(httpBasic(county.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isUnauthorized());

        mvc.perform(post("/account/two-factor/start").session(session).with(csrf()));
        String secret =
                fixtures.as(county, () -> twoFactor.waiting().orElseThrow().secret());
        mvc.perform(post("/account/two-factor/confirm")
                        .session(session)
                        .with(csrf())
                        .param("code", new TotpCodes().code(secret, TotpCodes.step(Instant.now()))))
                .andExpect(status().isOk());
        mvc.perform(get("/households").session(session)).andExpect(status().isOk());
        Assertions.assertThatThrownBy(() -> fixtures.as(county, () -> {
                    twoFactor.disable("000000");
                    return null;
                }))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("two_factor_required"));
        String token = fixtures.as(
                county,
                () -> tokens.create("脚本", null, List.of("READ_HOUSEHOLDS"), 7).token());
        mvc.perform(get("/api/v1/households").with(httpBasic(county.getUsername(), token)))
                .andExpect(status().isOk());
    }

    @Test
    void otherRolesKeepSigningInWithTheirPassword() throws Exception {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        MockHttpSession session = (MockHttpSession)
                mvc.perform(formLogin("/login").user(cadre.getUsername()).password(TestFixtures.PASSWORD))
                        .andReturn()
                        .getRequest()
                        .getSession();
        mvc.perform(get("/households").session(session)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/households").with(httpBasic(cadre.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isOk());
    }
}
