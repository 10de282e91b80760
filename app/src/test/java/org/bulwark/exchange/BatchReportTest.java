package org.bulwark.exchange;

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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.identity.UserAccounts;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.registry.Person;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What an officer reads of a batch (issue 14, items 1–4): Chinese reasons naming the template's columns, choices typed
 * as Chinese words, a rejected-rows file that goes back as it is once corrected, an honest state in the list, and each
 * department's officer seeing its own batches only.
 */
@DatabaseTest
class BatchReportTest {

    static final String HEADER = DepartmentDataImportTest.HEADER;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    BulwarkUser officer;
    Person head;

    @BeforeEach
    void setUp() {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        HouseholdFile household = fixtures.household(cadre, TestFixtures.VILLAGE_A);
        head = household.head().orElseThrow();
        officer = officer("medical_security");
    }

    private BulwarkUser officer(String department) {
        BulwarkUser account = fixtures.user(Role.DEPARTMENT_OFFICER, TestFixtures.COUNTY);
        accounts.assignDepartment(account.getUsername(), department);
        return accounts.find(account.getUsername()).orElseThrow();
    }

    private String row(String name, String date, String kind, String outOfPocket) {
        return head.idNumber() + "," + name + "," + date + "," + kind + ",20000,10000," + outOfPocket + ",3000\n";
    }

    private long upload(BulwarkUser uploader, String fileName, byte[] content) throws Exception {
        String location = mvc.perform(multipart("/exchange")
                        .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                        .param("category", "medical_settlement")
                        .with(user(uploader))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/exchange/batches/");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private Batch batch(long id) {
        return jdbc.sql("select * from exchange_batch where id = :id")
                .param("id", id)
                .query(Batches.BATCH)
                .single();
    }

    private String page(BulwarkUser reader, String path) throws Exception {
        return mvc.perform(get(path).with(user(reader)).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void choicesTakeTheChineseWordsAndStoreTheCode() throws Exception {
        long id = upload(
                officer,
                "words.csv",
                (HEADER
                                + row(head.name(), "2025-03-01", "住院", "10")
                                + row(head.name(), "2025-03-02", "门诊特殊病", "11")
                                + row(head.name(), "2025-03-03", "outpatient", "12")
                                + row(head.name(), "2025-03-04", "急诊", "13"))
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(batch(id).rowsAccepted()).isEqualTo(3);
        assertThat(jdbc.sql(
                                "select fields::json->>'kind' from department_record where batch_id = :b order by source_row")
                        .param("b", id)
                        .query(String.class)
                        .list())
                .containsExactly("inpatient", "special_outpatient", "outpatient");
        assertThat(page(officer, "/exchange/batches/" + id))
                .contains("就诊类型：“急诊”不是可填的值，应为：住院、门诊、门诊特殊病")
                .as("the row's first cells, in the file's order, say which row it is")
                .contains(head.idNumber() + " · " + head.name() + " · 2025-03-04");
    }

    @Test
    void theRejectedRowsCsvGoesBackAsItIsAndTheCorrectedRowIsStored() throws Exception {
        long first = upload(
                officer,
                "first.csv",
                (HEADER
                                + row(head.name(), "2025-04-01", "住院", "100")
                                + row(head.name(), "2025-04-02", "门诊", "-5")
                                + row(head.name(), "2025-04-03", "门诊", "abc"))
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(batch(first).rowsRejected()).isEqualTo(2);
        var download = mvc.perform(
                        get("/exchange/batches/" + first + "/rejected.csv").with(user(officer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(download.getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"batch-" + first
                        + "-rejected.csv\"; filename*=UTF-8''%E6%89%B9%E6%AC%A1" + first
                        + "-%E9%80%80%E5%9B%9E%E7%9A%84%E8%A1%8C.csv");
        String rejected = download.getContentAsString(StandardCharsets.UTF_8);
        assertThat(rejected).startsWith("\uFEFF原行号,身份证号,").contains(",错误原因\r\n").contains("个人自付费用：-5 小于允许的最小值 0");

        // the officer corrects one amount and sends the file back with the two added columns still in it
        long second =
                upload(officer, "fixed.csv", rejected.replace(",-5,", ",5,").getBytes(StandardCharsets.UTF_8));

        Batch fixed = batch(second);
        assertThat(fixed.status()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(fixed.rowsTotal()).isEqualTo(2);
        assertThat(fixed.rowsAccepted()).isEqualTo(1);
        assertThat(fixed.rowsRejected()).isEqualTo(1);
        assertThat(jdbc.sql(
                                "select count(*) from department_record where batch_id = :b and (fields::json->>'out_of_pocket')"
                                        + "::numeric = 5")
                        .param("b", second)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // its own rejected-rows file has the added columns once, not twice
        String again = mvc.perform(
                        get("/exchange/batches/" + second + "/rejected.csv").with(user(officer)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(again.lines().findFirst().orElseThrow()).isEqualTo("\uFEFF" + "原行号," + HEADER.strip() + ",错误原因");
    }

    @Test
    void theRejectedRowsWorkbookGoesBackAsItIsAndTheCorrectedRowIsStored() throws Exception {
        long first = upload(
                officer,
                "first.csv",
                (HEADER
                                + row("别人的名字", "2025-05-01", "住院", "100")
                                + row(head.name(), "2025-05-02", "门诊", "\"1,200.50\""))
                        .getBytes(StandardCharsets.UTF_8));
        byte[] workbook = mvc.perform(
                        get("/exchange/batches/" + first + "/rejected.xlsx").with(user(officer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        ByteArrayOutputStream fixed = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("原行号");
            Row thousands = sheet.getRow(2);
            assertThat(thousands.getCell(9).getStringCellValue()).contains("个人自付费用：“1,200.50”带有千位分隔符");
            // the amount, column 7 after 原行号; a new cell, as Excel writes an edited one (POI would keep the old
            // inline string of the streamed workbook beside the new value)
            thousands.removeCell(thousands.getCell(7));
            thousands.createCell(7).setCellValue("1200.50");
            book.write(fixed);
        }

        long second = upload(officer, "fixed.xlsx", fixed.toByteArray());

        assertThat(batch(second).rowsAccepted()).isEqualTo(1);
        assertThat(batch(second).rowsRejected()).isEqualTo(1);
        assertThat(page(officer, "/exchange/batches/" + second)).contains("姓名：“别人的名字”与档案中这个身份证号登记的姓名不一致");
    }

    @Test
    void jsonRowsMayCarryTheAddedKeysToo() throws Exception {
        String json = "{\"rows\":[{\"原行号\":\"3\",\"id_number\":\"" + head.idNumber() + "\",\"name\":\"" + head.name()
                + "\",\"settle_date\":\"2025-06-06\",\"kind\":\"门诊\",\"total_cost\":1000,\"fund_paid\":500,"
                + "\"out_of_pocket\":500,\"in_scope_out_of_pocket\":400,\"错误原因\":\"个人自付费用：…\"}]}";
        mvc.perform(post("/api/v1/exchange/medical_settlement/rows")
                        .with(httpBasic(officer.getUsername(), TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.rowsAccepted").value(1));
    }

    @Test
    void theListNamesCategoriesInChineseAndShowsAPartlyStoredBatchAsSuch() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER).append(row(head.name(), "2025-07-01", "住院", "100"));
        for (int i = 0; i < 3; i++) {
            csv.append(row(head.name(), "2025-07-0" + (i + 2), "住院", "-1"));
        }
        long id = upload(officer, "mostly-wrong.csv", csv.toString().getBytes(StandardCharsets.UTF_8));

        String list = page(officer, "/exchange");
        assertThat(list)
                .contains("医疗费用结算")
                .doesNotContain(">medical_settlement<")
                .doesNotContain("(medical_settlement)");
        assertThat(list).contains("batch-refused").contains("部分入库（退回 3/4 行）");
        assertThat(page(officer, "/exchange/batches/" + id))
                .contains("部分入库（退回 3/4 行）")
                .contains("已入库 1 行，退回 3 行（占 75%）")
                .contains("医疗保障局 · 医疗费用结算");
        // English mode keeps working: names and states from messages_en (the stored reasons stay Chinese)
        String english = mvc.perform(get("/exchange").param("lang", "en").with(user(officer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(english).contains("Medical cost settlement").contains("Partly stored (3/4 rows rejected)");
    }

    @Test
    void anOfficerSeesOnlyTheirDepartmentsBatchesAndTheCountySeesAll() throws Exception {
        long own = upload(
                officer,
                "own.csv",
                (HEADER + row(head.name(), "2025-08-01", "住院", "1")).getBytes(StandardCharsets.UTF_8));
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        String deaths = "身份证号,姓名,死亡日期\n" + TestFixtures.newIdNumber() + ",未登记,2025-01-01\n";
        long other = Long.parseLong(mvc.perform(multipart("/api/v1/exchange/death_record/files")
                        .file(new MockMultipartFile(
                                "file", "deaths.csv", "text/csv", deaths.getBytes(StandardCharsets.UTF_8)))
                        .with(httpBasic(county.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString()
                .replaceAll(".*?\"id\":(\\d+).*", "$1"));

        assertThat(page(officer, "/exchange"))
                .contains("/exchange/batches/" + own + "\"")
                .doesNotContain("/exchange/batches/" + other + "\"");
        assertThat(mvc.perform(get("/api/v1/exchange/batches")
                                .with(httpBasic(officer.getUsername(), TestFixtures.PASSWORD)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("\"id\":" + own + ",")
                .doesNotContain("\"id\":" + other + ",");
        mvc.perform(get("/exchange/batches/" + other).with(user(officer))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/exchange/batches/" + other)
                        .with(httpBasic(officer.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("该记录不存在，或不在您的管辖范围内。"));
        assertThat(page(county, "/exchange"))
                .contains("/exchange/batches/" + own + "\"")
                .contains("/exchange/batches/" + other + "\"")
                .contains("死亡人员户籍注销");
    }

    @Test
    void aRefusedUploadAndAWholeFileRefusedReadInChineseOnThePageAndInTheApi() throws Exception {
        mvc.perform(multipart("/api/v1/exchange/death_record/files")
                        .file(new MockMultipartFile(
                                "file", "d.csv", "text/csv", HEADER.getBytes(StandardCharsets.UTF_8)))
                        .with(httpBasic(officer.getUsername(), TestFixtures.PASSWORD))
                        .locale(Locale.SIMPLIFIED_CHINESE)
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("输入有误"))
                .andExpect(jsonPath("$.detail").value("数据类别：这个数据类别属于其他部门，您不能上传"))
                .andExpect(jsonPath("$.errors[0].message").value("这个数据类别属于其他部门，您不能上传"));
        long refused = upload(officer, "cols.csv", "身份证号,姓名,颜色\n1,2,3\n".getBytes(StandardCharsets.UTF_8));
        String report = page(officer, "/exchange/batches/" + refused);
        assertThat(report)
                .contains("文件被退回")
                .contains("缺少必填列“结算日期”")
                .contains("列“颜色”不是“医疗费用结算”模板中的列")
                .doesNotContain("wrong columns");
        mvc.perform(get("/api/v1/exchange/batches/" + refused)
                        .with(httpBasic(officer.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(jsonPath("$.statusReason").value(Matchers.startsWith("文件的列与“医疗费用结算”模板不符")));
    }

    @Test
    void theStateFollowsTheShareOfRowsRefused() {
        assertThat(batchOf(BatchStatus.ACCEPTED, 10, 10, 0).state()).isEqualTo(BatchState.STORED);
        assertThat(batchOf(BatchStatus.ACCEPTED, 10, 10, 0).tone()).isEqualTo("stored");
        assertThat(batchOf(BatchStatus.ACCEPTED, 100, 95, 5).tone()).isEqualTo("few");
        assertThat(batchOf(BatchStatus.ACCEPTED, 100, 70, 30).tone()).isEqualTo("many");
        Batch mostlyRefused = batchOf(BatchStatus.ACCEPTED, 100, 40, 60);
        assertThat(mostlyRefused.state()).isEqualTo(BatchState.PARTLY_STORED);
        assertThat(mostlyRefused.tone()).isEqualTo("refused");
        assertThat(batchOf(BatchStatus.ACCEPTED, 1000, 999, 1).refusedPercent()).isEqualTo(1);
        assertThat(batchOf(BatchStatus.ACCEPTED, 7, 0, 7).state()).isEqualTo(BatchState.ALL_REFUSED);
        assertThat(batchOf(BatchStatus.REJECTED, 7, 0, 2).state()).isEqualTo(BatchState.BATCH_REFUSED);
        assertThat(batchOf(BatchStatus.REJECTED, 0, 0, 0).state()).isEqualTo(BatchState.FILE_REFUSED);
        assertThat(batchOf(BatchStatus.DUPLICATE, 0, 0, 0).tone()).isEqualTo("duplicate");
    }

    private static Batch batchOf(BatchStatus status, int total, int accepted, int rejected) {
        return new Batch(
                1,
                "medical_settlement",
                "medical_security",
                "f.csv",
                FileFormat.CSV,
                "u",
                Instant.now(),
                TestFixtures.COUNTY,
                status,
                null,
                total,
                accepted,
                rejected,
                0,
                0,
                1);
    }
}
