package org.bulwark.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.audit.AuditLog;
import org.bulwark.core.casework.Channel;
import org.bulwark.core.casework.RiskType;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.Role;
import org.bulwark.registry.HouseholdFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Casework follows the sensitive-data rule (docs/policy.md §11): a case's verification scans and its medical
 * out-of-pocket figure are health data, read only by roles holding READ_SENSITIVE_DATA, on pages and in the API.
 */
@DatabaseTest
class CaseSensitiveDataTest {

    static final String PROVINCE = "520000000000";
    static final BigDecimal OUT_OF_POCKET = new BigDecimal("23456.78");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Cases cases;

    @Autowired
    CaseAttachments attachments;

    @Autowired
    AuditLog audit;

    BulwarkUser cadre;
    SupportCase verified;
    long attachment;

    @BeforeEach
    void setUp() {
        cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        HouseholdFile household = fixtures.household(cadre, TestFixtures.VILLAGE_A);
        SupportCase opened = fixtures.as(
                cadre,
                () -> cases.open(new OpenCaseInput(
                        household.household().id(),
                        Channel.GRASSROOTS_VISIT,
                        null,
                        null,
                        Set.of(RiskType.ILLNESS),
                        "visit")));
        verified = fixtures.as(
                cadre,
                () -> cases.recordVerification(
                        opened.id(),
                        opened.version(),
                        new VerificationInput(true, null, Set.of(RiskType.ILLNESS), OUT_OF_POCKET)));
        byte[] scan = {'%', 'P', 'D', 'F', '-', '1', '.', '4'};
        attachment = fixtures.as(cadre, () -> attachments.add(opened.id(), "诊断证明.pdf", scan))
                .id();
    }

    List<BulwarkUser> withoutSensitiveData() {
        return List.of(
                fixtures.user(Role.DEPARTMENT_OFFICER, TestFixtures.COUNTY),
                fixtures.user(Role.LEADER, TestFixtures.COUNTY),
                fixtures.user(Role.PROVINCE_ADMIN, PROVINCE),
                fixtures.user(Role.PREFECTURE_ADMIN, "522300000000"));
    }

    @Test
    void rolesWithoutSensitiveDataCannotDownloadAttachments() throws Exception {
        for (BulwarkUser reader : withoutSensitiveData()) {
            mvc.perform(get("/cases/attachments/" + attachment).with(user(reader)))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/case-attachments/" + attachment)
                            .with(httpBasic(reader.getUsername(), TestFixtures.PASSWORD)))
                    .andExpect(status().isForbidden());
            String casePage = mvc.perform(get("/cases/" + verified.id()).with(user(reader)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            // that a scan exists is shown, not a link to its content
            assertThat(casePage).contains("诊断证明.pdf").doesNotContain("/cases/attachments/" + attachment);
        }
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        mvc.perform(get("/api/v1/case-attachments/" + attachment)
                        .with(httpBasic(county.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isOk());
        assertThat(audit.recent(RegionScope.nationwide(), "case_attachment", String.valueOf(attachment), 5))
                .extracting(e -> e.action() + " " + e.username())
                .containsExactly("REVEAL " + county.getUsername(), "CREATE " + cadre.getUsername());
    }

    @Test
    void rolesWithoutSensitiveDataDoNotSeeTheMedicalOutOfPocketFigure() throws Exception {
        for (BulwarkUser reader : withoutSensitiveData()) {
            String casePage = mvc.perform(get("/cases/" + verified.id()).with(user(reader)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(casePage)
                    .as(reader.role().name())
                    .doesNotContain("23,456.78")
                    .doesNotContain("23456.78");
            String api = mvc.perform(get("/api/v1/cases/" + verified.id())
                            .with(httpBasic(reader.getUsername(), TestFixtures.PASSWORD)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(api)
                    .as(reader.role().name())
                    .contains("\"medicalOutOfPocket\":null")
                    .doesNotContain("23456.78");
        }
        String casePage = mvc.perform(get("/cases/" + verified.id()).with(user(cadre)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(casePage).contains("23,456.78");
    }
}
