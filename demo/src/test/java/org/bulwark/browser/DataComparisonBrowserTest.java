package org.bulwark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 14 items 14 and 25 in the browser: the county's 数据比对 step shows the household's medical settlements beside
 * the out-of-pocket cost it declared, with the difference in a Chinese sentence, and the upward checks; a measure's
 * responsible department is one the platform knows, and the helper drop-down keeps the helper just assigned.
 */
class DataComparisonBrowserTest extends BrowserTest {

    private static final String HEADER = "身份证号,姓名,结算日期,就诊类型,医疗总费用,基金支付（基本医保+大病保险+医疗救助）,个人自付费用,政策范围内个人自付";

    @Test
    void theCountyComparesTheDeclaredCostWithTheSettlementsOnRecord() throws Exception {
        long caseId = number("""
                select c.id from support_case c where c.status = 'OPEN' and c.step = 'DATA_COMPARISON'
                  and c.kind = 'IDENTIFICATION' and c.village_code like '522324101%' order by c.id limit 1""");
        long household = number("select household_id from support_case where id = ?", caseId);
        // what the cadre recorded at the home verification: illness, 62,000 yuan out of pocket
        jdbc.sql("update support_case set risk_types = 'ILLNESS', medical_out_of_pocket = 62000 where id = ?")
                .param(caseId)
                .update();
        Map<String, Object> person = jdbc.sql(
                        "select id_number, name from person where household_id = ? order by id limit 1")
                .param(household)
                .query()
                .singleRow();
        String id = (String) person.get("id_number");
        String name = (String) person.get("name");
        Path csv = Files.createTempFile(Path.of("target"), "comparison-", ".csv");
        Files.writeString(
                csv,
                String.join(
                                "\n",
                                HEADER,
                                id + "," + name + "," + LocalDate.now().minusDays(40) + ",门诊,900,600,300,200",
                                id + "," + name + "," + LocalDate.now().minusDays(20) + ",门诊,700,480,220,180")
                        + "\n",
                StandardCharsets.UTF_8);
        signIn("officer");
        upload("medical_settlement", csv);
        browser.driver().manage().deleteAllCookies();

        // every in-scope settlement of the household in the last 12 months: the two above and any the demo had
        BigDecimal onRecord =
                jdbc.sql("""
                        select coalesce(sum((cast(fields as jsonb) ->> 'in_scope_out_of_pocket')::numeric), 0) from department_record
                        where household_id = ? and category = 'medical_settlement'
                          and record_date >= current_date - interval '12 months'""").param(household).query(BigDecimal.class).single();
        assertThat(onRecord).isGreaterThanOrEqualTo(new BigDecimal("380"));
        String recorded =
                String.format(Locale.ROOT, onRecord.stripTrailingZeros().scale() > 0 ? "%,.2f" : "%,.0f", onRecord);

        // the county's own upload: a car worth 168,000 yuan in the member's name, which VER-01 counts
        Path vehicles = Files.createTempFile(Path.of("target"), "vehicles-", ".csv");
        Files.writeString(
                vehicles,
                "身份证号,姓名,登记日期,车辆类型,车辆价值（购车发票价）\n" + id + "," + name + ","
                        + LocalDate.now().minusMonths(6) + ",小汽车,168000\n",
                StandardCharsets.UTF_8);
        signIn("county");
        upload("vehicle_registration", vehicles);
        browser.open("/cases/" + caseId, "data-comparison");
        browser.script("document.getElementById('data-comparison').scrollIntoView();");
        browser.shot("data-comparison-section");
        String section = browser.find("#data-comparison").getText();
        assertThat(section)
                .contains("数据比对")
                .contains("申报风险：因病")
                .contains("近12个月政策范围内自付医疗费用")
                .contains("申报合规自付医疗支出")
                .contains("62,000 元")
                .contains("申报自付 62,000 元，医保结算记录合计 " + recorded + " 元")
                .contains("医疗保障局 · 医疗费用结算")
                .contains(name.charAt(0) + "*")
                .contains("家庭成员名下高价值车辆")
                .contains("家庭成员名下商品房")
                .contains("家庭成员为财政供养人员")
                .doesNotContain(name.length() > 1 ? name : "\u0000")
                .doesNotContain("medical_settlement")
                .doesNotContain("out_of_pocket");
        assertThat(browser.all("#comparison-ILLNESS .comparison-difference")).hasSize(1);
        assertThat(browser.find("#upward-vehicle_registration").getText())
                .contains("家庭成员名下高价值车辆")
                .contains("1 辆")
                .contains("发现");
        assertThat(browser.find("#upward-vehicle_registration").getAttribute("class"))
                .contains("table-warning");
        assertThat(browser.find("#upward-real_estate").getText()).contains("未发现");
    }

    private void upload(String category, Path file) {
        browser.open("/exchange", "upload-" + category);
        new Select(browser.find("#category")).selectByValue(category);
        browser.find("#file").sendKeys(file.toAbsolutePath().toString());
        browser.click("form[enctype] button[type=submit]");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().matches(".*/exchange/batches/\\d+$"));
    }

    @Test
    void aMeasureNamesAKnownDepartmentAndTheHelperStaysSelected() {
        long household = number("""
                select c.household_id from support_case c where c.status = 'OPEN' and c.kind = 'IDENTIFICATION'
                  and c.risk_types like '%ILLNESS%' and c.village_code like '522324101%'
                order by c.id limit 1""");
        signIn("township");
        browser.open("/households/" + household + "/casework", "household-casework");
        Select helper = new Select(browser.find("#helper"));
        assertThat(helper.getOptions()).hasSizeGreaterThan(1);
        // the last of the candidates, so that falling back to the first would show
        int last = helper.getOptions().size() - 1;
        String chosen = helper.getOptions().get(last).getAttribute("value");
        helper.selectByIndex(last);
        browser.click("form[action$='/casework/helper'] button[type=submit]");
        browser.shot("helper-assigned");
        assertThat(new Select(browser.find("#helper")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo(chosen);

        // a free-text department is refused in Chinese, naming the field
        new Select(browser.find("#riskType")).selectByValue("ILLNESS");
        browser.find("#department").sendKeys("县扶贫工作站");
        browser.click("form[action$='/casework/measures'] button[type=submit]");
        browser.shot("department-refused");
        assertThat(browser.find(".alert-danger").getText()).contains("责任部门").contains("不是平台登记的部门");
        long before = number("select count(*) from plan_measure where household_id = ?", household);
        // the county's name for a catalogue department is taken, and kept by the department's name
        new Select(browser.find("#riskType")).selectByValue("ILLNESS");
        browser.find("#department").clear();
        browser.find("#department").sendKeys("县医疗保障局");
        browser.click("form[action$='/casework/measures'] button[type=submit]");
        browser.shot("measure-added");
        assertThat(number("select count(*) from plan_measure where household_id = ?", household))
                .isEqualTo(before + 1);
        assertThat(jdbc.sql("select department from plan_measure where household_id = ? order by id desc limit 1")
                        .param(household)
                        .query(String.class)
                        .single())
                .isEqualTo("医疗保障局");
    }
}
