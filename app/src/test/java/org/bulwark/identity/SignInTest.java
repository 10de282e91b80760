package org.bulwark.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.sql.Timestamp;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditEntry;
import org.bulwark.audit.AuditLog;
import org.bulwark.core.region.RegionCode;
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
        String stored = jdbc.sql("select password_hash from app_user where id = :id")
                .param("id", user.id())
                .query(String.class)
                .single();
        assertThat(stored).startsWith("{bcrypt}").doesNotContain(TestFixtures.PASSWORD);
    }

    @Test
    void aSignInIsAudited() throws Exception {
        BulwarkUser user = fixtures.user(Role.HELPER, TestFixtures.VILLAGE_A);
        mvc.perform(formLogin("/login").user(user.getUsername()).password(TestFixtures.PASSWORD))
                .andExpect(redirectedUrl("/"));
        AuditEntry entry = audit.recent(RegionScope.nationwide(), "user", user.getUsername(), 1)
                .get(0);
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
        AuditEntry entry = audit.recent(RegionScope.nationwide(), "user", user.getUsername(), 1)
                .get(0);
        assertThat(entry.action()).isEqualTo(AuditAction.LOGIN_FAILED);
    }

    @Test
    void creatingAnAccountIsAuditedWithoutItsPassword() {
        BulwarkUser user = fixtures.user(Role.TOWNSHIP_REVIEWER, TestFixtures.TOWNSHIP);
        AuditEntry entry = audit.recent(RegionScope.nationwide(), "user", String.valueOf(user.id()), 1)
                .get(0);
        assertThat(entry.action()).isEqualTo(AuditAction.CREATE);
        assertThat(entry.after())
                .contains(user.getUsername())
                .contains("TOWNSHIP_REVIEWER")
                .doesNotContain(TestFixtures.PASSWORD)
                .doesNotContain("bcrypt");
    }

    @Test
    void aRefusedSignInReachesTheAuditorsOfTheAccountsRegion() throws Exception {
        BulwarkUser user = fixtures.user(Role.HELPER, TestFixtures.VILLAGE_A);
        mvc.perform(formLogin("/login").user(user.getUsername()).password("wrong"))
                .andExpect(redirectedUrl("/login?error"));
        // the county's auditors read the audit of their subtree: the refused sign-in must be in it
        assertThat(audit.recent(RegionScope.of(TestFixtures.COUNTY), "user", user.getUsername(), 5))
                .extracting(AuditEntry::action, AuditEntry::regionCode)
                .containsExactly(Tuple.tuple(AuditAction.LOGIN_FAILED, TestFixtures.VILLAGE_A));
    }

    @Test
    void aLockoutIsAuditedOnceForTheAccountsRegionAndAttemptsWhileLockedDoNotExtendIt() throws Exception {
        BulwarkUser user = fixtures.user(Role.HELPER, TestFixtures.VILLAGE_A);
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user(user.getUsername()).password("wrong"));
        }
        Timestamp lockedUntil = lockedUntil(user);
        assertThat(lockedUntil).as("locked after five failures").isNotNull();
        mvc.perform(formLogin("/login").user(user.getUsername()).password("wrong"));
        assertThat(lockedUntil(user))
                .as("an attempt while locked does not extend the lockout")
                .isEqualTo(lockedUntil);
        var entries = audit.recent(RegionScope.of(TestFixtures.COUNTY), "user", user.getUsername(), 20);
        assertThat(entries)
                .filteredOn(e -> e.action().name().equals("LOCKOUT"))
                .hasSize(1)
                .allSatisfy(e -> assertThat(e.regionCode()).isEqualTo(TestFixtures.VILLAGE_A))
                .allSatisfy(e -> assertThat(e.after()).contains("lockedUntil"));
        assertThat(entries)
                .filteredOn(e -> e.action() == AuditAction.LOGIN_FAILED)
                .hasSize(6);
    }

    @Test
    void aRefusedSignInUnderAnUnknownNameReachesTheAuditorsOverEveryAccountAndLooksLikeAWrongPassword()
            throws Exception {
        fixtures.user(Role.HELPER, TestFixtures.VILLAGE_A);
        String name = "nobody-" + System.nanoTime();
        mvc.perform(formLogin("/login").user(name).password("wrong")).andExpect(redirectedUrl("/login?error"));
        AuditEntry entry =
                audit.recent(RegionScope.nationwide(), "user", name, 1).get(0);
        assertThat(entry.action()).isEqualTo(AuditAction.LOGIN_FAILED);
        List<String> regions = jdbc.sql("select distinct region_code from app_user")
                .query(String.class)
                .list();
        boolean oneProvince =
                regions.stream().map(r -> r.substring(0, 2)).distinct().count() == 1;
        if (oneProvince) {
            assertThat(entry.regionCode())
                    .as("stored for a region, so its auditors see it")
                    .isNotNull();
            String prefix = RegionCode.parse(entry.regionCode()).prefix();
            assertThat(regions)
                    .as("every account lies under the region the attempt is stored for")
                    .allMatch(r -> r.startsWith(prefix));
        } else {
            assertThat(entry.regionCode())
                    .as("accounts in several provinces: the nationwide auditors")
                    .isNull();
        }
    }

    private Timestamp lockedUntil(BulwarkUser user) {
        return jdbc.sql("select locked_until from app_user where id = :id")
                .param("id", user.id())
                .query(Timestamp.class)
                .single();
    }
}
