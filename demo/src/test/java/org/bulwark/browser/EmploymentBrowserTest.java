package org.bulwark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The helper, on a phone, opens a labourer of the village, reads the postings that fit with their reasons, refers the
 * labourer to one and records that the labourer was contacted.
 */
class EmploymentBrowserTest extends BrowserTest {

    @Test
    void theHelperRefersALabourerAndRecordsTheContactOnAPhone() {
        long person = number("""
                select person_id from labourer where village_code = ? and not in_work
                  and cardinality(wish_kinds) = 0 and wish_min_wage is null
                order by person_id limit 1""", BAOJIA);
        String title = "保家村蔬菜基地采摘工" + person;
        long employer = number("""
                insert into employer (kind, name, region_code, created_by, updated_by)
                values ('COOPERATIVE', '保家村蔬菜专业合作社', ?, 'test', 'test') returning id""", BAOJIA);
        long posting = number("""
                insert into posting (employer_id, title, region_code, work_kind, monthly_wage, hours_per_week,
                    openings, open_from, created_by, updated_by)
                values (?, ?, ?, 'AGRICULTURE', 2600, 40, 3, current_date - 1, 'test', 'test') returning id""", employer, title, BAOJIA);

        signIn("helper");
        browser.phone(360, 740);
        browser.open("/employment/labourers/" + person, "labourer-matches");
        WebElement card = card(title);
        assertThat(card.getText()).contains("保家村蔬菜专业合作社", "月薪 2,600 元", "在本村，在意向地域内", "无技能要求");
        browser.click(card.findElement(By.cssSelector("button[type=submit]")));
        browser.shot("referred");
        assertThat(state(person, posting)).isEqualTo("PROPOSED");

        WebElement referral = browser.find("#referrals .referral-card");
        assertThat(referral.getText()).contains(title, "已推荐");
        browser.click(referral.findElement(By.cssSelector("button[type=submit]")));
        browser.shot("contacted");
        assertThat(state(person, posting)).isEqualTo("CONTACTED");
        assertThat(browser.find("#referrals .referral-state").getText()).isEqualTo("已联系");
        Number width = (Number) browser.script("return document.documentElement.scrollWidth;");
        assertThat(width.intValue()).isLessThanOrEqualTo(360);

        browser.open("/employment/referrals", "referrals");
        assertThat(browser.text()).contains(title);
    }

    private WebElement card(String title) {
        return browser.all("#posting-matches .match-card").stream()
                .filter(c -> c.getText().contains(title))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no match card for " + title));
    }

    private String state(long person, long posting) {
        return jdbc.sql("select state from referral where person_id = ? and posting_id = ? order by id desc limit 1")
                .param(person)
                .param(posting)
                .query(String.class)
                .single();
    }
}
