package org.bulwark.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditEntry;
import org.bulwark.audit.AuditLog;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.Role;
import org.bulwark.identity.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Rejected rows follow the rules of the records they would have been: a sensitive category's rows (full identity
 * number, diagnosis) only for roles that read sensitive data and the uploading department; an officer only their own
 * department's; identity numbers masked for readers who may not reveal them; every read audited.
 */
@DatabaseTest
class RejectedRowsAccessTest {

    // a new one per test: the same rows twice would be refused as a duplicate file
    final String ID_NUMBER = TestFixtures.newIdNumber();

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    UserAccounts accounts;

    @Autowired
    AuditLog audit;

    BulwarkUser county;

    @BeforeEach
    void setUp() {
        county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
    }

    BulwarkUser officer(String department) {
        BulwarkUser officer = fixtures.user(Role.DEPARTMENT_OFFICER, TestFixtures.COUNTY);
        accounts.assignDepartment(officer.getUsername(), department);
        return accounts.find(officer.getUsername()).orElseThrow();
    }

    /** A batch of the category whose one row is rejected (an unknown choice), uploaded by the county. */
    long batchWithARejectedRow(String category, String row) throws Exception {
        String body = mvc.perform(post("/api/v1/exchange/" + category + "/rows")
                        .with(httpBasic(county.getUsername(), TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rows\":[" + row + "]}"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).contains("\"rowsRejected\":1");
        return Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
    }

    long illnessBatch() throws Exception {
        return batchWithARejectedRow(
                "serious_illness",
                "{\"id_number\":\"" + ID_NUMBER + "\",\"name\":\"测试病人\","
                        + "\"diagnosis_date\":\"2025-02-26\",\"disease_code\":\"C22.0\",\"disease_name\":\"肝细胞癌\","
                        + "\"category\":\"no_such_category\"}");
    }

    int apiStatus(BulwarkUser reader, String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic(reader.getUsername(), TestFixtures.PASSWORD)))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    int pageStatus(BulwarkUser reader, String path) throws Exception {
        return mvc.perform(get(path).with(user(reader)))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    @Test
    void aSensitiveBatchsRejectedRowsAreRefusedToOtherDepartmentsAndToAdministrators() throws Exception {
        long batch = illnessBatch();
        // another department's officer does not find the batch at all (its batches are scoped to its department)
        BulwarkUser otherDepartment = officer("medical_security");
        assertThat(apiStatus(otherDepartment, "/api/v1/exchange/batches/" + batch + "/rejected"))
                .isEqualTo(404);
        assertThat(pageStatus(otherDepartment, "/exchange/batches/" + batch + "/rejected.csv"))
                .isEqualTo(404);
        assertThat(pageStatus(otherDepartment, "/exchange/batches/" + batch)).isEqualTo(404);
        List<BulwarkUser> refused = List.of(
                fixtures.user(Role.PREFECTURE_ADMIN, "522300000000"),
                fixtures.user(Role.PROVINCE_ADMIN, "520000000000"));
        for (BulwarkUser reader : refused) {
            assertThat(apiStatus(reader, "/api/v1/exchange/batches/" + batch + "/rejected"))
                    .as(reader.role().name())
                    .isEqualTo(403);
            assertThat(pageStatus(reader, "/exchange/batches/" + batch + "/rejected.csv"))
                    .as(reader.role().name())
                    .isEqualTo(403);
            assertThat(pageStatus(reader, "/exchange/batches/" + batch + "/rejected.xlsx"))
                    .as(reader.role().name())
                    .isEqualTo(403);
            String page = mvc.perform(get("/exchange/batches/" + batch).with(user(reader)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).doesNotContain(ID_NUMBER).doesNotContain("肝细胞癌");
        }
        assertThat(audit.recent(RegionScope.nationwide(), "batch", String.valueOf(batch), 10))
                .extracting(AuditEntry::action)
                .doesNotContain(AuditAction.EXPORT);
    }

    @Test
    void theUploadingDepartmentAndRolesReadingSensitiveDataGetThemAndEveryReadIsAudited() throws Exception {
        long batch = illnessBatch();
        BulwarkUser health = officer("health");
        String csv = mvc.perform(
                        get("/exchange/batches/" + batch + "/rejected.csv").with(user(health)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv).contains(ID_NUMBER).contains("肝细胞癌");
        String api = mvc.perform(get("/api/v1/exchange/batches/" + batch + "/rejected")
                        .with(httpBasic(county.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(api).contains(ID_NUMBER).contains("肝细胞癌");
        assertThat(audit.recent(RegionScope.nationwide(), "batch", String.valueOf(batch), 10))
                .filteredOn(e -> e.action() == AuditAction.EXPORT)
                .extracting(e -> e.username() + " " + e.channel())
                .containsExactly(county.getUsername() + " API", health.getUsername() + " WEB");
    }

    @Test
    void anOfficerReadsOnlyTheirDepartmentsBatchesAndAdministratorsSeeIdentityNumbersMasked() throws Exception {
        long batch = batchWithARejectedRow(
                "school_status",
                "{\"id_number\":\"" + ID_NUMBER
                        + "\",\"name\":\"测试学生\",\"school_year_start\":\"2025-09-01\",\"stage\":\"no_such_stage\","
                        + "\"status\":\"enrolled\"}");
        assertThat(apiStatus(officer("medical_security"), "/api/v1/exchange/batches/" + batch + "/rejected"))
                .isEqualTo(404);
        BulwarkUser province = fixtures.user(Role.PROVINCE_ADMIN, "520000000000");
        String rows = mvc.perform(get("/api/v1/exchange/batches/" + batch + "/rejected")
                        .with(httpBasic(province.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(rows)
                .doesNotContain(ID_NUMBER)
                .contains(ID_NUMBER.substring(0, 3) + "***********")
                .contains("测试学生");
        assertThat(audit.recent(RegionScope.nationwide(), "batch", String.valueOf(batch), 10))
                .extracting(e -> e.action() + " " + e.username())
                .contains(AuditAction.EXPORT + " " + province.getUsername());
    }
}
