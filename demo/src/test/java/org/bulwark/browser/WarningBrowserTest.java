package org.bulwark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A township reviewer opens a warning of the demo's department data, reads its evidence and confirms it. */
class WarningBrowserTest extends BrowserTest {

    @Test
    void aReviewerVerifiesAWarning() {
        assertThat(number("select count(*) from warning where status = 'OPEN' and village_code like '522324101%'"))
                .as("the demo's department data of 沙子镇 raise warnings").isPositive();
        signIn("township");
        browser.open("/warnings", "open-warnings");
        browser.click("table a[href*='/warnings/']");
        browser.shot("warning");
        long id = Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*/", ""));
        assertThat(browser.text()).contains("预警依据");
        browser.find("#note").sendKeys("入户核实，情况属实");
        browser.click("form[action$='/confirm'] button");
        browser.shot("confirmed");
        assertThat(browser.text()).contains("已确认");
        assertThat(jdbc.sql("select status from warning where id = ?").param(id).query(String.class).single())
                .isEqualTo("CONFIRMED");
        assertThat(jdbc.sql("select verified_by from warning where id = ?").param(id).query(String.class).single())
                .isEqualTo("township");
    }
}
