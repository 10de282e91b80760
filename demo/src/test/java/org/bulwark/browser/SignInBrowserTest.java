package org.bulwark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every demo role signs in and lands on its home page, in Chinese unless English is chosen. */
class SignInBrowserTest extends BrowserTest {

    private static final Map<String, String> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("cadre", "村干部/网格员");
        ROLES.put("cadre2", "村干部/网格员");
        ROLES.put("helper", "帮扶责任人");
        ROLES.put("township", "乡镇审核员");
        ROLES.put("county", "县级审批");
        ROLES.put("officer", "部门数据专员");
        ROLES.put("employment", "县人社局就业服务");
        ROLES.put("prefecture", "市州管理员");
        ROLES.put("province", "省级管理员");
        ROLES.put("leader", "领导（只读）");
    }

    /** The three privileged administrators: their own work only, no households, no dashboard. */
    private static final Map<String, String> ADMINISTRATORS =
            Map.of("sysadmin", "系统管理员", "secadmin", "安全管理员", "auditor", "审计管理员");

    @Test
    void everyDemoRoleSeesItsHomePage() {
        ROLES.forEach((user, role) -> {
            signIn(user).shot(user + "-home");
            String page = browser.text();
            assertThat(page).as(user).contains("您好").contains("角色：" + role).contains("统计看板");
            assertThat(browser.driver().getCurrentUrl()).as(user).endsWith("/");
        });
        ADMINISTRATORS.forEach((user, role) -> {
            signIn(user).shot(user + "-home");
            assertThat(browser.text())
                    .as(user)
                    .contains("您好")
                    .contains("角色：" + role)
                    .doesNotContain("统计看板")
                    .doesNotContain("农户档案");
        });
    }

    @Test
    void englishIsOneClickAway() {
        signIn("county");
        browser.open("/?lang=en", "home-en");
        assertThat(browser.text()).contains("Dashboard").doesNotContain("统计看板");
        browser.open("/dashboard", "dashboard-en");
        assertThat(browser.text()).contains("Registered households and persons");
    }
}
