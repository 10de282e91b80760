package org.bulwark.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditSentences;
import org.bulwark.audit.AuditTexts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The users page: what it lists and to whom, a refused form that names its fields and stores nothing, and what an
 * account change does to signing in (disabled: refused and open sessions ended; reset: a new password first).
 */
@DatabaseTest
class UserPagesTest {

    static final String PASSWORD = "Qinglong#2027";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    UserAdministration users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditTexts texts;

    /** The province's system administrator (accounts) and security administrator (roles and regions). */
    BulwarkUser province;

    BulwarkUser security;

    @BeforeEach
    void setUp() {
        province = fixtures.user(Role.SYSTEM_ADMIN, UserAdministrationTest.GUIZHOU);
        security = fixtures.user(Role.SECURITY_ADMIN, UserAdministrationTest.GUIZHOU);
    }

    private String page(String url, BulwarkUser as) throws Exception {
        return mvc.perform(get(url).with(user(as)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private long create(String username, Role role, String region) {
        long id = fixtures.as(
                province, () -> users.create(new NewUser(username, "页面测试", null, region, null, PASSWORD, PASSWORD)));
        fixtures.as(security, () -> {
            users.update(id, new UserChange(null, role.name(), region, null));
            return null;
        });
        return id;
    }

    @Test
    void theAccountFormNamesDepartmentsInThePagesLanguage() throws Exception {
        long id = create("deptnames", Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        String chinese = page("/users/" + id + "/edit", security);
        assertThat(chinese).contains(">医疗保障局<").doesNotContain("Medical Security Bureau");
        String english = mvc.perform(
                        get("/users/" + id + "/edit").param("lang", "en").with(user(security)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(english)
                .contains(">Medical Security Bureau<")
                .contains(">Natural Resources Bureau (Real Estate Registration Centre)<")
                .doesNotContain("医疗保障局");
    }

    @Test
    void theProvinceSeesItsAccountsAndTheCountyIsRefused() throws Exception {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        BulwarkUser yunnan = fixtures.user(Role.COUNTY_APPROVER, UserAdministrationTest.KUNMING_COUNTY);
        String list = page("/users?region=" + TestFixtures.VILLAGE_A, province);
        assertThat(list).contains(cadre.getUsername()).contains("保家村").doesNotContain(yunnan.getUsername());
        String home = page("/", province);
        assertThat(home)
                .contains("href=\"/users\"")
                .contains("/users?state=LOCKED")
                .doesNotContain("action=\"/households\"")
                .doesNotContain("href=\"/dashboard\"");
        String business = page("/", fixtures.user(Role.PROVINCE_ADMIN, UserAdministrationTest.GUIZHOU));
        assertThat(business)
                .contains("href=\"/rules\"")
                .contains("/screening#shadow")
                .doesNotContain("href=\"/users\"");
        mvc.perform(get("/users").with(user(fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY))))
                .andExpect(status().isForbidden());
        assertThat(page("/", fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY)))
                .doesNotContain("href=\"/users\"");
        mvc.perform(get("/users/" + yunnan.id()).with(user(province))).andExpect(status().isNotFound());
    }

    @Test
    void aRefusedFormNamesItsFieldsAndStoresNothing() throws Exception {
        String username = "page-" + System.nanoTime() % 1_000_000_000L;
        String form = mvc.perform(post("/users/new")
                        .with(user(province))
                        .with(csrf())
                        .param("username", username)
                        .param("displayName", "省外用户")
                        .param("regionCode", UserAdministrationTest.KUNMING_COUNTY)
                        .param("password", "weakpass")
                        .param("passwordConfirmation", "weakpass"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(form)
                .contains("区划代码不存在或不在您的管辖范围内")
                .contains("须含大写字母、小写字母、数字、其他符号中的三类")
                .contains("is-invalid")
                .doesNotContain("value=\"weakpass\"");
        assertThat(jdbc.sql("select count(*) from app_user where username = :u")
                        .param("u", username)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theFormCreatesAnAccount() throws Exception {
        String username = "made-" + System.nanoTime() % 1_000_000_000L;
        mvc.perform(post("/users/new")
                        .with(user(province))
                        .with(csrf())
                        .param("username", username)
                        .param("displayName", "新村干部")
                        .param("regionCode", TestFixtures.VILLAGE_B)
                        .param("password", PASSWORD)
                        .param("passwordConfirmation", PASSWORD))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("select id from app_user where username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
        assertThat(page("/users/" + id, province))
                .contains("新村干部")
                .contains("兴合村")
                .contains("待修改密码")
                .contains("待授权");
        // the security administrator's form changes the role and region, not the name
        assertThat(page("/users/" + id + "/edit", security))
                .contains("name=\"role\"")
                .doesNotContain("name=\"displayName\"");
        assertThat(page("/users/" + id + "/edit", province))
                .doesNotContain("name=\"role\"")
                .contains("name=\"displayName\"");
        mvc.perform(post("/users/" + id + "/edit")
                        .with(user(security))
                        .with(csrf())
                        .param("role", "VILLAGE_CADRE")
                        .param("regionCode", TestFixtures.VILLAGE_B))
                .andExpect(redirectedUrl("/users/" + id));
        assertThat(page("/users/" + id, security))
                .contains("村干部/网格员")
                .doesNotContain("待授权")
                .doesNotContain("id=\"reset-password\"");
    }

    @Test
    void disablingStopsSignInAndEndsOpenSessions() throws Exception {
        String username = "disabled-" + System.nanoTime() % 1_000_000_000L;
        long id = create(username, Role.HELPER, TestFixtures.VILLAGE_A);
        MockHttpSession session =
                (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(PASSWORD))
                        .andExpect(redirectedUrl("/"))
                        .andReturn()
                        .getRequest()
                        .getSession();
        mvc.perform(get("/account/password").session(session)).andExpect(status().isOk());

        mvc.perform(post("/users/" + id + "/disable").with(user(province)).with(csrf()))
                .andExpect(redirectedUrl("/users/" + id));

        mvc.perform(get("/account/password").session(session)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/api/v1/households").with(httpBasic(username, PASSWORD)))
                .andExpect(status().isUnauthorized());

        fixtures.as(province, () -> {
            users.enable(id);
            return null;
        });
        mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(redirectedUrl("/"));
    }

    @Test
    void aPasswordSetByAnAdministratorMustBeChangedBeforeAnythingElse() throws Exception {
        String username = "forced-" + System.nanoTime() % 1_000_000_000L;
        long id = create(username, Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        MockHttpSession session =
                (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(PASSWORD))
                        .andReturn()
                        .getRequest()
                        .getSession();
        mvc.perform(get("/households").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/api/v1/households").with(httpBasic(username, PASSWORD)))
                .andExpect(status().isForbidden());

        String refused = mvc.perform(post("/account/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", PASSWORD)
                        .param("password", PASSWORD)
                        .param("passwordConfirmation", PASSWORD))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("新密码不能与当前密码相同");

        mvc.perform(post("/account/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", PASSWORD)
                        .param("password", "Baojia#Village9")
                        .param("passwordConfirmation", "Baojia#Village9"))
                .andExpect(redirectedUrl("/login?changed"));
        MockHttpSession fresh =
                (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("Baojia#Village9"))
                        .andExpect(redirectedUrl("/"))
                        .andReturn()
                        .getRequest()
                        .getSession();
        mvc.perform(get("/households").session(fresh)).andExpect(status().isOk());
        assertThat(AuditSentences.chinese(
                        texts,
                        audit.recent(RegionScope.nationwide(), "user", String.valueOf(id), 1)
                                .get(0)))
                .isEqualTo("账户 " + username + "：修改密码");
    }

    @Test
    void theApiAnswersWithTheSameScopeAndNamesTheRefusedField() throws Exception {
        BulwarkUser prefecture = fixtures.user(Role.SYSTEM_ADMIN, "522300000000");
        BulwarkUser prefectureSecurity = fixtures.user(Role.SECURITY_ADMIN, "522300000000");
        String username = "api-" + System.nanoTime() % 1_000_000_000L;
        String refused = mvc.perform(post("/api/v1/users")
                        .with(httpBasic(prefecture.getUsername(), TestFixtures.PASSWORD))
                        .contentType("application/json")
                        .content(
                                "{\"username\":\"" + username + "\",\"displayName\":\"接口\",\"role\":\"PROVINCE_ADMIN\","
                                        + "\"regionCode\":\"520000\",\"password\":\"" + PASSWORD
                                        + "\",\"passwordConfirmation\":\""
                                        + PASSWORD + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused)
                .contains("\"field\":\"role\"")
                .contains("separation_of_duties")
                .contains("\"field\":\"regionCode\"")
                .contains("unknown_region");
        mvc.perform(post("/api/v1/users")
                        .with(httpBasic(prefecture.getUsername(), TestFixtures.PASSWORD))
                        .contentType("application/json")
                        .content("{\"username\":\"" + username + "\",\"displayName\":\"接口\","
                                + "\"regionCode\":\"" + TestFixtures.VILLAGE_A + "\",\"password\":\"" + PASSWORD
                                + "\",\"passwordConfirmation\":\"" + PASSWORD + "\"}"))
                .andExpect(status().isCreated());
        long id = jdbc.sql("select id from app_user where username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
        mvc.perform(put("/api/v1/users/" + id)
                        .with(httpBasic(prefectureSecurity.getUsername(), TestFixtures.PASSWORD))
                        .contentType("application/json")
                        .content("{\"role\":\"HELPER\"}"))
                .andExpect(status().isOk());
        String list = mvc.perform(get("/api/v1/users?role=HELPER&region=" + TestFixtures.VILLAGE_A)
                        .with(httpBasic(prefecture.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains(username).doesNotContain("password_hash").doesNotContain("bcrypt");
    }

    @Test
    void theSecurityAdministratorSeesThePasswordAndLockoutPolicy() throws Exception {
        assertThat(page("/users", security))
                .contains("安全策略")
                .contains("连续 5 次登录失败（含动态码错误）锁定 30 分钟")
                .contains("密码有效期 90 天")
                .contains("须开启双重认证的角色：");
        assertThat(page("/users", province)).doesNotContain("安全策略");
    }

    @Test
    void aFilterOutsideTheRegionIsNamedOnThePage() throws Exception {
        String list = page("/users?region=" + UserAdministrationTest.KUNMING_COUNTY, province);
        assertThat(list).contains("所属区域：区划代码不存在或不在您的管辖范围内").contains("没有符合条件的账号");
    }
}
