package org.bulwark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.bulwark.OwnDatabaseServerTest;
import org.bulwark.TestFixtures;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The idle warning in a real browser: the page's script shows the Chinese notice with a countdown before the
 * time-out, its button keeps the session (the server answers the keep-alive) and hides it, and at the end the page
 * goes to the login page. The page's time-out (30 minutes) is shortened in the page itself, not by waiting.
 */
@Tag("browser")
@ExtendWith(ChromiumAvailable.class)
class SessionWarningBrowserTest extends OwnDatabaseServerTest {

    @LocalServerPort
    int port;

    @Autowired
    TestFixtures fixtures;

    @Test
    void theNoticeShowsBeforeTheTimeOutKeepsTheSessionOnRequestAndSignsOutAtTheEnd() {
        BulwarkUser user = fixtures.user(Role.HELPER, TestFixtures.VILLAGE_A);
        try (Browser browser = new Browser("http://127.0.0.1:" + port, "SessionWarningBrowserTest")) {
            browser.signIn(user.getUsername(), TestFixtures.PASSWORD).open("/households", "signed-in");
            WebElement notice = browser.find("#session-warning");
            assertThat(notice.isDisplayed()).as("hidden while there is time").isFalse();

            shorten(browser, 200, 195);
            wait(browser).until(ExpectedConditions.visibilityOf(notice));
            assertThat(notice.getText()).contains("将在").contains("后自动退出登录").containsPattern("3:1[0-9]");
            browser.shot("warning");

            browser.click("#session-warning [data-stay]");
            wait(browser).until(ExpectedConditions.invisibilityOf(notice));

            shorten(browser, 3, 2);
            wait(browser).until(ExpectedConditions.urlContains("/login?timeout"));
            assertThat(browser.text()).contains("长时间未操作");
        }
    }

    /** Starts the page's idle clock again with a time-out and warning of these many seconds. */
    private static void shorten(Browser browser, int timeout, int warning) {
        browser.script(
                "var box = document.getElementById('session-warning');"
                        + "box.setAttribute('data-timeout', arguments[0]); box.setAttribute('data-warning', arguments[1]);"
                        + "document.dispatchEvent(new Event('htmx:afterRequest'));",
                timeout,
                warning);
    }

    private static WebDriverWait wait(Browser browser) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
    }
}
