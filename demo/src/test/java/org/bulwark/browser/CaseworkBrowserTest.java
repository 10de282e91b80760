package org.bulwark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bulwark.casework.ReportingQuarter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Casework in the browser: a resident declares without an account and checks the status with the receipt number; a
 * village cadre records a visit on a phone; a township reviewer passes a case's step; the figures page shows what the
 * replayed history made.
 */
class CaseworkBrowserTest extends BrowserTest {

    @Test
    void aResidentDeclaresOnThePublicFormAndChecksTheStatus() {
        browser.phone(360, 740);
        browser.open("/declare?village=" + BAOJIA, "public-form");
        assertThat(browser.text()).contains("防返贫困难申报").contains("保家村");
        browser.find("#declarantName").sendKeys("测试居民");
        browser.find("#phone").sendKeys("13912345678");
        browser.click("#risk-ILLNESS");
        browser.find("#description").sendKeys("孩子住院，花费较大");
        browser.click("form button[type=submit]");
        browser.shot("receipt");
        String receipt = browser.find("#receipt-number").getText().strip();
        assertThat(receipt).hasSize(12);
        assertThat(number("select count(*) from declaration where receipt_number = ? and status = 'RECEIVED'", receipt))
                .isEqualTo(1);

        browser.open("/declare/status", "status-form");
        browser.find("#receipt").sendKeys(receipt.toLowerCase());
        browser.click("form button[type=submit]");
        browser.shot("status");
        assertThat(browser.find("#declaration-status").getText()).isEqualTo("已受理，待核实");
        assertThat(browser.text()).doesNotContain("测试居民").doesNotContain("13912345678");
    }

    @Test
    void aCadreRecordsAVisitOnAPhone() {
        long household = number("""
                select m.household_id from monitoring m where m.village_code = ? and m.status = 'MONITORED'
                order by m.household_id limit 1""", BAOJIA);
        long before = number("select count(*) from visit where household_id = ?", household);
        signIn("cadre");
        browser.phone(360, 740);
        browser.open("/", "home-worklist");
        assertThat(browser.text()).contains("待办事项").contains("监测户走访");
        browser.open("/households/" + household + "/casework", "household-casework");
        browser.find("#findings").sendKeys("家中情况稳定，务工收入正常");
        // the helper types the household's income; the form works out the income per person
        long members = number("select count(*) from person where household_id = ?", household);
        browser.find("#householdIncome").sendKeys(String.valueOf(10200 * members));
        assertThat(browser.find("#perCapitaIncome").getAttribute("value")).isEqualTo("10200");
        browser.click(browser.find("label[for='c-IMPROVED']"));
        browser.click(browser.find("form[action$='/casework/visits'] button[type=submit]"));
        browser.shot("visit-recorded");
        assertThat(browser.text()).contains("家中情况稳定，务工收入正常");
        assertThat(number("select count(*) from visit where household_id = ?", household))
                .isEqualTo(before + 1);
        Number width = (Number) browser.script("return document.documentElement.scrollWidth;");
        assertThat(width.intValue()).isLessThanOrEqualTo(360);
        // the lists read as cards on the phone: nothing of a row lies off the screen
        for (String list : new String[] {"/warnings", "/cases"}) {
            browser.open(list, list.substring(1) + "-cards");
            Number overflow = (Number) browser.script("return Math.max.apply(null, [0].concat(Array.from("
                    + "document.querySelectorAll('table.table-cards td')).map(function (td) {"
                    + " return td.getBoundingClientRect().right; })));");
            assertThat(overflow.doubleValue()).as(list).isLessThanOrEqualTo(360);
            assertThat(browser.all("table.table-cards td[data-label]")).as(list).isNotEmpty();
        }
    }

    @Test
    void aTownshipReviewerIsWarnedByTheChecklistFixesTheCaseAndPassesIt() {
        long caseId = number("""
                select c.id from support_case c where c.status = 'OPEN' and c.step = 'TOWNSHIP_REVIEW'
                  and c.kind = 'IDENTIFICATION' and c.village_code like '522324101%'
                  and not exists (select 1 from helper_assignment a where a.household_id = c.household_id
                                   and a.ends_on is null)
                order by c.id limit 1""");
        signIn("township");
        browser.open("/cases/" + caseId, "case-checklist");
        assertThat(browser.text()).contains("乡镇审核").contains("认定材料清单");
        assertThat(browser.find("#checklist-warning").getText())
                .contains("乡镇审核通过前须补齐：")
                .contains("帮扶责任人")
                .contains("帮扶计划覆盖每项风险");
        assertThat(browser.find("#checklist-VERIFICATION").getAttribute("data-done"))
                .isEqualTo("true");
        assertThat(browser.find("#checklist-NOTICE").getText()).contains("公示").contains("须满5天");
        assertThat(browser.find("#checklist-HELPER").getAttribute("data-done")).isEqualTo("false");
        assertThat(browser.find("#checklist-PLAN").getText()).contains("帮扶计划尚未针对以下风险安排措施");
        // passing anyway is refused, in Chinese, naming what is missing
        browser.submit(browser.find("button[name=decision][value=PASS]"));
        browser.shot("refused");
        assertThat(browser.find(".alert-danger").getText()).contains("尚未落实帮扶责任人");
        assertThat(number("select count(*) from case_step where case_id = ? and step = 'TOWNSHIP_REVIEW'", caseId))
                .isZero();

        // the checklist's links lead to where each is done: the helper, then a measure for each risk
        browser.click(browser.find("#checklist-HELPER a"));
        browser.submit(browser.find("form[action$='/casework/helper'] button[type=submit]"));
        int risks = new Select(browser.find("#riskType")).getOptions().size();
        for (int i = 0; i < risks; i++) {
            new Select(browser.find("#riskType")).selectByIndex(i);
            browser.find("#department").sendKeys("民政局");
            browser.submit(browser.find("form[action$='/casework/measures'] button[type=submit]"));
        }
        browser.shot("helper-and-plan");
        browser.open("/cases/" + caseId, "case-checklist-complete");
        assertThat(browser.all("#case-checklist .checklist-item[data-done=false]"))
                .isEmpty();
        assertThat(browser.all("#checklist-warning")).isEmpty();
        browser.find("#comment").sendKeys("材料齐全，同意");
        browser.click(browser.find("button[name=decision][value=PASS]"));
        browser.shot("passed");
        assertThat(browser.text()).contains("县级审定");
        assertThat(jdbc.sql("select step from support_case where id = ?")
                        .param(caseId)
                        .query(String.class)
                        .single())
                .isEqualTo("COUNTY_APPROVAL");
        assertThat(number("select count(*) from case_step where case_id = ? and step = 'TOWNSHIP_REVIEW'", caseId))
                .isEqualTo(1);
    }

    @Test
    void aCadreRecordsTheVillageReviewMeeting() {
        long caseId = caseOfBaojiaAtVillageReview();
        signIn("cadre");
        browser.open("/cases/" + caseId, "village-review-form");
        assertThat(browser.find("#village-review").getText()).contains("评议会议日期").contains("赞成票数");
        String began = (String) browser.script("return document.getElementById('meetingOn').min;");
        // the meeting met on the case's first day (the form's earliest date), typed as the date picker would set it
        browser.script("document.getElementById('meetingOn').value = arguments[0];", began);
        browser.find("#attendees").sendKeys("15");
        browser.find("#votesFor").sendKeys("12");
        browser.find("#votesAgainst").clear();
        browser.find("#votesAgainst").sendKeys("1");
        browser.find("#meetingNote").sendKeys("村民代表会议，村支书主持");
        browser.click(browser.find("#village-review button[name=decision][value=PASS]"));
        browser.shot("village-review-recorded");
        assertThat(browser.find("#meeting-votes").getText()).isEqualTo("参会15人：赞成12票，反对1票，弃权2票");
        assertThat(browser.find("#meeting-on").getText()).isEqualTo(began);
        assertThat(jdbc.sql("select step from support_case where id = ?")
                        .param(caseId)
                        .query(String.class)
                        .single())
                .isEqualTo("PUBLIC_NOTICE");
        assertThat(number(
                        "select count(*) from audit_log where entity_type = 'case' and entity_id = ?"
                                + " and summary_key = 'villageMeetingRecorded'",
                        String.valueOf(caseId)))
                .isEqualTo(1);
    }

    /**
     * A case of 保家村 at the village review. The replay leaves 保家村's waiting cases at the first steps, so one is
     * taken there in the browser as the procedure goes: the cadre verifies it at home, the county compares the data.
     */
    long caseOfBaojiaAtVillageReview() {
        String sql = """
                select c.id from support_case c where c.status = 'OPEN' and c.kind = 'IDENTIFICATION'
                  and c.step = ? and c.village_code = ? order by c.id limit 1""";
        for (String step : new String[] {"VILLAGE_REVIEW", "DATA_COMPARISON", "HOME_VERIFICATION"}) {
            var waiting =
                    jdbc.sql(sql).param(step).param(BAOJIA).query(Long.class).optional();
            if (waiting.isEmpty()) {
                continue;
            }
            long caseId = waiting.get();
            if (step.equals("HOME_VERIFICATION")) {
                signIn("cadre");
                browser.open("/cases/" + caseId, "home-verification");
                browser.click("#commitmentSigned");
                // a household in sudden hardship may be formerly poor or not
                new Select(browser.find("#monitoringType")).selectByValue("SUDDEN_HARDSHIP");
                browser.find("#medicalOutOfPocket").clear();
                browser.find("#medicalOutOfPocket").sendKeys("8000");
                browser.submit(browser.find("form[action$='/verification'] button[type=submit]"));
                browser.shot("verified");
                browser.submit(browser.find("button[name=decision][value=PASS]"));
                step = "DATA_COMPARISON";
            }
            if (step.equals("DATA_COMPARISON")) {
                signIn("county");
                browser.open("/cases/" + caseId, "data-comparison");
                browser.submit(browser.find("button[name=decision][value=PASS]"));
            }
            assertThat(jdbc.sql("select step from support_case where id = ?")
                            .param(caseId)
                            .query(String.class)
                            .single())
                    .isEqualTo("VILLAGE_REVIEW");
            return caseId;
        }
        throw new AssertionError("the replay left no case of 保家村 at its first steps");
    }

    @Test
    void theFiguresPageShowsTheReplayedHistory() {
        long identified = number("select count(*) from monitoring where village_code like '522324%'");
        signIn("county");
        browser.open("/casework/statistics", "figures");
        assertThat(browser.find("#headline").getText()).startsWith("识别纳入监测" + String.format("%,d", identified) + "户");
        browser.click(browser.driver().findElement(By.linkText("沙子镇")));
        browser.shot("figures-township");
        assertThat(browser.driver().getCurrentUrl()).contains("region=522324101000");
        assertThat(browser.find("h1").getText()).contains("沙子镇");
        browser.open("/dashboard", "dashboard-with-casework");
        assertThat(browser.text()).contains("监测帮扶");
    }

    @Test
    void theCountyDownloadsTheQuarterlyReportOfTheQuarterItPicks() throws Exception {
        ReportingQuarter quarter = ReportingQuarter.lastFinished(LocalDate.now());
        String label = quarter.year() + "年第" + quarter.quarter() + "季度";
        Path download = Browser.DOWNLOADS.resolve("晴隆县-监测帮扶季度统计表-" + label + ".xlsx");
        Files.deleteIfExists(download);
        signIn("county");
        browser.open("/casework/statistics", "figures-with-quarter-picker");
        Select picker = new Select(browser.find("form[data-test=quarterly] select[name=quarter]"));
        assertThat(picker.getFirstSelectedOption().getText()).isEqualTo(label);
        browser.click("form[data-test=quarterly] button[type=submit]");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> Files.exists(download));
        // under monitoring on the quarter's last day: the latest event up to then is not an elimination
        long monitored = number(
                "select count(*) from (select distinct on (e.household_id) e.event from monitoring_event e"
                        + " join monitoring m on m.household_id = e.household_id"
                        + " where m.village_code like '522324%' and e.happened_on <= ?"
                        + " order by e.household_id, e.happened_on desc, e.id desc) last where event <> 'ELIMINATED'",
                quarter.end());
        try (InputStream in = Files.newInputStream(download);
                XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet summary = book.getSheet("汇总");
            int total = summary.getLastRowNum();
            assertThat(summary.getRow(total).getCell(0).getStringCellValue()).isEqualTo("合计（晴隆县）");
            assertThat(summary.getRow(2).getCell(5).getStringCellValue()).isEqualTo("季度末监测中");
            assertThat((long) summary.getRow(total).getCell(5).getNumericCellValue())
                    .isEqualTo(monitored);
            assertThat(book.getSheet("说明").getRow(2).getCell(1).getStringCellValue())
                    .isEqualTo(label);
        }
        browser.open("/casework/statistics?region=" + SHAZI, "township-quarter-picker");
        assertThat(browser.all("form[data-test=quarterly]")).hasSize(1);
    }
}
