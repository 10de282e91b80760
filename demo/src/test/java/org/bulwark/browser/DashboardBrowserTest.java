package org.bulwark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard draws its charts from the stored data and drills down province → prefecture → county → township →
 * village, by a click on a bar and on the table's region names; its figures open the households behind them.
 */
class DashboardBrowserTest extends BrowserTest {

    @Test
    void chartsAreDrawnAndDrillDownReachesAVillage() {
        signIn("province");
        browser.open("/dashboard", "province");
        assertChartsDrawnWithData();
        assertThat(breadcrumb()).containsExactly("贵州省");

        clickBar("registry", "黔西南布依族苗族自治州");
        browser.shot("prefecture");
        assertThat(breadcrumb()).containsExactly("贵州省", "黔西南布依族苗族自治州");

        drillTo("晴隆县", "county");
        assertChartsDrawnWithData();
        long households = number("select count(*) from household where village_code like '522324%'");
        assertThat(headline(0)).isEqualTo(String.format("%,d", households));

        drillTo("沙子镇", "township");
        assertThat(browser.text()).contains("仅涉及 1–2 户的数字");
        drillTo("保家村", "village");
        assertThat(breadcrumb()).hasSize(5).startsWith("贵州省", "黔西南布依族苗族自治州", "晴隆县", "沙子镇");
        long inVillage = number("select count(*) from household where village_code = ?", BAOJIA);
        String shown = headline(0);
        assertThat(shown).isEqualTo(inVillage <= 2 && inVillage > 0 ? "*" : String.valueOf(inVillage));
    }

    @Test
    void aFigureOpensTheHouseholdsBehindItAndATableExportsToExcel() throws Exception {
        signIn("county");
        browser.open("/dashboard?region=522324101000", "township");
        long ordinary = number(
                "select count(*) from household where village_code like '522324101%' " + "and category = 'ORDINARY'");
        browser.click("table[data-table=registry] tfoot a[href*='registry.category.ORDINARY']");
        browser.shot("ordinary-households");
        assertThat(browser.driver().getCurrentUrl()).contains("/dashboard/households");
        assertThat(browser.all("tbody tr")).hasSize((int) Math.min(ordinary, 50));
        assertThat(browser.all("tbody .cat-ORDINARY")).hasSize((int) Math.min(ordinary, 50));

        Path download = Browser.DOWNLOADS.resolve("沙子镇-按风险类型.xlsx");
        Files.deleteIfExists(download);
        browser.open("/dashboard?region=522324101000", "township-again");
        browser.click("a[data-test=export][href*='warnings.byRiskType']");
        // Chromium creates the file before it has written it: wait for its bytes
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> Files.exists(download) && download.toFile().length() > 0);
        try (InputStream in = Files.newInputStream(download);
                XSSFWorkbook book = new XSSFWorkbook(in)) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("已预警");
            double raised = 0;
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                if (row != null && row.getCell(1) != null && row.getCell(1).getCellType() == CellType.NUMERIC) {
                    raised += row.getCell(1).getNumericCellValue();
                }
            }
            assertThat((long) raised)
                    .isEqualTo(number("select count(*) from warning where village_code like '522324101%'"));
        }
    }

    @Test
    void theLargeScreenDrawsEveryChartOnAWideScreen() {
        signIn("county");
        browser.screen(1920, 1080);
        try {
            browser.open("/dashboard", "county-dashboard");
            browser.click("a[data-test=cockpit]");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(d -> d.getCurrentUrl().contains("/dashboard/cockpit"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(d -> browser.all("[data-chart]").size()
                            == browser.all("[data-chart][data-drawn=true]").size());
            browser.shot("cockpit");
            // a meeting room's screen shows it all: no scrolling at 1920x1080, and every chart still readable
            Number scrollHeight = (Number) browser.script("return document.documentElement.scrollHeight;");
            Number innerHeight = (Number) browser.script("return window.innerHeight;");
            assertThat(scrollHeight.longValue()).isLessThanOrEqualTo(innerHeight.longValue());
            Number smallestChart = (Number) browser.script("return Math.min.apply(null, Array.from("
                    + "document.querySelectorAll('[data-chart]')).map(function (e) {"
                    + " return e.getBoundingClientRect().height; }));");
            assertThat(smallestChart.doubleValue()).isGreaterThan(200);
            assertThat(browser.text())
                    .contains("晴隆县 防返贫动态监测大屏")
                    .contains("务工就业率")
                    .contains("基本医保参保率");
            assertThat(browser.all("[data-chart]")).hasSizeGreaterThanOrEqualTo(5);
            assertChartsDrawnWithData();
            long households = number("select count(*) from household where village_code like '522324%'");
            assertThat(browser.find("[data-test=headlines] .cockpit-figure").getText())
                    .isEqualTo(String.format("%,d", households));
        } finally {
            browser.desktop();
        }
    }

    private void assertChartsDrawnWithData() {
        List<?> charts = browser.all("[data-chart]");
        assertThat(charts).isNotEmpty();
        assertThat(browser.all("[data-chart] canvas, [data-chart] svg")).hasSizeGreaterThanOrEqualTo(charts.size());
        Number total = (Number) browser.script("""
                var sum = 0;
                document.querySelectorAll('[data-chart]').forEach(function (e) {
                  var option = echarts.getInstanceByDom(e).getOption();
                  option.series.forEach(function (s) { s.data.forEach(function (v) { sum += (v || 0); }); });
                });
                return sum;""");
        assertThat(total.doubleValue()).isPositive();
    }

    /** Clicks the bar of a region in a section's chart, where ECharts drew it. */
    private void clickBar(String section, String region) {
        var chart = browser.find("#section-" + section + " [data-chart]");
        browser.script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", chart);
        @SuppressWarnings("unchecked")
        List<Number> point = (List<Number>) browser.script("""
                var chart = echarts.getInstanceByDom(arguments[0]);
                var option = chart.getOption();
                var index = option.xAxis[0].data.indexOf(arguments[1]);
                var total = 0;
                option.series.forEach(function (s) { total += (s.data[index] || 0); });
                return chart.convertToPixel({seriesIndex: 0}, [index, total / 2]);""", chart, region);
        int width = chart.getSize().getWidth();
        int height = chart.getSize().getHeight();
        new Actions(browser.driver())
                .moveToElement(
                        chart, point.get(0).intValue() - width / 2, point.get(1).intValue() - height / 2)
                .click()
                .perform();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().contains("region="));
    }

    private void drillTo(String region, String step) {
        browser.click(browser.driver()
                .findElement(By.xpath("//table[@data-table='registry']//a[@data-test='drill' and starts-with(text(), '"
                        + region + "')]")));
        browser.shot(step);
        assertThat(breadcrumb()).last().asString().startsWith(region);
    }

    private List<String> breadcrumb() {
        return browser.all("[data-test=breadcrumb] li").stream()
                .map(e -> e.getText().strip())
                .toList();
    }

    private String headline(int index) {
        return browser.all("[data-test=headlines] .fs-4").get(index).getText().strip();
    }
}
