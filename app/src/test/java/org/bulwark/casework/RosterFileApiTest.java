package org.bulwark.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.casework.RiskType;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.registry.HouseholdFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Roster files in every format a county sends, through the API: preview, commit, the template read back. */
@DatabaseTest
class RosterFileApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    BulwarkUser county;
    HouseholdFile household;
    String head;

    @BeforeEach
    void setUp() {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        household = fixtures.household(cadre, TestFixtures.VILLAGE_A);
        head = household.head().orElseThrow().idNumber();
    }

    String csvText() {
        return "户主身份证号,监测类型,识别日期,风险类型,帮扶责任人,帮扶责任人电话,风险是否消除,风险消除日期,是否自然消除\n" + head
                + ",突发严重困难户,2023年4月1日,因灾、因意外事故,李四,139-0000-2222,是,2024/1/5,是\n";
    }

    @Test
    void gbkAndBomCsvAndJsonWithChineseWordsReadAlike() throws Exception {
        Charset gbk = Charset.forName("GBK");
        List<RosterRead> reads = List.of(
                RosterFile.read(new ByteArrayInputStream(csvText().getBytes(gbk)), "名单.csv"),
                RosterFile.read(
                        new ByteArrayInputStream(("\uFEFF" + csvText()).getBytes(StandardCharsets.UTF_8)), "名单.csv"),
                RosterFile.read(
                        new ByteArrayInputStream(("[{\"户主身份证号\":\"" + head + "\",\"监测类型\":\"突发严重困难户\","
                                        + "\"识别日期\":\"2023-04-01\",\"风险类型\":\"因灾、因意外事故\",\"帮扶责任人\":\"李四\","
                                        + "\"帮扶责任人电话\":\"13900002222\",\"风险是否消除\":\"是\","
                                        + "\"风险消除日期\":\"2024-01-05\",\"是否自然消除\":\"是\"}]")
                                .getBytes(StandardCharsets.UTF_8)),
                        "名单.json"));
        for (RosterRead read : reads) {
            assertThat(read.problems()).isEmpty();
            RosterRow row = read.rows().get(0);
            assertThat(row.headIdNumber()).isEqualTo(head);
            assertThat(row.type()).isEqualTo(MonitoringType.SUDDEN_HARDSHIP);
            assertThat(row.identifiedOn()).isEqualTo(LocalDate.of(2023, 4, 1));
            assertThat(row.risks()).containsExactly(RiskType.NATURAL_DISASTER, RiskType.ACCIDENT);
            assertThat(row.eliminatedOn()).isEqualTo(LocalDate.of(2024, 1, 5));
            assertThat(row.naturally()).isTrue();
        }
    }

    @Test
    void theTemplateReadsBackAndAFilledOneIsPreviewedThenCommittedThroughTheApi() throws Exception {
        byte[] template = mvc.perform(get("/api/v1/casework/roster/template.xlsx")
                        .with(httpBasic(county.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        byte[] filled;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            List<String> headers = RosterFile.headers();
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("户编号");
            Row row = sheet.createRow(1);
            row.createCell(headers.indexOf("户编号"))
                    .setCellValue(household.household().householdNumber());
            row.createCell(headers.indexOf("监测类型")).setCellValue("边缘易致贫户");
            row.createCell(headers.indexOf("识别日期")).setCellValue("2024-05-06");
            row.createCell(headers.indexOf("风险类型1")).setCellValue("因就业");
            row.createCell(headers.indexOf("风险类型2")).setCellValue("饮水安全");
            row.createCell(headers.indexOf("措施1类别")).setCellValue("就业帮扶");
            row.createCell(headers.indexOf("措施1责任部门")).setCellValue("县人社局");
            row.createCell(headers.indexOf("措施1开始日期")).setCellValue("2024-05-10");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            filled = out.toByteArray();
        }
        MockMultipartFile file = new MockMultipartFile("file", "名单.xlsx", RosterFileApiTestTypes.XLSX, filled);
        mvc.perform(multipart("/api/v1/casework/roster/preview")
                        .file(file)
                        .with(httpBasic(county.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.households[0].outcome").value("NEW"))
                .andExpect(jsonPath("$.importId").doesNotExist());
        long id = household.household().id();
        assertThat(jdbc.sql("select count(*) from monitoring where household_id = :h")
                        .param("h", id)
                        .query(Integer.class)
                        .single())
                .isZero();
        mvc.perform(multipart("/api/v1/casework/roster/commit")
                        .file(file)
                        .with(httpBasic(county.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.households[0].outcome").value("NEW"))
                .andExpect(jsonPath("$.importId").isNumber());
        assertThat(jdbc.sql("select risk_types from monitoring where household_id = :h")
                        .param("h", id)
                        .query(String.class)
                        .single())
                .isEqualTo("UNSTABLE_EMPLOYMENT,OTHER");
        // a file without the columns is refused as a whole, in Chinese
        mvc.perform(multipart("/api/v1/casework/roster/preview")
                        .file(new MockMultipartFile(
                                "file", "x.csv", "text/csv", "姓名,电话\n张三,1\n".getBytes(StandardCharsets.UTF_8)))
                        .with(httpBasic(county.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isUnprocessableEntity());
    }

    @Test
    void aDepartmentTooLongForThePlanIsRefusedNamingItsColumn() throws Exception {
        String text = "户编号,监测类型,识别日期,风险类型,措施1类别,措施1责任部门,措施1开始日期\n"
                + household.household().householdNumber() + ",边缘易致贫户,2024-05-06,因病,健康帮扶," + "部".repeat(65)
                + ",2024-05-07\n";
        RosterRead read = RosterFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "名单.csv");
        assertThat(read.problems()).extracting(RosterProblem::text).containsExactly("第 2 行 措施1责任部门：超过 64 个字");
    }

    @Test
    void theCountyUploadsReadsThePreviewInChineseAndConfirms() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String bad = "户编号,监测类型,识别日期,风险类型\n"
                + household.household().householdNumber() + ",边缘易致贫户,2024-05-06,因病\n"
                + "5223249999999999,边缘易致贫户,2024-05-06,因病\n";
        String preview = mvc.perform(multipart("/casework/roster")
                        .file(new MockMultipartFile("file", "名单.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
                        .session(session)
                        .with(user(county))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(preview)
                .contains("新增", "拒收", "第 3 行 户编号：" + RosterMatcher.NOT_FOUND, "确认导入")
                .doesNotContain("REFUSED", "NEW");
        long id = household.household().id();
        String sha = preview.replaceAll("(?s).*name=\"sha256\" value=\"([0-9a-f]{64})\".*", "$1");
        String done = mvc.perform(post("/casework/roster/confirm")
                        .param("sha256", sha)
                        .session(session)
                        .with(user(county))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(done).contains("已导入：新增 1 户");
        assertThat(jdbc.sql("select count(*) from monitoring where household_id = :h")
                        .param("h", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        // a village cadre may not import a roster
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        mvc.perform(get("/casework/roster").with(user(cadre))).andExpect(status().isForbidden());
    }

    /** The spreadsheet's media type. */
    static final class RosterFileApiTestTypes {
        static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }
}
