package org.bulwark.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.audit.AuditEntry;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditSentences;
import org.bulwark.audit.AuditTexts;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Personal access tokens: shown once and kept hashed, no wider than the owner (region and permissions), narrowed at
 * every use, expiring, revocable, and audited when created, used and revoked.
 */
@DatabaseTest
class AccessTokensTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    AccessTokens tokens;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditTexts texts;

    @Autowired
    JdbcClient jdbc;

    BulwarkUser township;
    long householdA;
    long householdB;

    @BeforeEach
    void setUp() {
        township = fixtures.user(Role.TOWNSHIP_REVIEWER, TestFixtures.TOWNSHIP);
        householdA =
                fixtures.household(township, TestFixtures.VILLAGE_A).household().id();
        householdB =
                fixtures.household(township, TestFixtures.VILLAGE_B).household().id();
    }

    private AccessTokens.NewToken create(String region, List<String> permissions, int days) {
        return fixtures.as(township, () -> tokens.create("导出脚本", region, permissions, days));
    }

    private static List<String> fields(InvalidInputException e) {
        return e.problems().stream().map(p -> p.field() + ":" + p.code()).toList();
    }

    @Test
    void aTokenReadsOnlyItsRegionWithOnlyItsPermissions() throws Exception {
        String token =
                create(TestFixtures.VILLAGE_A, List.of("READ_HOUSEHOLDS"), 30).token();
        assertThat(token).startsWith("bwk_").hasSizeGreaterThan(40);
        var basic = httpBasic(township.getUsername(), token);
        mvc.perform(get("/api/v1/households/" + householdA).with(basic)).andExpect(status().isOk());
        // the township's own password reaches village B; the token, scoped to village A, does not
        mvc.perform(get("/api/v1/households/" + householdB)
                        .with(httpBasic(township.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/households/" + householdB).with(basic)).andExpect(status().isNotFound());
        // the owner may reveal identity numbers; the token was not given that permission
        mvc.perform(get("/api/v1/households/" + householdA + "?reveal=true").with(basic))
                .andExpect(status().isForbidden());
        // another user's name with this token is refused
        BulwarkUser other = fixtures.user(Role.TOWNSHIP_REVIEWER, TestFixtures.TOWNSHIP);
        mvc.perform(get("/api/v1/households").with(httpBasic(other.getUsername(), token)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenIsNoWiderThanItsOwner() {
        assertThatThrownBy(() -> create(TestFixtures.VILLAGE_A, List.of("READ_HOUSEHOLDS", "READ_AUDIT"), 30))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(fields(e)).containsExactly("permissions:permission_not_held"));
        assertThatThrownBy(() -> create("522324000000", List.of("READ_HOUSEHOLDS"), 30))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(fields(e)).containsExactly("regionCode:unknown_region"));
        assertThatThrownBy(() -> create(TestFixtures.VILLAGE_A, List.of(), 0))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(fields(e))
                                .containsExactlyInAnyOrder("permissions:required", "days:out_of_range"));
        assertThatThrownBy(() -> create(TestFixtures.VILLAGE_A, List.of("READ_HOUSEHOLDS"), 366))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(fields(e)).containsExactly("days:out_of_range"));
        assertThat(fixtures.as(township, tokens::mine)).isEmpty();
    }

    @Test
    void aTokenIsStoredHashedAndAnExpiredOrRevokedOneIsRefused() throws Exception {
        AccessTokens.NewToken token = create(null, List.of("READ_HOUSEHOLDS"), 30);
        String stored = jdbc.sql("select token_hash from personal_access_token where id = :id")
                .param("id", token.id())
                .query(String.class)
                .single();
        assertThat(stored)
                .isEqualTo(AccessTokens.hash(token.token()))
                .doesNotContain(token.token().substring(4));
        var basic = httpBasic(township.getUsername(), token.token());
        mvc.perform(get("/api/v1/households").with(basic)).andExpect(status().isOk());

        jdbc.sql("update personal_access_token set expires_at = now() - interval '1 minute' where id = :id")
                .param("id", token.id())
                .update();
        mvc.perform(get("/api/v1/households").with(basic)).andExpect(status().isUnauthorized());

        AccessTokens.NewToken second = create(null, List.of("READ_HOUSEHOLDS"), 30);
        mvc.perform(get("/api/v1/households").with(httpBasic(township.getUsername(), second.token())))
                .andExpect(status().isOk());
        fixtures.as(township, () -> {
            tokens.revoke(second.id());
            return null;
        });
        mvc.perform(get("/api/v1/households").with(httpBasic(township.getUsername(), second.token())))
                .andExpect(status().isUnauthorized());
        BulwarkUser other = fixtures.user(Role.TOWNSHIP_REVIEWER, TestFixtures.TOWNSHIP);
        assertThatThrownBy(() -> fixtures.as(other, () -> {
                    tokens.revoke(token.id());
                    return null;
                }))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void creationEveryUseAndRevocationAreAudited() throws Exception {
        AccessTokens.NewToken token = create(TestFixtures.VILLAGE_A, List.of("READ_HOUSEHOLDS"), 30);
        for (int i = 0; i < 2; i++) {
            mvc.perform(get("/api/v1/households").with(httpBasic(township.getUsername(), token.token())))
                    .andExpect(status().isOk());
        }
        fixtures.as(township, () -> {
            tokens.revoke(token.id());
            return null;
        });
        List<AuditEntry> trail = audit.recent(RegionScope.nationwide(), "access_token", String.valueOf(token.id()), 10);
        assertThat(AuditSentences.chinese(texts, trail))
                .containsExactly("撤销访问令牌“导出脚本”", "使用访问令牌“导出脚本”", "使用访问令牌“导出脚本”", "创建访问令牌“导出脚本”");
        assertThat(trail).allSatisfy(e -> assertThat(e.username()).isEqualTo(township.getUsername()));
        assertThat(trail.get(1).channel()).isEqualTo("API");
        assertThat(trail.get(3).after())
                .contains(TestFixtures.VILLAGE_A)
                .contains("READ_HOUSEHOLDS")
                .doesNotContain(token.token());
    }

    @Test
    void theApiCreatesATokenWithThePasswordButNotWithAToken() throws Exception {
        String body = "{\"name\":\"接口脚本\",\"regionCode\":\"" + TestFixtures.VILLAGE_A
                + "\",\"permissions\":[\"READ_HOUSEHOLDS\"],\"days\":7}";
        String created = mvc.perform(post("/api/v1/account/tokens")
                        .with(httpBasic(township.getUsername(), TestFixtures.PASSWORD))
                        .contentType("application/json")
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String token = created.replaceAll(".*\"token\":\"(bwk_[^\"]+)\".*", "$1");
        mvc.perform(post("/api/v1/account/tokens")
                        .with(httpBasic(township.getUsername(), token))
                        .contentType("application/json")
                        .content(body.replace(TestFixtures.VILLAGE_A, TestFixtures.TOWNSHIP)))
                .andExpect(status().isForbidden());
        assertThat(fixtures.as(township, tokens::mine)).hasSize(1);
    }

    @Test
    void thePageShowsANewTokenOnceAndRevokesIt() throws Exception {
        MockHttpSession session = (MockHttpSession)
                mvc.perform(formLogin("/login").user(township.getUsername()).password(TestFixtures.PASSWORD))
                        .andReturn()
                        .getRequest()
                        .getSession();
        String page = mvc.perform(post("/account/tokens")
                        .session(session)
                        .with(csrf())
                        .param("name", "月报脚本")
                        .param("regionCode", TestFixtures.VILLAGE_A)
                        .param("permissions", "READ_HOUSEHOLDS")
                        .param("days", "30"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("只显示这一次")
                .containsPattern("bwk_[A-Za-z0-9_-]{40,}")
                .contains("查看辖区农户");
        String list = mvc.perform(get("/account/tokens").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list)
                .contains("月报脚本")
                .contains("保家村")
                .doesNotContain(">" + TestFixtures.VILLAGE_A + "<")
                .doesNotContainPattern("bwk_[A-Za-z0-9_-]{40,}");
        String refused = mvc.perform(post("/account/tokens")
                        .session(session)
                        .with(csrf())
                        .param("name", "越权")
                        .param("permissions", "READ_AUDIT")
                        .param("days", "30"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("权限：不能授予您本人角色没有的权限");
        long id = fixtures.as(township, tokens::mine).get(0).id();
        mvc.perform(post("/account/tokens/" + id + "/revoke").session(session).with(csrf()))
                .andExpect(redirectedUrl("/account/tokens"));
        assertThat(fixtures.as(township, tokens::mine).get(0).active()).isFalse();
    }
}
