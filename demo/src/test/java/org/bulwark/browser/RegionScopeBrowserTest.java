package org.bulwark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A village cadre cannot reach another village's household or dashboard by editing the address. */
class RegionScopeBrowserTest extends BrowserTest {

    @Test
    void editingTheAddressDoesNotOpenAHouseholdOfAnotherVillage() {
        long own = number("select min(id) from household where village_code = ?", BAOJIA);
        long other =
                number("select min(id) from household where village_code like '522324%' and village_code <> ?", BAOJIA);
        signIn("cadre");
        browser.open("/households/" + own, "own-household");
        assertThat(browser.text()).doesNotContain("未找到");

        browser.open("/households/" + other, "other-village-household");
        assertThat(browser.text()).contains("未找到").contains("不在您的管辖范围内");
        assertThat(browser.text())
                .doesNotContain(jdbc.sql("select household_number from household where id = ?")
                        .param(other)
                        .query(String.class)
                        .single());

        browser.open("/dashboard?region=522324101210", "other-village-dashboard");
        assertThat(browser.text()).contains("未找到");
        browser.open("/dashboard/households?measure=registry.households&region=522324000000", "county-list");
        assertThat(browser.text()).contains("未找到");
    }
}
