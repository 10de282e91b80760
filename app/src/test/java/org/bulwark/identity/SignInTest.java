package org.bulwark.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditEntry;
import org.bulwark.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Sign-in: hashed passwords, audited logins, lockout after repeated failures. */
@DatabaseTest
class SignInTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;

    @Test
    void passwordsAreStoredHashed() {
        BulwarkUser user = fixtures.user(Role.HELPER, TestFixtures.VILLAGE_A);
        String stored = jdbc.sql("select password_hash from app_user where id = :id").param("id", user.id())
                .query(String.class).single();
        assertThat(stored).startsWith("{bcrypt}").doesNotContain(TestFixtures.PASSWORD);
    }

    @Test
    void aSignInIsAudited() throws Exception {
        BulwarkUser user = fixtures.user(Role.HELPER, TestFixtures.VILLAGE_A);
        mvc.perform(formLogin("/login").user(user.getUsername()).password(TestFixtures.PASSWORD))
                .andExpect(redirectedUrl("/"));
        AuditEntry entry = audit.recent(RegionScope.nationwide(), "user", user.getUsername(), 1).get(0);
        assertThat(entry.action()).isEqualTo(AuditAction.LOGIN);
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
        BulwarkUser user = fixtures.user(Role.HELPER, TestFixtures.VILLAGE_A);
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user(user.getUsername()).password("wrong"))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user(user.getUsername()).password(TestFixtures.PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        AuditEntry entry = audit.recent(RegionScope.nationwide(), "user", user.getUsername(), 1).get(0);
        assertThat(entry.action()).isEqualTo(AuditAction.LOGIN_FAILED);
    }

    @Test
    void creatingAnAccountIsAuditedWithoutItsPassword() {
        BulwarkUser user = fixtures.user(Role.TOWNSHIP_REVIEWER, TestFixtures.TOWNSHIP);
        AuditEntry entry = audit.recent(RegionScope.nationwide(), "user", String.valueOf(user.id()), 1).get(0);
        assertThat(entry.action()).isEqualTo(AuditAction.CREATE);
        assertThat(entry.after()).contains(user.getUsername()).contains("TOWNSHIP_REVIEWER")
                .doesNotContain(TestFixtures.PASSWORD).doesNotContain("bcrypt");
    }
}
