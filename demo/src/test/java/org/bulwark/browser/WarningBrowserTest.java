package org.bulwark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A township reviewer opens a warning of the demo's department data, reads its evidence and confirms it. */
class WarningBrowserTest extends BrowserTest {

    /**
     * The evidence reads as a county official would read it (issue 14 items 5 and 6): Chinese labels, figures in
     * their units with the thresholds they were compared with, the records behind them as rows, villages by name.
     */
    @Test
    void theEvidenceReadsInWordsAndUnitsWithTheRecordsAsRows() {
        long id = number("""
                select id from warning where status = 'OPEN' and village_code like '522324101%'
                  and evidence::text ~ '"recordIds": \\[[0-9]' and direction = 'DOWN'
                order by rule_id in ('MED-01', 'MED-02', 'DSR-01', 'IND-01', 'EDU-02', 'CRD-01') desc, id limit 1""");
        signIn("township");
        browser.open("/warnings", "list");
        String list = browser.text();
        assertThat(list).contains("依据").doesNotContainPattern("\\b5223241\\d{5}\\b");
        browser.open("/warnings/" + id, "evidence");
        String page = browser.text();
        assertThat(page)
                .contains("判定依据")
                .contains("对比阈值")
                .contains("预警依据的部门记录")
                .contains("批次")
                .containsPattern("[0-9,]+ (元|人|天|项|条)")
                .doesNotContainPattern("\\b[a-z]+_[a-z_]+\\b") // no variable names such as out_of_pocket
                .doesNotContainPattern("\\d+\\.0\\b") // no raw doubles such as 71089.0
                .doesNotContainPattern("\\b5223241\\d{5}\\b"); // villages by name
        assertThat(browser.driver().findElements(By.cssSelector(".evidence-records tbody tr")))
                .isNotEmpty();
    }

    @Test
    void aReviewerVerifiesAWarning() {
        assertThat(number("select count(*) from warning where status = 'OPEN' and village_code like '522324101%'"))
                .as("the demo's department data of 沙子镇 raise warnings")
                .isPositive();
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
        assertThat(jdbc.sql("select status from warning where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("CONFIRMED");
        assertThat(jdbc.sql("select verified_by from warning where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("township");
    }
}
