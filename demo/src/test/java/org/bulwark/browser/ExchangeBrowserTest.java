package org.bulwark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A department officer uploads a CSV of medical settlements with mistakes, reads the batch report in Chinese,
 * downloads the rows it rejected with their reasons, corrects one and uploads the file again as it is.
 */
class ExchangeBrowserTest extends BrowserTest {

    private static final String HEADER = "身份证号,姓名,结算日期,就诊类型,医疗总费用,基金支付（基本医保+大病保险+医疗救助）," + "个人自付费用,政策范围内个人自付";

    @Test
    void officerUploadsACsvReadsTheReasonsAndSendsTheCorrectedRowsBack() throws Exception {
        Map<String, Object> person = jdbc.sql("""
                select p.id_number, p.name from person p join household h on h.id = p.household_id
                where h.village_code like '522324%' order by p.id limit 1
                """).query().singleRow();
        String id = (String) person.get("id_number");
        String name = (String) person.get("name");
        String valid = id + "," + name + ",2026-10-08,住院,12000.50,9000,3000.50,1500";
        String badNumber = "522324199001011234,王错号,2026-10-08,门诊,500,400,100,50";
        String otherName = id + ",张冒名,2026-10-09,门诊,500,400,100,50";
        String badKind = id + "," + name + ",2026-10-10,急诊,500,400,100,50";
        String negative = id + "," + name + ",2026-10-11,门诊特殊病,500,400,-100,50";
        Path csv = Files.createTempFile(Path.of("target"), "settlements-", ".csv");
        Files.writeString(
                csv,
                String.join("\n", HEADER, valid, badNumber, otherName, badKind, negative) + "\n",
                StandardCharsets.UTF_8);

        signIn("officer");
        browser.open("/exchange", "upload-form");
        assertThat(browser.find("#category").getText())
                .contains("医疗保障局 · 医疗费用结算")
                .doesNotContain("medical_settlement");
        long batch = upload(csv);
        browser.shot("batch-report");
        assertThat(number("select rows_accepted from exchange_batch where id = ?", batch))
                .isEqualTo(1);
        assertThat(number("select rows_rejected from exchange_batch where id = ?", batch))
                .isEqualTo(4);
        assertThat(browser.text())
                .contains("部分入库（退回 4/5 行）")
                .contains("身份证号：校验位（最后一位）应为")
                .contains("姓名：“张冒名”与档案中这个身份证号登记的姓名不一致")
                .contains("就诊类型：“急诊”不是可填的值，应为：住院、门诊、门诊特殊病")
                .contains("个人自付费用：-100 小于允许的最小值 0")
                .doesNotContain("id_number")
                .doesNotContain("check digit");

        Path download = Browser.DOWNLOADS.resolve("批次" + batch + "-退回的行.csv");
        Files.deleteIfExists(download);
        browser.click("a[href$='/rejected.csv']");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> Files.exists(download));
        List<String> lines = Files.readAllLines(download, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("\uFEFF原行号," + HEADER + ",错误原因");
        assertThat(lines.get(3)).contains("急诊").contains("就诊类型：");

        // the clerk types 门诊 over 急诊 and sends the file back with its 原行号 and 错误原因 columns
        Path fixed = Files.createTempFile(Path.of("target"), "fixed-", ".csv");
        Files.writeString(
                fixed,
                Files.readString(download, StandardCharsets.UTF_8).replace(",急诊,", ",门诊,"),
                StandardCharsets.UTF_8);
        browser.open("/exchange", "upload-again");
        long again = upload(fixed);
        browser.shot("fixed-batch");
        assertThat(number("select rows_accepted from exchange_batch where id = ?", again))
                .isEqualTo(1);
        assertThat(number("select rows_rejected from exchange_batch where id = ?", again))
                .isEqualTo(3);
        browser.open("/exchange", "batch-list");
        assertThat(browser.text()).contains("医疗费用结算").contains("部分入库（退回 3/4 行）");
    }

    private long upload(Path file) {
        new Select(browser.find("#category")).selectByValue("medical_settlement");
        browser.find("#file").sendKeys(file.toAbsolutePath().toString());
        browser.click("form[enctype] button[type=submit]");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().matches(".*/exchange/batches/\\d+$"));
        return Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*/", ""));
    }
}
