package org.bulwark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system administrator's home page leads to the users page, where an account is created for a village; the
 * security administrator gives it its role; its holder must choose a new password at the first sign-in. The province
 * administrator's home page leads to the rules and thresholds of the province.
 */
class AdministrationBrowserTest extends BrowserTest {

    @Test
    void theAdministratorsOpenUsersAndTheProvinceRulesFromTheirHomePages() {
        signIn("sysadmin").shot("home");
        assertThat(browser.text())
                .contains("被锁定的账号")
                .contains("用户管理")
                .doesNotContain("统计看板")
                .doesNotContain("规则与阈值");

        browser.click("#worklist a[href='/users']");
        browser.shot("users");
        assertThat(browser.text())
                .contains("用户管理")
                .contains("cadre")
                .contains("保家村")
                .contains("prefecture");

        browser.click("#new-user");
        String username = "cadre-new-" + System.currentTimeMillis() % 100_000;
        browser.find("#username").sendKeys(username);
        browser.find("#displayName").sendKeys("李新（保家村）");
        assertThat(browser.text()).contains("须由安全管理员授予角色");
        browser.find("#regionCode").sendKeys("530102000000");
        browser.find("#password").sendKeys("weakpass");
        browser.find("#passwordConfirmation").sendKeys("weakpass");
        browser.click("main form button[type=submit]");
        browser.shot("refused");
        assertThat(browser.text()).contains("区划代码不存在或不在您的管辖范围内").contains("须含大写字母");
        assertThat(number("select count(*) from app_user where username = ?", username))
                .isZero();

        browser.find("#regionCode").clear();
        browser.find("#regionCode").sendKeys(BAOJIA);
        browser.find("#password").sendKeys("Baojia#2027");
        browser.find("#passwordConfirmation").sendKeys("Baojia#2027");
        browser.click("main form button[type=submit]");
        browser.shot("created");
        assertThat(browser.text())
                .contains("账号已创建")
                .contains("李新（保家村）")
                .contains("待修改密码")
                .contains("待授权");
        String account = browser.driver().getCurrentUrl().replaceAll(".*/users/", "");

        signIn("secadmin");
        browser.open("/users/" + account + "/edit", "grant");
        browser.find("#role option[value='VILLAGE_CADRE']").click();
        browser.click("main form button[type=submit]");
        browser.shot("granted");
        assertThat(browser.text()).contains("村干部/网格员").doesNotContain("待授权");

        signIn("province");
        assertThat(browser.text()).contains("规则与阈值").contains("影子试运行").doesNotContain("用户管理");
        browser.click("#worklist a[href='/rules']");
        browser.shot("rules");
        assertThat(browser.text())
                .contains("筛查规则与阈值")
                .contains("INC-01")
                .contains("VER-06")
                .contains("监测线：家庭人均纯收入");
        browser.click("#shadow-link");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/screening"));
        assertThat(browser.text()).contains("试运行（影子模式）");
        browser.open("/rules?lang=en", "rules-en");
        assertThat(browser.text())
                .contains("Monitoring line of your province (52)")
                .contains("Income per capita below the monitoring line");
        browser.open("/?lang=zh_CN", "home-zh");
        signIn("sysadmin");
        browser.open("/users?lang=en", "users-en");
        assertThat(browser.text()).contains("Users").contains("Last sign-in").doesNotContain("用户管理");
        browser.open("/?lang=zh_CN", "sysadmin-zh");

        browser.signIn(username, "Baojia#2027");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/account/password");
        browser.shot("must-change");
        browser.find("#currentPassword").sendKeys("Baojia#2027");
        browser.find("#password").sendKeys("Xinghe#Village8");
        browser.find("#passwordConfirmation").sendKeys("Xinghe#Village8");
        browser.click("main form button[type=submit]");
        browser.shot("changed");
        assertThat(browser.text()).contains("密码已修改");
        browser.signIn(username, "Xinghe#Village8").shot("cadre-home");
        assertThat(browser.text()).contains("您好");
    }
}
