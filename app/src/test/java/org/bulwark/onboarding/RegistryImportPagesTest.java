package org.bulwark.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.core.identity.Sex;
import org.bulwark.core.region.RegionCode;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.registry.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The registry import page in the background: the upload answers at once with a page that shows the phase and the
 * rows read while the job runs, then the preview; the commit likewise. The rows refused come back as a file in the
 * upload's columns that, fixed, uploads again as it is.
 */
@DatabaseTest
class RegistryImportPagesTest {

    /** How long a job of a few rows may take on a busy machine before the test gives up waiting (not a timing). */
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Registry registry;

    @Autowired
    Regions regions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    BulwarkUser county;
    Region village;

    @BeforeEach
    void setUp() {
        county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        List<Region> villages = regions.villagesUnder("522324102", 10);
        village = villages.get(ThreadLocalRandom.current().nextInt(villages.size()));
    }

    @Test
    void theCommitShowsItsPhaseAndRowsWhileItWaitsThenItsResult() throws Exception {
        String h = number();
        String job = upload(
                county,
                "户籍成员.csv",
                csv(List.of(
                        row(h, village.code(), id(40, Sex.MALE), "户主", "健康", "无"),
                        row(h, village.code(), id(38, Sex.FEMALE), "配偶", "健康", "无"))));
        String preview = finished(county, job);
        assertThat(preview).contains("导入预览（尚未存入）").contains("确认导入").contains(h);

        // the commit takes the county's import lock first: held here, the job waits in 比对 with its transaction
        // not yet begun writing, and the page shows where it is
        String lockKey = "registry_import:" + RegionCode.parse("522324").value();
        try (Connection holder = dataSource.getConnection()) {
            holder.createStatement().execute("select pg_advisory_lock(hashtext('" + lockKey + "'))");
            mvc.perform(post("/registry-imports/jobs/{id}/commit", job)
                            .with(user(county))
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
            String page = page(county, "/registry-imports/jobs/" + job);
            assertThat(page)
                    .contains("正在存入")
                    .contains("已读取 2 行")
                    .contains("hx-trigger=\"every 1s\"")
                    .containsPattern("aria-current=\"step\">\\s*<span[^>]*></span>\\s*<span>比对</span>");
            MockHttpServletResponse fragment = fragment(county, job);
            assertThat(fragment.getHeader("HX-Redirect")).isNull();
            assertThat(fragment.getContentAsString(StandardCharsets.UTF_8))
                    .contains("比对")
                    .doesNotContain("<html");
            // a second click while it runs starts nothing more
            mvc.perform(post("/registry-imports/jobs/{id}/commit", job)
                            .with(user(county))
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
            assertThatThrownBy(() -> file(h)).isInstanceOf(RuntimeException.class);
            holder.createStatement().execute("select pg_advisory_unlock(hashtext('" + lockKey + "'))");
        }
        String done = finished(county, job);
        assertThat(done).contains("导入完成").contains("已存入，导入编号");
        assertThat(file(h).members()).hasSize(2);
        assertThat(jdbc.sql("select count(*) from registry_import_household l join household x "
                                + "on x.id = l.household_id where x.household_number = :h")
                        .param("h", h)
                        .query(Long.class)
                        .single())
                .as("stored once")
                .isEqualTo(1);
    }

    @Test
    void aFileThatCannotBeReadShowsTheFormWithItsReason() throws Exception {
        String job = upload(county, "户籍成员.csv", "姓名,别的列\n张三,x\n".getBytes(StandardCharsets.UTF_8));
        String page = finished(county, job);
        assertThat(page).contains("id=\"upload-error\"").contains("既不是“户籍成员”模板");
        BulwarkUser other = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        mvc.perform(get("/registry-imports/jobs/{id}", job).with(user(other))).andExpect(status().isNotFound());
    }

    @Test
    void refusedRowsDownloadInTheUploadsColumnsAndImportOnceFixed() throws Exception {
        String good = number();
        String badVillage = number();
        String badId = number();
        String wrongId = "522324198001010000";
        String fixedId = id(45, Sex.MALE);
        String headOfBad = id(50, Sex.MALE);
        String upload = new String(
                csv(List.of(
                        row(good, village.code(), id(60, Sex.MALE), "户主", "健康", "无"),
                        row(badVillage, "522324999999", headOfBad, "户主", "残疾", "二级残疾"),
                        row(badVillage, village.code(), id(48, Sex.FEMALE), "配偶", "健康", "无"),
                        row(badId, village.code(), wrongId, "户主", "健康", "无"))),
                StandardCharsets.UTF_8);
        String job = upload(county, "乡镇户籍.csv", upload.getBytes(StandardCharsets.UTF_8));
        String preview = finished(county, job);
        assertThat(preview).contains("下载未导入的行（3 行）");

        MockHttpServletResponse download = mvc.perform(
                        get("/registry-imports/jobs/{id}/refused.csv", job).with(user(county)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(download.getHeader("Content-Disposition")).contains("filename*=UTF-8''");
        String refused = download.getContentAsString(StandardCharsets.UTF_8);
        List<String> lines = refused.lines().toList();
        assertThat(lines.get(0)).isEqualTo("\ufeff原行号," + RegistryImportTest.HEADER + ",错误原因");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1))
                .startsWith("3," + badVillage + ",522324999999,")
                .contains("残疾,二级残疾")
                .endsWith(",村代码：没有代码为 522324999999 的村");
        assertThat(lines.get(2)).startsWith("4," + badVillage + ",").endsWith("的成员中没有户主");
        assertThat(lines.get(3)).startsWith("5," + badId + ",").contains(",身份证号：");
        assertThat(refused).doesNotContain(good);

        // fixed in place and sent back as it is, with 原行号 and 错误原因 still there
        String fixed = refused.replace("522324999999", village.code()).replace(wrongId, fixedId);
        String again = upload(county, "未导入的行-乡镇户籍.csv", fixed.getBytes(StandardCharsets.UTF_8));
        String secondPreview = finished(county, again);
        assertThat(secondPreview).contains("导入预览（尚未存入）").doesNotContain("下载未导入的行");
        mvc.perform(post("/registry-imports/jobs/{id}/commit", again)
                        .with(user(county))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(finished(county, again)).contains("导入完成");
        assertThat(file(badVillage).members()).hasSize(2);
        assertThat(file(badId).members()).extracting(p -> p.idNumber()).containsExactly(fixedId);
        assertThatThrownBy(() -> file(good))
                .as("the first file was not committed")
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void anImporterWhoMayNotReadHealthGetsTheRefusedRowsWithoutIt() throws Exception {
        BulwarkUser province = fixtures.user(Role.PROVINCE_ADMIN, "520000000000");
        String disabled = number();
        String noGrade = number();
        byte[] file = csv(List.of(
                row(disabled, "522324999999", id(52, Sex.MALE), "户主", "残疾", "二级残疾"),
                row(noGrade, village.code(), id(53, Sex.MALE), "户主", "残疾", "无")));
        String job = upload(province, "户籍成员.csv", file);
        assertThat(finished(province, job)).contains("下载未导入的行（2 行）");

        byte[] xlsx = mvc.perform(
                        get("/registry-imports/jobs/{id}/refused.xlsx", job).with(user(province)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        List<List<String>> sheet = cells(xlsx);
        List<String> header = sheet.get(0);
        int health = header.indexOf("健康状况");
        int disability = header.indexOf("残疾等级");
        assertThat(header.get(0)).isEqualTo("原行号");
        assertThat(header.get(header.size() - 1)).isEqualTo("错误原因");
        assertThat(sheet).hasSize(3);
        assertThat(sheet.subList(1, 3)).allSatisfy(r -> {
            assertThat(r.get(health)).isEqualTo(RefusedRowsFiles.WITHHELD);
            assertThat(r.get(disability)).isEqualTo(RefusedRowsFiles.WITHHELD);
        });
        assertThat(sheet.toString()).doesNotContain("二级残疾");
        assertThat(sheet.get(1).get(header.size() - 1)).isEqualTo("村代码：没有代码为 522324999999 的村");
        assertThat(sheet.get(2).get(header.size() - 1)).isEqualTo("残疾等级：填写有误（无权查看其值）");

        // sent back as it is, the withheld cells are refused, never stored as blanks
        String again = upload(province, "未导入的行.xlsx", xlsx);
        String preview = finished(province, again);
        assertThat(preview).contains("健康状况：").contains("下载未导入的行（2 行）");
    }

    // ---- helpers

    private String upload(BulwarkUser as, String name, byte[] bytes) throws Exception {
        String location = mvc.perform(multipart("/registry-imports")
                        .file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
                        .param("county", "522324")
                        .with(user(as))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/registry-imports/jobs/");
        return location.substring("/registry-imports/jobs/".length());
    }

    /** Polls the progress as the page does until it sends the browser on, then reads the job's page. */
    private String finished(BulwarkUser as, String job) throws Exception {
        return finished(mvc, as, job);
    }

    static String finished(MockMvc mvc, BulwarkUser as, String job) throws Exception {
        Instant limit = Instant.now().plus(PATIENCE);
        while (fragment(mvc, as, job).getHeader("HX-Redirect") == null) {
            assertThat(Instant.now()).as("job " + job + " finished").isBefore(limit);
            Thread.sleep(50);
        }
        assertThat(fragment(mvc, as, job).getHeader("HX-Redirect")).isEqualTo("/registry-imports/jobs/" + job);
        return mvc.perform(get("/registry-imports/jobs/" + job).with(user(as)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse fragment(BulwarkUser as, String job) throws Exception {
        return fragment(mvc, as, job);
    }

    private static MockHttpServletResponse fragment(MockMvc mvc, BulwarkUser as, String job) throws Exception {
        return mvc.perform(get("/registry-imports/jobs/{id}/progress", job).with(user(as)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
    }

    private String page(BulwarkUser as, String path) throws Exception {
        return mvc.perform(get(path).with(user(as)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private HouseholdFile file(String number) {
        return fixtures.as(county, () -> registry.fileByNumber(number));
    }

    private String number() {
        while (true) {
            String n = village.code() + (1000 + ThreadLocalRandom.current().nextInt(8999));
            Long taken = jdbc.sql("select count(*) from household where household_number = :n")
                    .param("n", n)
                    .query(Long.class)
                    .single();
            if (taken == 0) {
                return n;
            }
        }
    }

    private static String id(int yearsOld, Sex sex) {
        return TestFixtures.newIdNumber(LocalDate.of(2025 - yearsOld, 3, 1), sex);
    }

    private static byte[] csv(List<String> rows) {
        return (RegistryImportTest.HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String row(
            String household, String villageCode, String idNumber, String relation, String health, String grade) {
        return household + "," + villageCode + ",,,一般农户,,," + idNumber + ",测试" + relation + "," + relation + ",,小学,,"
                + health + "," + grade + ",普通劳动力,务农,,,是,是";
    }

    private static List<List<String>> cells(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            int width = sheet.getRow(0).getLastCellNum();
            for (Row r : sheet) {
                List<String> values = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                    Cell c = r.getCell(i);
                    values.add(c == null ? "" : format.formatCellValue(c));
                }
                rows.add(values);
            }
        }
        return rows;
    }
}
