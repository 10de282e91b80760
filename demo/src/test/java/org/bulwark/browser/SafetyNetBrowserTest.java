package org.bulwark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The safety net in the browser: a demo recipient's file shows its allowance and its three guarantees, the county
 * reads the standards with its own county standard, and the dashboard's coverage agrees with the recipients stored.
 */
class SafetyNetBrowserTest extends BrowserTest {

    /** The demo year whose figures the dashboard shows below (the demo's latest income year). */
    private long year() {
        return number("select max(year) from household_income");
    }

    @Test
    void aRecipientsFileShowsItsAllowanceAndItsGuarantees() {
        long id = number("""
                select h.id from household h join safety_net_recipient r on r.household_id = h.id
                where h.village_code like ? and r.kind = 'ALLOWANCE'
                order by r.year desc, h.id limit 1""", SHAZI.substring(0, 9) + "%");
        signIn("township");
        browser.open("/households/" + id, "file");
        browser.script("document.getElementById('safety-net').scrollIntoView({behavior: 'instant'});");
        browser.shot("safety-net-section");

        String section = browser.find("#safety-net-section").getText();
        assertThat(section).contains("兜底保障", "低保标准", "“三保障”和饮水安全", "义务教育", "饮水安全");
        assertThat(browser.all("#safety-net-spells tbody tr")).isNotEmpty();
        assertThat(browser.find("#safety-net-spells").getText()).contains("农村低保");
        assertThat(browser.all("#safety-net-guarantees li")).hasSize(4);
        assertThat(section).doesNotContainPattern("[A-Za-z]{2,}");
    }

    @Test
    void theCountyReadsItsStandardsAndTheCoverageFigures() {
        signIn("county");
        browser.open("/safety-net", "standards");
        assertThat(browser.find("#standards").getText()).contains("晴隆县", "6,600", "贵州省", "演示数据");
        assertThat(browser.find("#applying-standard").getText()).contains("2026年", "6,600");
        assertThat(browser.all("#standard-form")).isEmpty();
        assertThat(browser.find("#main").getText()).doesNotContainPattern("[A-Za-z]{2,}");

        long year = year();
        browser.open("/dashboard?region=522324000000&year=" + year, "coverage");
        browser.script("document.getElementById('section-safetynet').scrollIntoView({behavior: 'instant'});");
        browser.shot("coverage-section");
        long households = number("""
                select count(*) from safety_net_recipient r join household h on h.id = r.household_id
                where h.village_code like '522324%' and r.kind = 'ALLOWANCE' and r.year = ?""", year);
        assertThat(households).isPositive();
        String total = browser.find("table[data-table=safetynet] tfoot td").getText();
        assertThat(total).isEqualTo(String.format("%,d", households));
        assertThat(browser.find("#section-safetynet").getText()).contains("低保和特困供养覆盖", "其中脱贫人口");
    }
}
