package org.bulwark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** On a phone-sized screen (360 × 740) the household file and the dashboard read without sideways scrolling. */
class PhoneBrowserTest extends BrowserTest {

    @Test
    void theHouseholdFileReadsOnAPhone() {
        long id = number(
                "select h.id from household h where h.village_code = ? "
                        + "and (select count(*) from person p where p.household_id = h.id) >= 3 order by h.id limit 1",
                BAOJIA);
        String head = jdbc.sql("select name from person where household_id = ? and relation = 'HEAD'")
                .param(id)
                .query(String.class)
                .single();
        signIn("cadre");
        browser.phone(360, 740);
        browser.open("/households/" + id, "household-file");
        assertReadable();
        assertThat(browser.text()).contains(head);

        browser.open("/dashboard", "dashboard");
        assertReadable();
        browser.open("/", "home");
        assertReadable();
    }

    /** The page is no wider than the screen (tables scroll inside their box) and the text is not tiny. */
    private void assertReadable() {
        Number pageWidth = (Number) browser.script("return document.documentElement.scrollWidth;");
        assertThat(pageWidth.intValue()).isLessThanOrEqualTo(360);
        Number fontSize = (Number)
                browser.script("return parseFloat(getComputedStyle(document.querySelector('main')).fontSize);");
        assertThat(fontSize.doubleValue()).isGreaterThanOrEqualTo(14);
    }
}
