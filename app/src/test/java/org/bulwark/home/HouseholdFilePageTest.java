package org.bulwark.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.casework.Cases;
import org.bulwark.casework.OpenCaseInput;
import org.bulwark.casework.SupportCase;
import org.bulwark.casework.VerificationInput;
import org.bulwark.core.casework.Channel;
import org.bulwark.core.casework.Decision;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.casework.RiskType;
import org.bulwark.core.identity.Sex;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.identity.UserAccounts;
import org.bulwark.income.IncomeInput;
import org.bulwark.income.Incomes;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.registry.Person;
import org.bulwark.registry.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One household, one file: incomes against the line, department records with their provenance, warnings with their
 * evidence, each case's steps and the trail — scoped to the region, identity numbers masked, the full audit trail
 * for the audit role only.
 */
@DatabaseTest
class HouseholdFilePageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Incomes incomes;

    @Autowired
    Registry registry;

    @Autowired
    Cases cases;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    BulwarkUser cadre;
    HouseholdFile household;
    Person head;
    Person child;
    int thisYear;

    @BeforeEach
    void setUp() {
        cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        household = fixtures.household(
                cadre,
                TestFixtures.VILLAGE_A,
                TestFixtures.person("在读子女", TestFixtures.newIdNumber(LocalDate.of(2012, 5, 1), Sex.FEMALE), "CHILD"));
        head = household.head().orElseThrow();
        child = household.members().stream()
                .filter(p -> p.id() != head.id())
                .findFirst()
                .orElseThrow();
        thisYear = LocalDate.now().getYear();
    }

    private long id() {
        return household.household().id();
    }

    private String page(BulwarkUser as) throws Exception {
        return mvc.perform(get("/households/" + id()).with(user(as)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private void income(int year, String wage) {
        fixtures.as(
                cadre,
                () -> incomes.record(
                        id(),
                        new IncomeInput(
                                year,
                                new BigDecimal(wage),
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO)));
    }

    /** Uploads a medical settlement of the head through the exchange, as the medical-security officer would. */
    private long importSettlement(String outOfPocket) throws Exception {
        BulwarkUser officer = fixtures.user(Role.DEPARTMENT_OFFICER, TestFixtures.COUNTY);
        accounts.assignDepartment(officer.getUsername(), "medical_security");
        BulwarkUser withDepartment = accounts.find(officer.getUsername()).orElseThrow();
        String csv = "身份证号,姓名,结算日期,就诊类型,医疗总费用,基金支付（基本医保+大病保险+医疗救助）,个人自付费用,政策范围内个人自付\n"
                + head.idNumber() + "," + head.name() + "," + LocalDate.now().minusDays(20)
                + ",inpatient,60000,20000," + outOfPocket + ",3000\n";
        String location = mvc.perform(multipart("/exchange")
                        .file(new MockMultipartFile(
                                "file", "settlements.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("category", "medical_settlement")
                        .with(user(withDepartment))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        fixtures.awaitRescreening();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void showsIncomesOverTheYearsAgainstTheLineOfEachYear() throws Exception {
        income(thisYear - 1, "30000"); // 15,000 per person: above the line
        income(thisYear, "12000"); // 6,000 per person: below it
        String file = page(cadre);
        assertThat(file)
                .contains("id=\"income-chart\"")
                // the chart drawn on the server: a bar per year, oldest first, red (below) for this year only
                .containsSubsequence("data-year=\"" + (thisYear - 1) + "\"", "data-year=\"" + thisYear + "\"")
                .containsPattern("data-year=\"" + thisYear + "\"[^>]*class=\"below\"")
                .doesNotContainPattern("data-year=\"" + (thisYear - 1) + "\"[^>]*class=\"below\"")
                .contains("<title>" + thisYear + "年：人均纯收入 6,000.00 元，监测线 ")
                .doesNotContain("echarts")
                .contains("15,000.00")
                .contains("6,000.00")
                .contains("低于监测线")
                .contains("不低于监测线")
                .doesNotContain("id=\"income-one-year\"");
        // Guizhou's line as the rules set it for 2025 and 2026
        if (thisYear == 2026) {
            assertThat(file).contains("8,700").contains("8,900");
        }
    }

    @Test
    void oneYearOrNoneIsSaidSo() throws Exception {
        String none = page(cadre);
        assertThat(none).doesNotContain("id=\"income-chart\"").contains("尚未录入收入");
        income(thisYear, "30000");
        String one = page(cadre);
        assertThat(one)
                .contains("id=\"income-chart\"")
                .contains("id=\"income-one-year\"")
                .contains("仅录入了一个年度的收入");
    }

    @Test
    void showsDepartmentRecordsWithProvenanceAndTheWarningsTheyRaisedWithEvidence() throws Exception {
        long batch = importSettlement("25000");
        long recordId = jdbc.sql("select id from department_record where batch_id = :b")
                .param("b", batch)
                .query(Long.class)
                .single();
        String file = page(cadre);
        assertThat(file)
                .contains("部门数据 (1)")
                .contains("医疗费用结算")
                .contains("医疗保障局")
                .contains("id=\"record-" + recordId + "\"")
                .contains("个人自付：25,000.00")
                .contains("就诊类型：住院")
                .contains("批次 " + batch + " 第 2 行")
                .contains(head.name());
        // the settlement raised MED-01 on import; the file shows its figures, parameters and the record behind it
        assertThat(file)
                .contains("MED-01")
                .contains("规则版本 2026.1")
                // in words: the figure with its unit, the threshold it was compared with, the record as a row
                .contains("近12个月医疗自付费用")
                .contains("25,000 元")
                .contains("达到或超过")
                .contains("医疗自付阈值（其他农户）")
                .contains("20,000 元")
                .doesNotContain("out_of_pocket =")
                .contains("href=\"#record-" + recordId + "\"")
                .contains("批次 ");
    }

    @Test
    void readsInEnglishToo() throws Exception {
        importSettlement("25000");
        income(thisYear, "12000");
        String file = mvc.perform(get("/households/" + id()).param("lang", "en").with(user(cadre)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(file)
                .contains("Incomes over the years")
                .contains("Monitoring line")
                .contains("below the line")
                .contains("Medical cost settlement")
                .contains("Medical Security Bureau")
                .contains("out of pocket: 25,000.00")
                .contains("visit type: inpatient")
                .contains("Change history");
    }

    @Test
    void showsEachCaseStepByStep() throws Exception {
        SupportCase opened = fixtures.as(
                cadre,
                () -> cases.open(new OpenCaseInput(
                        id(), Channel.GRASSROOTS_VISIT, null, null, Set.of(RiskType.ILLNESS), "visit")));
        SupportCase verified = fixtures.as(
                cadre,
                () -> cases.recordVerification(
                        opened.id(),
                        opened.version(),
                        new VerificationInput(
                                true, MonitoringType.MARGINAL, Set.of(RiskType.ILLNESS), new BigDecimal("12000"))));
        SupportCase passed =
                fixtures.as(cadre, () -> cases.decide(verified.id(), verified.version(), Decision.PASS, "入户核实无误", 0));
        String nextStep = messages.getMessage("casework.step." + passed.step(), null, Locale.CHINA);
        String file = page(cadre);
        String timeline = file.substring(file.indexOf("id=\"case-" + opened.id() + "\""));
        timeline = timeline.substring(0, timeline.indexOf("</ol>"));
        assertThat(timeline)
                .contains("发现（基层干部排查）")
                .contains("入户核实")
                .contains("通过")
                .contains(cadre.displayName())
                .contains("入户核实无误")
                // where the case stands now, after the step
                .contains(nextStep);
        assertThat(timeline.indexOf("入户核实无误")).isLessThan(timeline.lastIndexOf(nextStep));
    }

    @Test
    void theAuditRoleSeesTheFullTrailOthersTheChangesOnly() throws Exception {
        income(thisYear, "30000");
        income(thisYear, "36000"); // an edit of the same year
        income(thisYear - 1, "20000");
        fixtures.as(cadre, () -> {
            incomes.delete(id(), thisYear - 1); // gone from the file, not from its trail
            return null;
        });
        fixtures.as(cadre, () -> registry.reveal(head.id(), "idNumber"));
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        String full = page(county);
        assertThat(full)
                .contains("操作记录")
                .contains("查看完整信息")
                .contains("修改")
                .contains(">收入<")
                .contains(cadre.getUsername());

        String changes = page(cadre);
        String trail = changes.substring(changes.indexOf("id=\"trail\""));
        assertThat(trail)
                .contains("变更记录")
                .contains("修改")
                .contains(">收入<")
                .contains(cadre.getUsername())
                .contains("<span>删除</span>")
                .doesNotContain("查看完整信息")
                .doesNotContain("操作记录");
        // a deletion in another household does not show here
        HouseholdFile other = fixtures.household(cadre, TestFixtures.VILLAGE_A);
        fixtures.as(
                cadre,
                () -> incomes.record(
                        other.household().id(),
                        new IncomeInput(
                                thisYear,
                                BigDecimal.ONE,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO)));
        fixtures.as(cadre, () -> {
            incomes.delete(other.household().id(), thisYear);
            return null;
        });
        String after = page(cadre);
        assertThat(after.substring(after.indexOf("id=\"trail\"")).split("<span>删除</span>", -1))
                .as("one deletion: this household's income")
                .hasSize(2);
    }

    @Test
    void identityNumbersStayMasked() throws Exception {
        importSettlement("500");
        BulwarkUser leader = fixtures.user(Role.LEADER, TestFixtures.COUNTY);
        String file = page(leader);
        assertThat(file)
                .doesNotContain(head.idNumber())
                .doesNotContain(child.idNumber())
                .contains(head.idNumber().substring(0, 3));
    }

    @Test
    void healthDataIsForThoseWhoIdentifyAndHelpHouseholdsOnly() throws Exception {
        importSettlement("25000");
        String forCadre = page(cadre);
        assertThat(forCadre)
                .contains("医疗费用结算")
                .contains("近12个月医疗自付费用")
                .doesNotContain("data-test=\"evidence-withheld\"")
                .contains("健康");
        BulwarkUser leader = fixtures.user(Role.LEADER, TestFixtures.COUNTY);
        String forLeader = page(leader);
        // the settlement (health data) is not there at all, the MED-01 warning is, without its figures
        assertThat(forLeader)
                .doesNotContain("医疗费用结算")
                .doesNotContain("近12个月医疗自付费用")
                .contains("MED-01")
                .contains("data-test=\"evidence-withheld\"")
                .contains("不予显示");
        long warning = jdbc.sql("select id from warning where household_id = :h and rule_id = 'MED-01'")
                .param("h", id())
                .query(Long.class)
                .list()
                .get(0);
        String warningPage = mvc.perform(get("/warnings/" + warning).with(user(leader)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(warningPage)
                .contains("data-test=\"evidence-withheld\"")
                .doesNotContain("out_of_pocket")
                .doesNotContain("近12个月医疗自付费用");
        String api = mvc.perform(get("/api/v1/households/" + id()).with(user(leader)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(api).contains("\"health\":null").contains("\"disability\":null");
        String apiForCadre = mvc.perform(get("/api/v1/households/" + id()).with(user(cadre)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(apiForCadre).contains("\"health\":\"HEALTHY\"");
    }

    @Test
    void otherRegionsAreRefused() throws Exception {
        BulwarkUser otherVillage = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_B);
        mvc.perform(get("/households/" + id()).with(user(otherVillage))).andExpect(status().isNotFound());
    }
}
