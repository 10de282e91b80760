package org.bulwark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Each employment role does its part: the helper, on a phone, opens a labourer of the village, reads the postings that
 * fit with their reasons, refers the labourer to one and records the contact; the county employment officer, at a
 * desk, enters an employer and a posting, refers a labourer who fits and records the hire; the village cadre, on a
 * phone, updates a labourer's wishes and cannot reach a labourer of another village.
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

    @Test
    void theCountyOfficeEntersAnEmployerAndAPostingAndRecordsAHire() {
        String name = "保家村生态种植专业合作社" + System.nanoTime() % 100_000;
        signIn("employment");
        browser.open("/employment/employers/new", "employer-form");
        choose("kind", "合作社");
        type("name", name);
        choose("regionCode", "保家村");
        type("contactName", "王德明");
        type("contactPhone", "13908541234");
        browser.shot("employer-typed");
        browser.submit(browser.find("form[action$='/employment/employers'] button[type=submit]"));
        browser.shot("employer-saved");
        assertThat(browser.text()).contains(name, "合作社");

        String title = "辣椒采摘工" + System.nanoTime() % 100_000;
        browser.open("/employment/postings/new", "posting-form");
        typePosting(name, title, "-2600");
        browser.submit(browser.find("form[action$='/employment/postings'] button[type=submit]"));
        browser.shot("posting-wrong-wage");
        WebElement wage = browser.find("#monthlyWage");
        assertThat(wage.getAttribute("class")).contains("is-invalid");
        assertThat(wage.getAttribute("value")).isEqualTo("-2600");
        assertThat(browser.find("#title").getAttribute("value")).isEqualTo(title);
        assertThat(feedback("monthlyWage")).containsPattern("\\p{IsHan}");
        type("monthlyWage", "2600");
        browser.submit(browser.find("form[action$='/employment/postings'] button[type=submit]"));
        browser.shot("posting-saved");

        browser.click(browser.driver().findElement(By.linkText(title)));
        browser.shot("posting-page");
        assertThat(browser.find("dl").getText()).contains("种养殖", "无技能要求", "2,600.00", LocalDate.now() + " 起");
        hireTheFirstMatch(title);
    }

    /** On the posting's page: refers the first labourer that fits, moves the referral to hired, checks the record. */
    private void hireTheFirstMatch(String title) {
        // one out of work, so that the hire visibly puts them in work
        WebElement first = browser.all("#labourer-matches .match-card").stream()
                .filter(c -> c.getText().contains("未就业"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no labourer out of work fits"));
        assertThat(first.getText()).containsPattern("\\p{IsHan}").doesNotContainPattern("[A-Z]{3,}");
        String href = first.findElement(By.cssSelector("h3 a")).getAttribute("href");
        long person = Long.parseLong(href.substring(href.lastIndexOf('/') + 1));
        browser.submit(first.findElement(By.cssSelector("button[type=submit]")));
        browser.shot("referred");
        WebElement referral = browser.find("#referrals .referral-card");
        assertThat(referral.getText()).contains(title, "已推荐");
        new Select(referral.findElement(By.name("state"))).selectByVisibleText("已录用");
        browser.submit(referral.findElement(By.cssSelector("button[type=submit]")));
        browser.shot("hired");
        assertThat(browser.find("#referrals .referral-state").getText()).isEqualTo("已录用");

        browser.open("/employment/labourers/" + person, "labourer-in-work");
        assertThat(browser.text()).contains("已就业", "保家村");
        assertThat(jdbc.sql("select in_work from labourer where person_id = ?")
                        .param(person)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void theVillageCadreUpdatesALabourersWishesOnAPhoneAndCannotReachAnotherVillage() {
        long elsewhere = number("select person_id from labourer where village_code <> ? limit 1", BAOJIA);
        signIn("cadre");
        browser.phone(360, 740);
        browser.open("/employment/labourers", "village-labourers");
        WebElement first = browser.find("table a[href*='/employment/labourers/']");
        String href = first.getAttribute("href");
        long person = Long.parseLong(href.substring(href.lastIndexOf('/') + 1));
        browser.click(first);
        browser.shot("labourer");

        choose("wishReach", "本乡镇");
        type("wishMinWage", "2800");
        WebElement kind = browser.find("input[name=wishKinds][value=MANUFACTURING]");
        if (!kind.isSelected()) {
            browser.click(kind);
        }
        browser.submit(browser.find("form[action$='/employment/labourers/" + person + "'] button[type=submit]"));
        browser.shot("wishes-saved");
        assertThat(browser.text()).contains("本乡镇", "制造加工", "期望月工资不低于 2,800 元");
        assertThat(jdbc.sql("select wish_min_wage from labourer where person_id = ?")
                        .param(person)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2800);
        Number width = (Number) browser.script("return document.documentElement.scrollWidth;");
        assertThat(width.intValue()).isLessThanOrEqualTo(360);

        browser.open("/employment/labourers/" + elsewhere, "other-village");
        assertThat(browser.text()).contains("未找到", "不在您的管辖范围内");
    }

    private void typePosting(String employer, String title, String wage) {
        choose("employerId", employer);
        type("title", title);
        choose("regionCode", "保家村");
        choose("workKind", "种养殖");
        type("monthlyWage", wage);
        type("hoursPerWeek", "40");
        type("openings", "5");
        // a date field takes typing in the browser's own format; the value is what an official's picker sets
        browser.script(
                "arguments[0].value = arguments[1];",
                browser.find("#openFrom"),
                LocalDate.now().toString());
    }

    private void choose(String field, String words) {
        Select select = new Select(browser.find("#" + field));
        String option = select.getOptions().stream()
                .map(WebElement::getText)
                .filter(t -> t.contains(words))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no choice " + words + " for " + field));
        select.selectByVisibleText(option);
    }

    private void type(String field, String text) {
        WebElement input = browser.find("#" + field);
        input.clear();
        input.sendKeys(text);
    }

    private String feedback(String field) {
        return browser.find("#" + field + " ~ .invalid-feedback").getText();
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
