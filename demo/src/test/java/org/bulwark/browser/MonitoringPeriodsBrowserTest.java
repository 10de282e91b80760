package org.bulwark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 14, items 11 and 13 in the browser: a household identified again after its risk was eliminated shows the
 * new period's helper and plan as current and its earlier period apart, collapsed; a declaration about a household
 * whose case is under way is attached to that case from the declarations page, the case lists it, and the resident's
 * status look-up says it is being handled with the case.
 */
class MonitoringPeriodsBrowserTest extends BrowserTest {

    @Test
    void aReenteredHouseholdsCaseShowsTheCurrentPeriodAndTheEarlierOneApart() {
        long household = number("""
                select household_id from monitoring where times_identified > 1 and village_code like '522324%'
                order by household_id limit 1""");
        long current = number(
                "select max(id) from support_case where household_id = ? and kind = 'IDENTIFICATION'", household);
        long first = number(
                "select min(id) from support_case where household_id = ? and kind = 'IDENTIFICATION'", household);
        LocalDate periodStart = jdbc.sql("select discovered_on from support_case where id = ?")
                .param(current)
                .query(LocalDate.class)
                .single();
        signIn("county");
        browser.open("/cases/" + current, "reentered-case");
        WebElement earlier = browser.find("#earlier-periods details");
        // collapsed: the earlier period's helper and plan are not on the screen until asked for
        assertThat(earlier.getAttribute("open")).isNull();
        assertThat(browser.find("#period-" + first).isDisplayed()).isFalse();
        browser.click("#earlier-periods summary");
        browser.shot("reentered-case-earlier-periods");
        assertThat(browser.find("#period-" + first).isDisplayed()).isTrue();
        assertThat(browser.find("#period-" + first).getText()).contains("已消除风险").contains("帮扶责任人");
        // every measure the case page lists as its plan belongs to this period
        assertThat(browser.all("#period-" + first + " .period-measure")).isNotEmpty();
        long currentMeasures =
                number("select count(*) from plan_measure where household_id = ? and case_id = ?", household, current);
        long allMeasures = number("select count(*) from plan_measure where household_id = ?", household);
        assertThat(currentMeasures).isLessThan(allMeasures);
        // the helper shown as current was assigned in this period, not in the earlier one
        LocalDate helperSince =
                jdbc.sql("""
                        select starts_on from helper_assignment where household_id = ? and ends_on is null""").param(household).query(LocalDate.class).single();
        assertThat(helperSince).isAfterOrEqualTo(periodStart);
        assertThat(browser.text()).contains(helperSince.toString());

        browser.open("/households/" + household + "/casework", "reentered-household-casework");
        assertThat(browser.find("#current-period").getText()).contains("本期监测").contains(periodStart.toString());
        browser.click("#earlier-periods summary");
        browser.shot("reentered-household-earlier-periods");
        assertThat(browser.find("#period-" + first).isDisplayed()).isTrue();
    }

    @Test
    void aDeclarationIsAttachedToTheHouseholdsOpenCaseAndTheResidentIsToldSo() {
        long caseId = number("""
                select c.id from support_case c where c.status = 'OPEN' and c.village_code = ?
                order by c.id limit 1""", BAOJIA);
        long household = number("select household_id from support_case where id = ?", caseId);
        String head = jdbc.sql("select name from person where household_id = ? and relation = 'HEAD'")
                .param(household)
                .query(String.class)
                .single();
        String number = jdbc.sql("select household_number from household where id = ?")
                .param(household)
                .query(String.class)
                .single();
        signIn("cadre");
        browser.open("/declarations", "declarations");
        browser.find("#channel option[value=HOTLINE]").click();
        browser.find("#declarantName").sendKeys(head);
        browser.find("#phone").sendKeys("13712345678");
        browser.click("#rec-ILLNESS");
        browser.find("#description").sendKeys("老人又住院了，想问问能不能再帮一下");
        browser.click(browser.find("form[action='/declarations'] button[type=submit]"));
        browser.shot("declaration-recorded");
        WebElement attach = browser.find("button[data-test=attach-match][title='" + number + "']");
        assertThat(attach.getText()).contains("并入在办案件 " + caseId);
        browser.click(attach);
        browser.shot("declaration-attached");
        assertThat(browser.driver().getCurrentUrl()).contains("/cases/" + caseId);
        String attached = browser.find("#attached-declarations").getText();
        assertThat(attached)
                .contains("并入本案的群众申报")
                .contains("老人又住院了")
                .contains("热线电话")
                .contains("137****5678")
                .doesNotContain("13712345678");
        browser.click("#attached-declarations .masked button");
        // the reveal swaps the number in place (htmx), and is audited
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> browser.find("#attached-declarations").getText().contains("13712345678"));
        browser.shot("declaration-attached-phone");

        String receipt = jdbc.sql("""
                        select receipt_number from declaration where case_id = ? and status = 'ATTACHED'
                        order by id desc limit 1""").param(caseId).query(String.class).single();
        browser.open("/declare/status?receipt=" + receipt, "attached-status");
        assertThat(browser.find("#declaration-status").getText()).isEqualTo("已并入该户正在办理的案件，一并核实办理");
    }
}
