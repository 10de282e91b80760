package org.bulwark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The household file in the browser, on a desktop and on a 360-pixel phone: the income chart is drawn (bars and the
 * monitoring line), every section is there, and nothing makes the page wider than the screen.
 */
class HouseholdFileBrowserTest extends BrowserTest {

    /** A demo household with incomes of several years, department records and a warning: every section has data. */
    private long richHousehold() {
        return number("""
                select h.id from household h
                where h.village_code = ?
                  and (select count(*) from household_income i where i.household_id = h.id) >= 2
                  and exists (select 1 from department_record r where r.household_id = h.id)
                  and exists (select 1 from warning w where w.household_id = h.id)
                order by (select count(*) from support_case c where c.household_id = h.id) desc, h.id
                limit 1""", BAOJIA);
    }

    @Test
    void theFileDrawsTheIncomeChartOnADesktopAndOnAPhone() {
        long id = richHousehold();
        signIn("cadre");
        browser.open("/households/" + id, "desktop");
        assertChartDrawn();
        assertThat(browser.all("#file-records li")).isNotEmpty();
        assertThat(browser.all("#file-warnings li")).isNotEmpty();
        assertThat(browser.text()).contains("历年收入").contains("部门数据").contains("变更记录");

        browser.phone(360, 740);
        browser.open("/households/" + id, "phone");
        assertChartDrawn();
        Number pageWidth = (Number) browser.script("return document.documentElement.scrollWidth;");
        assertThat(pageWidth.intValue()).isLessThanOrEqualTo(360);
        Number chartWidth = (Number)
                browser.script("return document.querySelector('#income-chart canvas').getBoundingClientRect().width;");
        assertThat(chartWidth.intValue()).isBetween(200, 360);
        browser.script("document.getElementById('records').scrollIntoView({behavior: 'instant'});");
        browser.shot("phone-records");
    }

    @Test
    void theCountySeesTheFullAuditTrail() {
        long id = richHousehold();
        signIn("county");
        browser.open("/households/" + id, "county");
        assertChartDrawn();
        assertThat(browser.find("#trail").getText()).isEqualTo("操作记录");
    }

    /** ECharts drew the chart: a canvas with pixels of both the bars and the line. */
    private void assertChartDrawn() {
        assertThat(browser.find("#income-chart").getAttribute("data-drawn")).isEqualTo("true");
        Boolean painted = (Boolean) browser.script("""
                var canvas = document.querySelector('#income-chart canvas');
                var data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                var bars = false, line = false;
                for (var i = 0; i < data.length; i += 4) {
                  var r = data[i], g = data[i + 1], b = data[i + 2];
                  if ((r > 180 && g < 90 && b < 90) || (r < 60 && g > 100 && b > 60 && b < 110)) { bars = true; }
                  if (r < 40 && g > 90 && g < 130 && b > 220) { line = true; }
                }
                return bars && line;""");
        assertThat(painted).as("bars and the line painted").isTrue();
    }
}
