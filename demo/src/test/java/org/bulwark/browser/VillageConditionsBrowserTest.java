package org.bulwark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * A township reviewer records a village's year on the form — pre-filled from the year before, refused whole while a
 * field is wrong — and finds the village in the list of those short of an indicator; the village cadre sees it on a
 * household's file. On a phone the form reads without sideways scrolling.
 */
class VillageConditionsBrowserTest extends BrowserTest {

    @Test
    void townshipFillsTheFormAndReadsTheVillagesShortOfEach() {
        int year = Year.now().getValue();
        signIn("township");
        browser.open("/villages/conditions", "overview");
        assertThat(browser.text()).contains("各项指标尚未达到的村").contains("已填报");

        new Select(browser.find("#village")).selectByValue(BAOJIA);
        browser.find("#form-year").clear();
        browser.find("#form-year").sendKeys(String.valueOf(year));
        browser.click("#open-form").shot("form-prefilled");
        assertThat(browser.find("#prefilled").getText()).contains(String.valueOf(year - 1));

        browser.phone(360, 740).shot("form-on-a-phone");
        Number width = (Number) browser.script("return document.documentElement.scrollWidth;");
        assertThat(width.intValue()).isLessThanOrEqualTo(360);
        browser.desktop();

        browser.find("#sanitary_toilets").clear();
        browser.find("#sanitary_toilets").sendKeys("九十");
        browser.click("label[for='coverage_5g-no']").click("#save").shot("form-refused");
        assertThat(browser.find("#form-errors").getText()).contains("未保存");
        assertThat(browser.find("#field-sanitary_toilets").getText()).contains("应为数字");
        assertThat(number("select count(*) from village_condition where village_code = ? and year = ?", BAOJIA, year))
                .isZero();

        browser.find("#sanitary_toilets").clear();
        browser.find("#sanitary_toilets").sendKeys("91.5");
        browser.click("#save").shot("village-saved");
        assertThat(browser.find("#village-values").getText()).contains("91.5").contains("5G网络覆盖");
        assertThat(browser.find("#village-entered").getText()).contains("陈审核");

        browser.open("/villages/conditions?region=522324101&year=" + year, "shortfalls");
        String short5g = browser.driver()
                .findElement(By.cssSelector("#shortfalls tr[data-indicator='coverage_5g']"))
                .getText();
        assertThat(short5g).contains("保家村");
        assertThat(browser.find("#shortfalls").getText()).doesNotContain(BAOJIA);
    }

    @Test
    void villageCadreSeesItsVillagesConditionsOnAHouseholdsFile() {
        long id = number("select id from household where village_code = ? order by id limit 1", BAOJIA);
        signIn("cadre");
        browser.open("/households/" + id + "#village", "household-file");
        assertThat(browser.find("#village-conditions").getText()).contains("通硬化路");
        browser.open("/dashboard", "dashboard");
        assertThat(browser.text()).contains("村级基础设施和公共服务");
    }

    @Test
    void countySeesEachTownshipsCoverageAndTheVillagesShort() {
        signIn("county");
        browser.open("/villages/conditions", "county-overview");
        assertThat(browser.find("#reported").getText()).contains("已填报");
        assertThat(browser.all("#shortfalls a")).isNotEmpty();
        browser.open("/dashboard", "county-dashboard");
        assertThat(browser.find("#section-village").getText())
                .contains("各项指标的覆盖情况")
                .contains("通硬化路率");
        // the section is the dashboard's last, below what a screenshot holds: shown alone for the eye
        browser.script("document.querySelectorAll('.card[id^=section-]:not(#section-village)')"
                + ".forEach(function (c) { c.remove(); });");
        browser.shot("county-dashboard-village-section");
        browser.open("/dashboard/cockpit", "cockpit");
        browser.open("/villages/conditions?lang=en", "county-overview-in-english");
        assertThat(browser.text()).contains("Villages short of each indicator").contains("Elder-care centre");
        browser.open("/villages/" + BAOJIA + "/conditions/edit?lang=en", "form-in-english");
        assertThat(browser.text()).contains("Paved road to the village");
    }
}
