package org.bulwark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.bulwark.core.identity.IdentityNumber;
import org.bulwark.core.identity.Sex;
import org.bulwark.core.region.RegionCode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The county official uploads a members file with one good household and one refused row, follows the preview being
 * made, reads it in Chinese with the refused row offered as a file, and confirms, watching the commit's progress; the
 * household is then in the registry, the refused one is not.
 */
class RegistryImportBrowserTest extends BrowserTest {

    @Autowired
    DataSource dataSource;

    private static final String HEADER =
            "户编号,村代码,乡镇,村名,户类别,住址,联系电话,身份证号,姓名,与户主关系,性别,文化程度,在校情况,健康状况,残疾等级,劳动能力,务工状况,务工地点,务工时间（月）,参加基本医疗保险,参加基本养老保险";

    @Test
    void countyPreviewsAMembersFileAndConfirmsIt() throws Exception {
        String good = BAOJIA + "9871";
        String refused = BAOJIA + "9872";
        String head = IdentityNumber.compose("110101", LocalDate.of(1971, 5, 4), 771, Sex.MALE)
                .value();
        String wife = IdentityNumber.compose("110101", LocalDate.of(1973, 8, 9), 772, Sex.FEMALE)
                .value();
        String lone = IdentityNumber.compose("110101", LocalDate.of(1980, 1, 2), 773, Sex.MALE)
                .value();
        Path csv = Files.createTempFile(Path.of("target"), "members-", ".csv");
        Files.writeString(
                csv,
                String.join(
                                "\n",
                                HEADER,
                                good + ",,沙子镇,保家村,脱贫户,三组8号,13800002222," + head
                                        + ",周建国,户主,男,初中,非在校年龄,健康,无,普通劳动力,省外务工,,10,是,是",
                                good + ",,沙子镇,保家村,脱贫户,三组8号,13800002222," + wife + ",吴桂兰,妻子,女,小学,,长期慢性病,无,弱劳动力,务农,,,是,是",
                                refused + ",522324101209,,,一般农户,,," + lone + ",郑光明,儿子,男,博士,,健康,无,普通劳动力,务农,,,是,否")
                        + "\n",
                StandardCharsets.UTF_8);

        signIn("county");
        browser.open("/registry-imports", "upload-form");
        assertThat(browser.text()).contains("户籍导入").contains("户籍成员").contains("Excel 模板（含下拉选项）");
        browser.find("#file").sendKeys(csv.toAbsolutePath().toString());
        browser.click("form[enctype] button[type=submit]");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> d.getPageSource().contains("导入预览"));
        browser.shot("preview");
        assertThat(browser.text())
                .contains("导入预览（尚未存入）")
                .contains("周建国")
                .contains("文化程度：“博士”不是可填的值")
                .doesNotContain(head)
                .doesNotContain("MEMBERS")
                .doesNotContain("FORMERLY_POOR");
        assertThat(number("select count(*) from household where household_number = ?", good))
                .isZero();

        assertThat(browser.text()).contains("下载未导入的行（1 行）");
        assertThat(browser.find("#refused-file a").getAttribute("href")).contains("/refused.xlsx");

        // held at the county's import lock, the commit shows its progress; released, the page moves on by itself
        String lock = "select pg_advisory_lock(hashtext('registry_import:"
                + RegionCode.parse("522324").value() + "'))";
        try (Connection holder = dataSource.getConnection()) {
            holder.createStatement().execute(lock);
            browser.click("#confirm-import");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(d -> d.getPageSource().contains("import-progress"));
            browser.shot("progress");
            assertThat(browser.text()).contains("正在存入").contains("比对").contains("已读取 3 行");
            holder.createStatement().execute(lock.replace("pg_advisory_lock", "pg_advisory_unlock"));
        }
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> d.getPageSource().contains("导入完成"));
        browser.shot("done");
        assertThat(number(
                        "select count(*) from person p join household h on h.id = p.household_id "
                                + "where h.household_number = ?",
                        good))
                .isEqualTo(2);
        assertThat(number("select count(*) from household where household_number = ?", refused))
                .isZero();
    }

    @Test
    void countySeesTheExportOfItsRegistryBesideTheImport() {
        signIn("county");
        browser.open("/registry-imports", "export");
        assertThat(browser.text())
                .contains("导出本辖区户籍")
                .contains("户籍成员（Excel）")
                .contains("家庭收入（CSV）")
                .contains("原样再导入不会改变任何数据");
        assertThat(browser.find("#registry-export a").getAttribute("href"))
                .contains("/registry-imports/export/members.xlsx?county=522324");
    }
}
