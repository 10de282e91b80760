package org.bulwark.screening.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.core.identity.Sex;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.identity.UserAccounts;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.registry.Person;
import org.bulwark.screening.Warning;
import org.bulwark.screening.WarningExplanation;
import org.bulwark.screening.WarningExplanations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.ModelAndView;

/**
 * A warning's evidence as a county official reads it (issue 14 items 5 and 6): the figure with its Chinese label and
 * unit, the threshold it was compared with, the records behind it as rows with their provenance, names masked for
 * roles without access to personal data, and villages by name.
 */
@DatabaseTest
class WarningEvidencePagesTest {

    static final String SETTLEMENT_HEADER = "身份证号,姓名,结算日期,就诊类型,医疗总费用," + "基金支付（基本医保+大病保险+医疗救助）,个人自付费用,政策范围内个人自付\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WarningExplanations explanations;

    BulwarkUser cadre;
    HouseholdFile household;
    Person head;
    Person child;

    @BeforeEach
    void setUp() {
        cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        household = fixtures.household(
                cadre,
                TestFixtures.VILLAGE_A,
                TestFixtures.person(
                        "在读子女", TestFixtures.newIdNumber(LocalDate.now().minusYears(12), Sex.FEMALE), "CHILD"));
        head = household.head().orElseThrow();
        child = household.members().stream()
                .filter(p -> p.id() != head.id())
                .findFirst()
                .orElseThrow();
    }

    private long upload(String department, String category, String csv) throws Exception {
        BulwarkUser officer = fixtures.user(Role.DEPARTMENT_OFFICER, TestFixtures.COUNTY);
        accounts.assignDepartment(officer.getUsername(), department);
        BulwarkUser withDepartment = accounts.find(officer.getUsername()).orElseThrow();
        String location = mvc.perform(multipart("/exchange")
                        .file(new MockMultipartFile(
                                "file", category + ".csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("category", category)
                        .with(user(withDepartment))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        fixtures.awaitRescreening();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private long settlement(LocalDate settled) throws Exception {
        return upload(
                "medical_security",
                "medical_settlement",
                SETTLEMENT_HEADER + head.idNumber() + "," + head.name() + "," + settled
                        + ",inpatient,60000,20000,25300,3000\n");
    }

    private long warning(String rule) {
        return jdbc.sql("select id from warning where household_id = :h and rule_id = :r")
                .param("h", household.household().id())
                .param("r", rule)
                .query(Long.class)
                .single();
    }

    private ModelAndView page(String path, BulwarkUser as) throws Exception {
        return mvc.perform(get(path).with(user(as)))
                .andExpect(status().isOk())
                .andReturn()
                .getModelAndView();
    }

    private String html(String path, BulwarkUser as) throws Exception {
        return mvc.perform(get(path).with(user(as)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void showsTheFigureTheThresholdItWasComparedWithAndTheRecordsAsRows() throws Exception {
        LocalDate settled = LocalDate.now().minusDays(20);
        long batch = settlement(settled);
        long id = warning("MED-01");

        WarningExplanation evidence =
                (WarningExplanation) page("/warnings/" + id, cadre).getModel().get("evidence");

        assertThat(evidence.checks()).singleElement().satisfies(check -> {
            assertThat(check.figure()).isEqualTo("近12个月医疗自付费用");
            assertThat(check.figureValue()).isEqualTo("25,300 元");
            assertThat(check.operator()).isEqualTo("达到或超过");
            // an ordinary household: the higher of the two thresholds, and why that one
            assertThat(check.threshold()).isEqualTo("医疗自付阈值（其他农户）");
            assertThat(check.thresholdValue()).isEqualTo("20,000 元");
            assertThat(check.thresholdDetail()).contains("是否脱贫户或监测户").contains("否");
            assertThat(check.holds()).isTrue();
        });
        assertThat(evidence.figures())
                .extracting(WarningExplanation.Line::value)
                .contains("25,300 元", "否");
        assertThat(evidence.parameters())
                .extracting(WarningExplanation.Line::label)
                .contains("医疗自付阈值（脱贫户、监测户）");
        assertThat(evidence.records()).singleElement().satisfies(row -> {
            assertThat(row.date()).isEqualTo(settled.toString());
            assertThat(row.person()).isEqualTo(head.name());
            assertThat(row.department()).isEqualTo("医疗保障局");
            assertThat(row.mainValue()).contains("25,300.00");
            assertThat(row.batchId()).isEqualTo(batch);
            assertThat(row.sourceRow()).isPositive();
        });
        assertThat(html("/warnings/" + id, cadre))
                .contains("判定依据")
                .contains("25,300 元")
                .contains("20,000 元")
                .doesNotContain("out_of_pocket")
                .doesNotContain("25300.0")
                // the village by name, its code on hover only
                .contains("title=\"" + TestFixtures.VILLAGE_A + "\"")
                .doesNotContain(">" + TestFixtures.VILLAGE_A + "<");
    }

    @Test
    void theListSummarisesEachWarningsEvidenceAndNamesItsVillage() throws Exception {
        settlement(LocalDate.now().minusDays(20));
        long id = warning("MED-01");

        ModelAndView list = page("/warnings", cadre);
        @SuppressWarnings("unchecked")
        Map<Long, String> summaries = (Map<Long, String>) list.getModel().get("summaries");
        assertThat(summaries.get(id)).isEqualTo("近12个月医疗自付费用 25,300 元 达到或超过 医疗自付阈值（其他农户） 20,000 元");
        assertThat(html("/warnings", cadre))
                .contains("达到或超过")
                .doesNotContain(">" + TestFixtures.VILLAGE_A + "<")
                .contains("title=\"" + TestFixtures.VILLAGE_A + "\"");
    }

    @Test
    void namesInTheRecordsAreMaskedForRolesWithoutAccessToPersonalData() throws Exception {
        LocalDate now = LocalDate.now();
        LocalDate schoolYear = LocalDate.of(now.getMonthValue() >= 9 ? now.getYear() : now.getYear() - 1, 9, 1);
        upload(
                "education",
                "school_status",
                "身份证号,姓名,学年（填学年开始日，如2025-09-01）,学段,学籍状态,学校名称\n"
                        + child.idNumber() + "," + child.name() + "," + schoolYear
                        + ",junior_secondary,dropped_out,晴隆县第三中学\n");
        long id = warning("EDU-01");

        WarningExplanation forCadre =
                (WarningExplanation) page("/warnings/" + id, cadre).getModel().get("evidence");
        BulwarkUser leader = fixtures.user(Role.LEADER, TestFixtures.COUNTY);
        WarningExplanation forLeader =
                (WarningExplanation) page("/warnings/" + id, leader).getModel().get("evidence");

        assertThat(forCadre.records())
                .singleElement()
                .extracting(WarningExplanation.RecordRow::person)
                .isEqualTo("在读子女");
        assertThat(forLeader.records())
                .singleElement()
                .extracting(WarningExplanation.RecordRow::person)
                .isEqualTo("在***");
        assertThat(forLeader.checks()).singleElement().satisfies(check -> {
            assertThat(check.figure()).isEqualTo("本学年辍学的义务教育适龄儿童");
            assertThat(check.figureValue()).isEqualTo("1 人");
            assertThat(check.operator()).isEqualTo("高于");
            assertThat(check.threshold()).isEmpty();
            assertThat(check.thresholdValue()).isEqualTo("0 人");
        });
    }

    @Test
    void aGuardBesideTheRealTestIsLeftOutAndArithmeticThresholdsShowTheirWorking() {
        String evidence = "{\"parameters\": {\"disaster_loss\": 10000, \"disaster_income_share\": 0.5}, "
                + "\"features\": {\"disaster_loss\": 54500.0, \"net_income\": 15564.0}, \"records\": {}}";
        Warning warning = new Warning(
                1,
                household.household().id(),
                null,
                TestFixtures.VILLAGE_A,
                "DSR-01",
                "2026.1",
                "DOWN",
                "natural_disaster",
                "RED",
                "OPEN",
                true,
                LocalDate.now(),
                Instant.now(),
                LocalDate.now(),
                evidence,
                null,
                null,
                null,
                0,
                false,
                "VILLAGE",
                null,
                null);

        // the reader's language, as a request would set it
        LocaleContextHolder.setLocale(Locale.CHINA);
        WarningExplanation explained;
        try {
            explained = fixtures.as(cadre, () -> explanations.explain(warning));
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }

        // disaster_loss > 0 is a guard of the two real tests: not shown
        assertThat(explained.checks())
                .extracting(WarningExplanation.Check::threshold)
                .containsExactly("灾害损失阈值", "灾害损失占纯收入比例 × 家庭年纯收入");
        assertThat(explained.checks().get(1).thresholdValue()).isEqualTo("7,782 元");
        assertThat(explained.checks().get(1).thresholdDetail()).isEqualTo("50% × 15,564 元");
        assertThat(explained.records()).isEmpty();
    }
}
