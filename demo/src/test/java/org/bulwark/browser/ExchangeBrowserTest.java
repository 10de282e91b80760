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

/** A department officer uploads a CSV of medical settlements and downloads the rows it rejected, with reasons. */
class ExchangeBrowserTest extends BrowserTest {

    @Test
    void officerUploadsACsvAndDownloadsTheRejectedRows() throws Exception {
        Map<String, Object> person = jdbc.sql("""
                select p.id_number, p.name from person p join household h on h.id = p.household_id
                where h.village_code like '522324%' order by p.id limit 1
                """).query().singleRow();
        String header = "id_number,name,settle_date,kind,total_cost,fund_paid,out_of_pocket,in_scope_out_of_pocket";
        String valid = person.get("id_number") + "," + person.get("name") + ",2026-10-08,inpatient,12000.50,9000,3000.50,1500";
        String badNumber = "522324199001011234,王错号,2026-10-08,inpatient,500,400,100,50";
        String badKind = person.get("id_number") + "," + person.get("name") + ",2026-10-09,spa,500,400,100,50";
        Path csv = Files.createTempFile(Path.of("target"), "settlements-", ".csv");
        Files.writeString(csv, String.join("\n", header, valid, badNumber, badKind) + "\n", StandardCharsets.UTF_8);

        signIn("officer");
        browser.open("/exchange", "upload-form");
        new Select(browser.find("#category")).selectByValue("medical_settlement");
        browser.find("#file").sendKeys(csv.toAbsolutePath().toString());
        browser.click("form[enctype] button[type=submit]");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().matches(".*/exchange/batches/\\d+$"));
        browser.shot("batch-report");
        long batch = Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*/", ""));
        assertThat(number("select rows_accepted from exchange_batch where id = ?", batch)).isEqualTo(1);
        assertThat(number("select rows_rejected from exchange_batch where id = ?", batch)).isEqualTo(2);
        assertThat(browser.text()).contains("check digit").contains("spa");

        Path download = Browser.DOWNLOADS.resolve("batch-" + batch + "-rejected.csv");
        Files.deleteIfExists(download);
        browser.click("a[href$='/rejected.csv']");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> Files.exists(download));
        List<String> lines = Files.readAllLines(download, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("id_number").contains("错误原因");
        assertThat(lines.get(1)).contains("王错号");
        assertThat(lines.get(2)).contains("spa");
    }
}
