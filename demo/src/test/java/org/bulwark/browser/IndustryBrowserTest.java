package org.bulwark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The county officer records an industry project and a household's link to it on the pages; the township reads both,
 * the household's file shows the link, and the village cadre's income form for the year is filled in from it.
 */
class IndustryBrowserTest extends BrowserTest {

    @Test
    void countyRecordsAProjectAndALinkTheTownshipReadsThem() {
        int year = Year.now().getValue();
        String name = "晴隆县测试茶叶合作社" + ThreadLocalRandom.current().nextInt(100_000);
        long householdId = number("select id from household where village_code = ? order by id limit 1", BAOJIA);
        String householdNumber = jdbc.sql("select household_number from household where id = ?")
                .param(householdId)
                .query(String.class)
                .single();

        signIn("county");
        browser.open("/industry/projects/new", "county-project-form");
        browser.find("#name").sendKeys(name);
        new Select(browser.find("#kind")).selectByValue("COOPERATIVE");
        new Select(browser.find("#regionCode")).selectByValue(BAOJIA);
        new Select(browser.find("#industry")).selectByValue("PLANTING");
        new Select(browser.find("#fundingSource")).selectByValue("ASSISTANCE_FUNDS");
        browser.find("#assistanceFunds").sendKeys("300000");
        browser.submit(browser.find("form[action$='/industry/projects'] button[type=submit]"))
                .shot("county-project-saved");
        assertThat(browser.text()).contains(name).contains("合作社").contains("衔接资金");

        browser.find("#householdNumber").sendKeys(householdNumber);
        new Select(browser.find("#kind")).selectByValue("WAGES");
        browser.find("#year").clear();
        browser.find("#year").sendKeys(String.valueOf(year));
        browser.find("#amount").sendKeys("3600");
        browser.submit(browser.find("form[action$='/links'] button[type=submit]"))
                .shot("county-link-saved");
        assertThat(browser.text()).contains(householdNumber).contains("务工").contains("3,600.00");

        signIn("township");
        browser.open("/industry/projects", "township-projects");
        assertThat(browser.text()).contains(name);
        browser.click(browser.driver().findElement(By.linkText(name))).shot("township-project");
        assertThat(browser.text()).contains(householdNumber).contains("3,600.00");
        browser.open("/households/" + householdId, "township-household-file");
        assertThat(browser.text()).contains("联农带农收益").contains(name);

        signIn("cadre");
        browser.open("/households/" + householdId + "/incomes/new?year=" + year, "cadre-income-form-prefilled");
        assertThat(browser.find("#benefit-income").getText())
                .contains(name)
                .contains("务工")
                .contains("工资性收入");
    }
}
