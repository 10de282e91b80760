package org.bulwark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The county brings in its monitoring roster on the page: uploads a file with a good row and a refused one (eliminated without a date), reads the
 * preview in Chinese, confirms, and finds the imported household's history marked with the file and row.
 */
class RosterBrowserTest extends BrowserTest {

    @Test
    void countyPreviewsConfirmsAndFindsTheHistoryOnTheHouseholdPage() throws Exception {
        List<Map<String, Object>> free = jdbc.sql("""
                select h.id, h.household_number from household h
                where h.village_code like '522324%' and h.category = 'ORDINARY'
                  and not exists (select 1 from monitoring m where m.household_id = h.id)
                  and not exists (select 1 from support_case c where c.household_id = h.id)
                  and not exists (select 1 from helper_assignment a where a.household_id = h.id)
                order by h.id limit 2
                """).query().listOfRows();
        Map<String, Object> ordinary = free.get(0);
        Object other = free.get(1).get("household_number");
        Path csv = Files.createTempFile(Path.of("target"), "roster-", ".csv");
        Files.writeString(
                csv,
                "户编号,监测类型,识别日期,风险类型,帮扶责任人,帮扶责任人电话,措施1类别,措施1责任部门,措施1开始日期,风险是否消除\n"
                        + ordinary.get("household_number") + ",边缘易致贫户,2024-03-01,因病、因学,张帮扶,13900003333,"
                        + "健康帮扶,县医保局,2024-03-10,否\n"
                        + other + ",边缘易致贫户,2024-03-01,因病,张帮扶,13900003333,,,,是\n",
                StandardCharsets.UTF_8);

        signIn("county");
        browser.open("/casework/roster", "form");
        browser.find("#file").sendKeys(csv.toAbsolutePath().toString());
        browser.click("#roster-preview");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.id("roster-confirm")).isEmpty());
        browser.shot("preview");
        assertThat(browser.text()).contains("新增", "拒收", "第 3 行 风险消除日期：风险已消除时必填").doesNotContain("REFUSED", "MARGINAL");
        browser.click("#roster-confirm");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.id("roster-done")).isEmpty());
        browser.shot("done");
        assertThat(browser.text()).contains("已导入：新增 1 户");
        browser.open("/households/" + ordinary.get("id") + "/casework", "household");
        assertThat(browser.text())
                .contains("据县级监测名单录入：" + csv.getFileName() + " 第 2 行")
                .contains("张帮扶");
    }
}
