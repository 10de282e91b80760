package org.bulwark.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditEntry;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditSentences;
import org.bulwark.audit.AuditTexts;
import org.bulwark.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Two-factor sign-in: enrolment with a QR code confirmed by a first code, the code asked after the password,
 * recovery codes that work once, no password alone over HTTP Basic, and the reset by a security administrator.
 */
@DatabaseTest
class TwoFactorTest {

    private static final Pattern SECRET = Pattern.compile("id=\"two-factor-secret\">([A-Z2-7]+)<");
    private static final Pattern RECOVERY = Pattern.compile("<li>([a-z2-9]{5}-[a-z2-9]{5})</li>");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    TwoFactor twoFactor;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditTexts texts;

    @Autowired
    JdbcClient jdbc;

    private final TotpCodes totp = new TotpCodes();

    /** The code of the step after the one last used (the app's next code; the drift window accepts it). */
    private String nextCode(String secret, BulwarkUser user) {
        long last = jdbc.sql("select last_step from user_second_factor where user_id = :u")
                .param("u", user.id())
                .query(Long.class)
                .single();
        return totp.code(secret, Math.max(last + 1, TotpCodes.step(Instant.now())));
    }

    private MockHttpSession signIn(BulwarkUser user) throws Exception {
        return (MockHttpSession)
                mvc.perform(formLogin("/login").user(user.getUsername()).password(TestFixtures.PASSWORD))
                        .andReturn()
                        .getRequest()
                        .getSession();
    }

    /** Enrols the user through the service; returns the secret and the recovery codes. */
    private Enrolled enrol(BulwarkUser user) {
        String secret = fixtures.as(user, () -> twoFactor.begin().secret());
        List<String> codes =
                fixtures.as(user, () -> twoFactor.confirm(totp.code(secret, TotpCodes.step(Instant.now()))));
        return new Enrolled(secret, codes);
    }

    record Enrolled(String secret, List<String> recoveryCodes) {}

    private long failedLogins(BulwarkUser user) {
        return jdbc.sql("select failed_logins from app_user where id = :id")
                .param("id", user.id())
                .query(Long.class)
                .single();
    }

    @Test
    void enrolmentShowsAQrCodeAndIsConfirmedWithAFirstCode() throws Exception {
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        MockHttpSession session = signIn(county);
        String page = mvc.perform(get("/account/two-factor").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("开始绑定").doesNotContain("two-factor-qr");
        mvc.perform(post("/account/two-factor/start").session(session).with(csrf()))
                .andExpect(redirectedUrl("/account/two-factor"));
        page = mvc.perform(get("/account/two-factor").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("src=\"data:image/png;base64,").contains("扫描下面的二维码");
        Matcher secret = SECRET.matcher(page);
        assertThat(secret.find()).isTrue();
        assertThat(twoFactor.enabled(county.id())).isFalse();

        String wrong = mvc.perform(post("/account/two-factor/confirm")
                        .session(session)
                        .with(csrf())
                        .param("code", "000000"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(wrong).contains("动态码不正确或已使用过");
        assertThat(twoFactor.enabled(county.id())).isFalse();

        String code = totp.code(secret.group(1), TotpCodes.step(Instant.now()));
        String done = mvc.perform(post("/account/two-factor/confirm")
                        .session(session)
                        .with(csrf())
                        .param("code", code))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(done).contains("双重认证已开启").contains("只显示这一次");
        assertThat(RECOVERY.matcher(done).results().count()).isEqualTo(TwoFactor.RECOVERY_CODES);
        assertThat(twoFactor.enabled(county.id())).isTrue();
        // stored hashed, never as shown
        String firstCode =
                RECOVERY.matcher(done).results().findFirst().orElseThrow().group(1);
        assertThat(jdbc.sql("select string_agg(code_hash, ' ') from user_recovery_code where user_id = :u")
                        .param("u", county.id())
                        .query(String.class)
                        .single())
                .startsWith("{bcrypt}")
                .doesNotContain(firstCode)
                .doesNotContain(firstCode.replace("-", ""));
        // the page shows them once: a reload does not
        assertThat(mvc.perform(get("/account/two-factor").session(session))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain(firstCode)
                .contains("剩余可用恢复码 10 个");
        List<AuditEntry> trail = audit.recent(RegionScope.nationwide(), "user", String.valueOf(county.id()), 5);
        assertThat(AuditSentences.chinese(texts, trail)).contains("账户 " + county.getUsername() + "：开启双重认证");
    }

    @Test
    void theCodeIsAskedAfterThePasswordAndAWrongOneCountsTowardsTheLockout() throws Exception {
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        Enrolled enrolled = enrol(county);
        MockHttpSession session = signIn(county);
        mvc.perform(get("/households").session(session)).andExpect(redirectedUrl("/account/two-factor/verify"));
        mvc.perform(get("/account/password").session(session)).andExpect(redirectedUrl("/account/two-factor/verify"));
        mvc.perform(get("/account/tokens").session(session)).andExpect(redirectedUrl("/account/two-factor/verify"));

        String refused = mvc.perform(post("/account/two-factor/verify")
                        .session(session)
                        .with(csrf())
                        .param("code", "123456"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("动态码不正确或已使用过");
        assertThat(failedLogins(county)).isEqualTo(1);
        mvc.perform(get("/households").session(session)).andExpect(redirectedUrl("/account/two-factor/verify"));

        mvc.perform(post("/account/two-factor/verify")
                        .session(session)
                        .with(csrf())
                        .param("code", nextCode(enrolled.secret(), county)))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/households").session(session)).andExpect(status().isOk());
        assertThat(AuditSentences.chinese(
                        texts, audit.recent(RegionScope.nationwide(), "user", county.getUsername(), 5)))
                .contains("双重认证通过（动态验证码）", "双重认证未通过（动态验证码）");
    }

    @Test
    void aLockoutByWrongCodesIsAuditedLikeOneByWrongPasswords() throws Exception {
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        enrol(county);
        MockHttpSession session = signIn(county);
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/account/two-factor/verify")
                            .session(session)
                            .with(csrf())
                            .param("code", "123456"))
                    .andExpect(status().isOk());
        }
        mvc.perform(post("/account/two-factor/verify")
                        .session(session)
                        .with(csrf())
                        .param("code", "123456"))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(audit.recent(RegionScope.nationwide(), "user", county.getUsername(), 20))
                .extracting(AuditEntry::action)
                .contains(AuditAction.LOCKOUT);
    }

    @Test
    void aCodeIsNotAcceptedTwice() {
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        Enrolled enrolled = enrol(county);
        String code = nextCode(enrolled.secret(), county);
        assertThat(twoFactor.verify(county, code)).isTrue();
        assertThat(twoFactor.verify(county, code)).isFalse();
    }

    @Test
    void eachRecoveryCodeWorksOnce() throws Exception {
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        Enrolled enrolled = enrol(county);
        String recovery = enrolled.recoveryCodes().get(3);
        MockHttpSession session = signIn(county);
        mvc.perform(post("/account/two-factor/verify")
                        .session(session)
                        .with(csrf())
                        .param("code", recovery))
                .andExpect(redirectedUrl("/"));
        MockHttpSession again = signIn(county);
        mvc.perform(post("/account/two-factor/verify")
                        .session(again)
                        .with(csrf())
                        .param("code", recovery))
                .andExpect(status().isOk());
        mvc.perform(get("/households").session(again)).andExpect(redirectedUrl("/account/two-factor/verify"));
        // typed without the dash and in capitals, another one works
        String other = enrolled.recoveryCodes().get(7).replace("-", "").toUpperCase();
        mvc.perform(post("/account/two-factor/verify")
                        .session(again)
                        .with(csrf())
                        .param("code", other))
                .andExpect(redirectedUrl("/"));
        assertThat(fixtures.as(county, twoFactor::status).recoveryCodesLeft()).isEqualTo(8);
        assertThat(AuditSentences.chinese(
                        texts, audit.recent(RegionScope.nationwide(), "user", String.valueOf(county.id()), 5)))
                .contains("账户 " + county.getUsername() + "：使用恢复码登录");
    }

    @Test
    void anAccountWithTwoFactorOnIsRefusedItsPasswordAloneOverBasic() throws Exception {
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        mvc.perform(get("/api/v1/households").with(httpBasic(county.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isOk());
        enrol(county);
        mvc.perform(get("/api/v1/households").with(httpBasic(county.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isUnauthorized());
        // the right password is not a guess: it does not count towards the lockout, but the refusal is audited
        assertThat(failedLogins(county)).isZero();
        assertThat(AuditSentences.chinese(
                        texts, audit.recent(RegionScope.nationwide(), "user", county.getUsername(), 3)))
                .contains("双重认证未通过（仅用密码调用接口）");
        String token = fixtures.as(county, () -> tokensOf(county));
        mvc.perform(get("/api/v1/households").with(httpBasic(county.getUsername(), token)))
                .andExpect(status().isOk());
    }

    @Autowired
    AccessTokens tokens;

    private String tokensOf(BulwarkUser user) {
        return tokens.create("脚本", null, List.of("READ_HOUSEHOLDS"), 30).token();
    }

    @Test
    void theHolderTurnsItOffWithACodeUnlessTheRoleRequiresIt() {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        Enrolled enrolled = enrol(cadre);
        assertThatThrownBy(() -> fixtures.as(cadre, () -> {
                    twoFactor.disable("000000");
                    return null;
                }))
                .isInstanceOf(InvalidInputException.class);
        assertThat(twoFactor.enabled(cadre.id())).isTrue();
        fixtures.as(cadre, () -> {
            twoFactor.disable(nextCode(enrolled.secret(), cadre));
            return null;
        });
        assertThat(twoFactor.enabled(cadre.id())).isFalse();
    }

    @Test
    void aSecurityAdministratorResetsALostFactorAndNobodyElseCan() throws Exception {
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        enrol(county);
        BulwarkUser sysadmin = fixtures.user(Role.SYSTEM_ADMIN, "522300000000");
        BulwarkUser secadmin = fixtures.user(Role.SECURITY_ADMIN, "522300000000");
        mvc.perform(post("/users/" + county.id() + "/two-factor/reset")
                        .with(user(sysadmin))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(twoFactor.enabled(county.id())).isTrue();
        assertThat(mvc.perform(get("/users/" + county.id()).with(user(secadmin)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("重置双重认证");
        mvc.perform(post("/users/" + county.id() + "/two-factor/reset")
                        .with(user(secadmin))
                        .with(csrf()))
                .andExpect(redirectedUrl("/users/" + county.id()));
        assertThat(twoFactor.enabled(county.id())).isFalse();
        assertThat(audit.recent(RegionScope.nationwide(), "user", String.valueOf(county.id()), 1)
                        .get(0))
                .satisfies(e -> {
                    assertThat(AuditSentences.chinese(texts, e)).isEqualTo("账户 " + county.getUsername() + "：重置双重认证");
                    assertThat(e.username()).isEqualTo(secadmin.getUsername());
                });
    }
}
