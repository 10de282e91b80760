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

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.core.identity.Sex;
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
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/**
 * Department batches through the page and the API: row-by-row checks with reasons, matching to the registry,
 * provenance, idempotence, all-or-nothing, encodings and formats, and the bad inputs of the exchange issue.
 */
@DatabaseTest
class DepartmentDataImportTest {

    static final String HEADER = "身份证号,姓名,结算日期,就诊类型,医疗总费用,基金支付（基本医保+大病保险+医疗救助）,个人自付费用,政策范围内个人自付\n";

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
        officer = fixtures.user(Role.DEPARTMENT_OFFICER, TestFixtures.COUNTY);
        accounts.assignDepartment(officer.getUsername(), "medical_security");
        officer = accounts.find(officer.getUsername()).orElseThrow();
    }

    private String row(String idNumber, String name, String date, String outOfPocket) {
        return idNumber + "," + name + "," + date + ",inpatient,20000," + "10000," + outOfPocket + ",3000\n";
    }

    private long records(long batch) {
        return jdbc.sql("select count(*) from department_record where batch_id = :b")
                .param("b", batch)
                .query(Long.class)
                .single();
    }

    private long batchOf(String location) {
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private String upload(String fileName, byte[] content, boolean allOrNothing) throws Exception {
        return mvc.perform(multipart("/exchange")
                        .file(new MockMultipartFile("file", fileName, "text/csv", content))
                        .param("category", "medical_settlement")
                        .param("allOrNothing", String.valueOf(allOrNothing))
                        .with(user(officer))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
    }

    @Test
    void aCsvUploadStoresValidRowsWithProvenanceAndListsRejectedRowsWithReasons() throws Exception {
        String unregistered = TestFixtures.newIdNumber(LocalDate.of(1960, 5, 5), Sex.FEMALE);
        String wrongCheck = head.idNumber().substring(0, 17) + (head.idNumber().charAt(17) == '1' ? '2' : '1');
        String csv = HEADER
                + row(head.idNumber(), head.name(), "2025-03-18", "9500.50")
                + row(unregistered, "未登记人", "2025-04-01", "30000")
                + row(head.idNumber(), "别人的名字", "2025-05-01", "100")
                + row(wrongCheck, head.name(), "2025-06-01", "100")
                + row(head.idNumber(), head.name(), "2025-07-01", "-5")
                + row(head.idNumber(), head.name(), "2025-03-18", "9500.50");
        String location = upload("settlements.csv", csv.getBytes(StandardCharsets.UTF_8), false);
        long batch = batchOf(location);
        String report = mvc.perform(get(location).with(user(officer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(report).as("no field code").doesNotContain("id_number").doesNotContain("out_of_pocket");
        assertThat(report)
                .contains("部分入库（退回 4/6 行）")
                .contains("姓名：“别人的名字”与档案中这个身份证号登记的姓名不一致")
                .contains("身份证号：校验位（最后一位）应为")
                .contains("个人自付费用：-5 小于允许的最小值 0")
                .contains("与本文件第 2 行完全相同");
        Batch stored = jdbc.sql("select * from exchange_batch where id = :id")
                .param("id", batch)
                .query(Batches.BATCH)
                .single();
        assertThat(stored.rowsTotal()).isEqualTo(6);
        assertThat(stored.rowsAccepted()).isEqualTo(2);
        assertThat(stored.rowsRejected()).isEqualTo(4);
        assertThat(stored.rowsUnmatched()).isEqualTo(1);
        assertThat(records(batch)).isEqualTo(2);
        var provenance = jdbc.sql(
                        "select source_row, household_id, person_id, region_code, amount from department_record "
                                + "where batch_id = :b order by source_row")
                .param("b", batch)
                .query()
                .listOfRows();
        assertThat(provenance.get(0).get("source_row")).isEqualTo(2);
        assertThat(provenance.get(0).get("person_id")).isEqualTo(head.id());
        assertThat(provenance.get(0).get("region_code")).isEqualTo(TestFixtures.VILLAGE_A);
        assertThat(provenance.get(1).get("household_id"))
                .as("not registered, kept")
                .isNull();

        String errors = mvc.perform(get(location + "/rejected.csv").with(user(officer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(errors.lines().toList()).hasSize(5);
        assertThat(errors.lines().findFirst().orElseThrow()).contains("身份证号").contains("错误原因");
        assertThat(errors).contains("别人的名字");
    }

    @Test
    void theSameFileSentTwiceAddsNothingTheSecondTime() throws Exception {
        byte[] csv = (HEADER + row(head.idNumber(), head.name(), "2025-02-02", "700")).getBytes(StandardCharsets.UTF_8);
        long first = batchOf(upload("a.csv", csv, false));
        long second = batchOf(upload("a-again.csv", csv, false));
        assertThat(records(first)).isEqualTo(1);
        assertThat(records(second)).isZero();
        assertThat(jdbc.sql("select status from exchange_batch where id = :id")
                        .param("id", second)
                        .query(String.class)
                        .single())
                .isEqualTo("DUPLICATE");
        // the same record inside a different file is not stored twice either
        byte[] other = (HEADER
                        + row(head.idNumber(), head.name(), "2025-02-02", "700.00")
                        + row(head.idNumber(), head.name(), "2025-02-03", "1"))
                .getBytes(StandardCharsets.UTF_8);
        long third = batchOf(upload("b.csv", other, false));
        assertThat(records(third)).isEqualTo(1);
        assertThat(jdbc.sql("select rows_repeated from exchange_batch where id = :id")
                        .param("id", third)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void allOrNothingStoresNothingWhenARowFails() throws Exception {
        byte[] csv = (HEADER
                        + row(head.idNumber(), head.name(), "2025-02-02", "700")
                        + row(head.idNumber(), head.name(), "2025-02-03", "abc"))
                .getBytes(StandardCharsets.UTF_8);
        long batch = batchOf(upload("c.csv", csv, true));
        assertThat(records(batch)).isZero();
        assertThat(jdbc.sql("select status from exchange_batch where id = :id")
                        .param("id", batch)
                        .query(String.class)
                        .single())
                .isEqualTo("REJECTED");
    }

    @Test
    void aGbkCsvFromADepartmentIsReadCorrectly() throws Exception {
        byte[] gbk = (HEADER + row(head.idNumber(), head.name(), "2025-03-03", "12")).getBytes(Charset.forName("GBK"));
        long batch = batchOf(upload("gbk.csv", gbk, false));
        assertThat(records(batch))
                .as("header and name decoded from GBK, name matched")
                .isEqualTo(1);
    }

    @Test
    void wrongColumnsEmptyFilesAndWrongFormatsAreRejectedWithAReason() throws Exception {
        long wrongColumns = batchOf(upload("cols.csv", "身份证号,姓名,颜色\n1,2,3\n".getBytes(StandardCharsets.UTF_8), false));
        String reason = jdbc.sql("select status_reason from exchange_batch where id = :id")
                .param("id", wrongColumns)
                .query(String.class)
                .single();
        assertThat(reason).contains("文件的列与“医疗费用结算”模板不符").contains("列“颜色”不是“医疗费用结算”模板中的列");
        assertThat(upload("empty.csv", new byte[0], false)).isEqualTo("/exchange");
        String emptyReport = mvc.perform(multipart("/api/v1/exchange/medical_settlement/files")
                        .file(new MockMultipartFile(
                                "file", "blank.csv", "text/csv", "\n\n".getBytes(StandardCharsets.UTF_8)))
                        .with(httpBasic(officer.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long empty = Long.parseLong(emptyReport.replaceAll(".*\"id\":(\\d+).*", "$1"));
        long batchesBefore = jdbc.sql("select count(*) from exchange_batch")
                .query(Long.class)
                .single();
        mvc.perform(multipart("/exchange")
                        .file(new MockMultipartFile("file", "x.pdf", "application/pdf", new byte[] {1}))
                        .param("category", "medical_settlement")
                        .with(user(officer))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(MockMvcResultMatchers.redirectedUrl("/exchange"))
                .andExpect(MockMvcResultMatchers.flash().attribute("uploadError", Matchers.containsString(".xlsx")));
        assertThat(jdbc.sql("select count(*) from exchange_batch")
                        .query(Long.class)
                        .single())
                .isEqualTo(batchesBefore);
        assertThat(records(wrongColumns) + records(empty)).isZero();
    }

    @Test
    void anExcelFileAndJsonRowsGoThroughTheApi() throws Exception {
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            var sheet = workbook.createSheet();
            String[] header = HEADER.strip().split(",");
            var h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            var r = sheet.createRow(1);
            r.createCell(0).setCellValue(head.idNumber());
            r.createCell(1).setCellValue(head.name());
            r.createCell(2).setCellValue("2025-08-08");
            r.createCell(3).setCellValue("outpatient");
            r.createCell(4).setCellValue(300);
            r.createCell(5).setCellValue(100);
            r.createCell(6).setCellValue(200);
            r.createCell(7).setCellValue(150.5);
            workbook.write(xlsx);
        }
        mvc.perform(multipart("/api/v1/exchange/medical_settlement/files")
                        .file(new MockMultipartFile("file", "s.xlsx", "application/octet-stream", xlsx.toByteArray()))
                        .with(httpBasic(officer.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.rowsAccepted").value(1));
        String json = "{\"rows\":[{\"id_number\":\"" + head.idNumber() + "\",\"name\":\"" + head.name() + "\","
                + "\"settle_date\":\"2025-09-09\",\"kind\":\"inpatient\",\"total_cost\":1000,\"fund_paid\":500,"
                + "\"out_of_pocket\":500,\"in_scope_out_of_pocket\":400},{\"id_number\":\"x\"}]}";
        String body = mvc.perform(post("/api/v1/exchange/medical_settlement/rows")
                        .with(httpBasic(officer.getUsername(), TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rowsAccepted").value(1))
                .andExpect(jsonPath("$.rowsRejected").value(1))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long batch = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
        mvc.perform(get("/api/v1/exchange/batches/{id}/rejected", batch)
                        .with(httpBasic(officer.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(jsonPath("$[0].rowNumber").value(2))
                .andExpect(jsonPath("$[0].reasons").value(Matchers.containsString("身份证号：应为18位")));
    }

    @Test
    void anUnknownCategoryAndAnotherDepartmentsCategoryAreRefused() throws Exception {
        mvc.perform(post("/api/v1/exchange/no_such_thing/rows")
                        .with(httpBasic(officer.getUsername(), TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rows\":[]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("unknown_category"));
        mvc.perform(post("/api/v1/exchange/death_record/rows")
                        .with(httpBasic(officer.getUsername(), TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rows\":[]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("other_department"));
    }

    @Test
    void aCategoryThePlatformProducesCannotBeUploadedNorChosenOnThePage() throws Exception {
        BulwarkUser agriculture = fixtures.user(Role.DEPARTMENT_OFFICER, TestFixtures.COUNTY);
        accounts.assignDepartment(agriculture.getUsername(), "agriculture_rural_affairs");
        long before = jdbc.sql("select count(*) from exchange_batch where category = 'industry_benefit'")
                .query(Long.class)
                .single();
        mvc.perform(post("/api/v1/exchange/industry_benefit/rows")
                        .with(httpBasic(agriculture.getUsername(), TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rows\":[{\"household_number\":\"5223241012090001\",\"year_start\":\"2026-01-01\","
                                + "\"projects\":1,\"failed_projects\":1,\"least_received\":0,\"received\":0}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("platform_produced"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("平台")));
        assertThat(jdbc.sql("select count(*) from exchange_batch where category = 'industry_benefit'")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        BulwarkUser signedIn = accounts.find(agriculture.getUsername()).orElseThrow();
        String page = mvc.perform(get("/exchange").with(user(signedIn)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("value=\"agricultural_loss\"").doesNotContain("value=\"industry_benefit\"");
    }

    @Test
    void aPersonRegisteredOutsideTheUploadersRegionIsRefused() throws Exception {
        BulwarkUser otherOfficer = fixtures.user(Role.DEPARTMENT_OFFICER, "522326000000");
        accounts.assignDepartment(otherOfficer.getUsername(), "medical_security");
        String json = "{\"rows\":[{\"id_number\":\"" + head.idNumber() + "\",\"name\":\"" + head.name() + "\","
                + "\"settle_date\":\"2025-09-10\",\"kind\":\"inpatient\",\"total_cost\":1,\"fund_paid\":0,"
                + "\"out_of_pocket\":1,\"in_scope_out_of_pocket\":1}]}";
        mvc.perform(post("/api/v1/exchange/medical_settlement/rows")
                        .with(httpBasic(otherOfficer.getUsername(), TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(jsonPath("$.rowsAccepted").value(0))
                .andExpect(jsonPath("$.rowsRejected").value(1));
    }

    @Test
    void rolesWithoutImportPermissionCannotUpload() throws Exception {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        mvc.perform(get("/exchange").with(user(cadre))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/exchange/medical_settlement/rows")
                        .with(httpBasic(cadre.getUsername(), TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rows\":[]}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aFileThatBreaksOffPartWayKeepsNothing() throws Exception {
        String csv = HEADER + row(head.idNumber(), head.name(), "2025-02-02", "700")
                + row(head.idNumber(), head.name(), "2025-02-03", "abc")
                + head.idNumber() + "," + head.name() + ",2025-02-04,inpatient,1,1,1,1,extra,cells\n";
        long batch = batchOf(upload("broken.csv", csv.getBytes(StandardCharsets.UTF_8), false));
        assertThat(jdbc.sql("select status from exchange_batch where id = :id")
                        .param("id", batch)
                        .query(String.class)
                        .single())
                .isEqualTo("REJECTED");
        assertThat(records(batch)).isZero();
        assertThat(jdbc.sql("select count(*) from exchange_rejected_row where batch_id = :id")
                        .param("id", batch)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
