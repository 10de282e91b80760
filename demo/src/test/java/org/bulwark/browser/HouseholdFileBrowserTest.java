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
                browser.script("return document.querySelector('#income-chart svg').getBoundingClientRect().width;");
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

    /**
     * The chart the server laid out is drawn: every bar and the line have a size on screen, the bars in green or (below
     * the line) red, the line in blue, and the year labels inside the chart's width.
     */
    private void assertChartDrawn() {
        Boolean drawn = (Boolean) browser.script("""
                var svg = document.querySelector('#income-chart svg');
                var box = svg.getBoundingClientRect();
                var bars = Array.from(svg.querySelectorAll('.chart-bars rect'));
                var line = Array.from(svg.querySelectorAll('.chart-line line'));
                var colours = bars.every(function (b) {
                  var fill = getComputedStyle(b).fill;
                  return fill === (b.classList.contains('below') ? 'rgb(220, 53, 69)' : 'rgb(25, 135, 84)');
                });
                var sized = bars.every(function (b) {
                  var r = b.getBoundingClientRect();
                  return r.width > 4 && r.height >= 1 && r.left >= box.left && r.right <= box.right;
                });
                var years = Array.from(svg.querySelectorAll('.chart-years text')).every(function (t) {
                  var r = t.getBoundingClientRect();
                  return r.left >= box.left - 1 && r.right <= box.right + 1;
                });
                return bars.length > 1 && line.length > 0 && colours && sized && years
                    && getComputedStyle(line[0]).stroke === 'rgb(13, 110, 253)';""");
        assertThat(drawn).as("bars, line and years drawn inside the chart").isTrue();
    }
}
