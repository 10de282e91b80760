package org.bulwark.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.casework.Cases;
import org.bulwark.casework.OpenCaseInput;
import org.bulwark.casework.SupportCase;
import org.bulwark.casework.VerificationInput;
import org.bulwark.core.casework.Channel;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.casework.RiskType;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.identity.UserAccounts;
import org.bulwark.registry.HouseholdFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The audit page as an auditor reads it (issue 14, item 20): every entry said in Chinese — new entries by their
 * message key, old ones by the sentence they stored — with the person's name and role, the values before and after
 * as rows of Chinese labels and translated values; filtered by who, action, object, household and dates, 50 a
 * page, within the reader's region.
 */
@DatabaseTest
class AuditPageTest {

    private static final Pattern ROW = Pattern.compile("id=\"entry-[0-9]+\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Cases cases;

    @Autowired
    AuditLog audit;

    BulwarkUser cadre;
    BulwarkUser auditor;
    HouseholdFile household;
    SupportCase verified;

    @BeforeEach
    void setUp() {
        String username = "cadre-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(
                username,
                TestFixtures.PASSWORD,
                "审计测试员" + username.substring(6),
                Role.VILLAGE_CADRE,
                TestFixtures.VILLAGE_A);
        cadre = accounts.find(username).orElseThrow();
        auditor = fixtures.user(Role.AUDIT_ADMIN, TestFixtures.COUNTY);
        household = fixtures.household(cadre, TestFixtures.VILLAGE_A);
        SupportCase opened = fixtures.as(
                cadre,
                () -> cases.open(new OpenCaseInput(
                        household.household().id(),
                        Channel.GRASSROOTS_VISIT,
                        null,
                        LocalDate.now(),
                        Set.of(RiskType.ILLNESS),
                        "住院")));
        verified = fixtures.as(
                cadre,
                () -> cases.recordVerification(
                        opened.id(),
                        opened.version(),
                        new VerificationInput(
                                true, MonitoringType.MARGINAL, Set.of(RiskType.ILLNESS), new BigDecimal("12000"))));
    }

    String page(BulwarkUser reader, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(reader)).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    static long rows(String html) {
        return ROW.matcher(html).results().count();
    }

    @Test
    void entriesReadInChineseWithNamesRolesAndATableOfValues() throws Exception {
        String html = page(auditor, get("/audit").param("who", cadre.displayName()));
        assertThat(html)
                .contains(cadre.displayName())
                .contains("村干部/网格员")
                .contains("新建监测对象识别案件")
                .contains("记录入户核实情况")
                .contains("监测类型")
                .contains("边缘易致贫户")
                .contains("因病")
                .contains("医疗自付费用（元）")
                .contains("户编号")
                .contains(household.household().householdNumber())
                .contains("与户主关系")
                .contains("户主");
        // no code of the platform on the page: the values are translated, the fields labelled
        assertThat(html)
                .doesNotContain("MARGINAL")
                .doesNotContain(">ILLNESS")
                .doesNotContain("IDENTIFICATION")
                .doesNotContain("GRASSROOTS_VISIT")
                .doesNotContain("monitoringType")
                .doesNotContain("open identification")
                .doesNotContain("{&quot;");
        assertThat(rows(html)).isEqualTo(3);
    }

    @Test
    void aValueNamingAPersonShowsTheirName() throws Exception {
        String helperName = "审计帮扶员" + UUID.randomUUID().toString().substring(0, 4);
        String helperLogin = "helper-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(helperLogin, TestFixtures.PASSWORD, helperName, Role.HELPER, TestFixtures.VILLAGE_A);
        audit.recordFor(
                cadre.getUsername(),
                Role.VILLAGE_CADRE,
                AuditRecord.updated(
                        "helper_assignment",
                        household.household().id(),
                        TestFixtures.VILLAGE_A,
                        null,
                        Map.of("helper", helperLogin, "reason", "null")));
        String html =
                page(auditor, get("/audit").param("who", cadre.getUsername()).param("entityType", "helper_assignment"));
        assertThat(html)
                .contains("帮扶责任人")
                .contains(helperName)
                .doesNotContain(">" + helperLogin + "<")
                .doesNotContain(">null<")
                .doesNotContain("原因");
    }

    @Test
    void entriesWrittenBeforeDescriptionsStillReadInChinese() throws Exception {
        String village = household.household().villageCode();
        // as the platform wrote them before issue 14: English sentences in the summary column
        audit.recordFor(
                cadre.getUsername(),
                Role.VILLAGE_CADRE,
                new AuditRecord(
                        AuditAction.UPDATE,
                        "case",
                        String.valueOf(verified.id()),
                        village,
                        "HOME_VERIFICATION PASS",
                        Map.of("step", "HOME_VERIFICATION", "status", "OPEN"),
                        Map.of("step", "HOME_VERIFICATION", "decision", "PASS", "next", "DATA_COMPARISON")));
        audit.recordFor(
                cadre.getUsername(),
                Role.VILLAGE_CADRE,
                new AuditRecord(AuditAction.LOGIN, "user", cadre.getUsername(), village, "signed in", null, null));
        String html = page(auditor, get("/audit").param("who", cadre.getUsername()));
        assertThat(html)
                .contains("入户核实：通过")
                .contains("登录成功")
                .contains("数据比对")
                .doesNotContain("signed in")
                .doesNotContain("HOME_VERIFICATION")
                .doesNotContain("DATA_COMPARISON");
        assertThat(audit.brokenLinks()).isEmpty();
    }

    @Test
    void filtersByActionObjectHouseholdAndDates() throws Exception {
        String who = cadre.displayName();
        assertThat(rows(page(auditor, get("/audit").param("who", who).param("action", "CREATE"))))
                .isEqualTo(2);
        assertThat(rows(page(auditor, get("/audit").param("who", who).param("entityType", "case"))))
                .isEqualTo(2);
        String ofHousehold = page(
                auditor, get("/audit").param("household", household.household().householdNumber()));
        assertThat(rows(ofHousehold)).isEqualTo(3);
        assertThat(ofHousehold).contains("新建监测对象识别案件");
        assertThat(page(auditor, get("/audit").param("household", "5223240000000000")))
                .contains("辖区内没有户编号为 5223240000000000 的农户");
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        assertThat(rows(page(
                        auditor,
                        get("/audit")
                                .param("who", who)
                                .param("from", today.toString())
                                .param("to", today.toString()))))
                .isEqualTo(3);
        String tomorrow = page(
                auditor,
                get("/audit").param("who", who).param("from", today.plusDays(1).toString()));
        assertThat(rows(tomorrow)).isZero();
        assertThat(tomorrow).contains("没有符合条件的记录");
    }

    @Test
    void fiftyEntriesAPageWithinTheReadersRegion() throws Exception {
        String busy = "busy-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 55; i++) {
            audit.recordFor(
                    busy,
                    Role.VILLAGE_CADRE,
                    new AuditRecord(AuditAction.LOGIN, "user", busy, TestFixtures.VILLAGE_A, null, null, null)
                            .described("signedIn"));
        }
        String first = page(auditor, get("/audit").param("who", busy));
        assertThat(rows(first)).isEqualTo(50);
        assertThat(first)
                .contains("第 1 页")
                .contains("id=\"audit-next\"")
                .doesNotContain("id=\"audit-previous\"")
                .contains("/audit?who=" + busy + "&amp;page=2");
        String second = page(auditor, get("/audit").param("who", busy).param("page", "2"));
        assertThat(rows(second)).isEqualTo(5);
        assertThat(second).contains("id=\"audit-previous\"").doesNotContain("id=\"audit-next\"");
        BulwarkUser otherCounty = fixtures.user(Role.AUDIT_ADMIN, "522326000000");
        assertThat(rows(page(otherCounty, get("/audit").param("who", busy)))).isZero();
        // the API pages the same way
        String api =
                page(auditor, get("/api/v1/audit/search").param("who", busy).param("page", "2"));
        assertThat(api).contains("\"hasNext\":false").contains("\"page\":2").contains("登录成功");
    }
}
