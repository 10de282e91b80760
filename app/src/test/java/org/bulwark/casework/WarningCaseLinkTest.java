package org.bulwark.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.core.casework.Channel;
import org.bulwark.core.casework.RiskType;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.screening.WarningCases;
import org.bulwark.screening.Warnings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.servlet.ModelAndView;

/**
 * A warning links to the case it led to (issue 14 item 7): the case its confirmation opened; for a second warning
 * while the household's case is under way, that case — before confirmation, and after it, when the warning has
 * joined the case. An upward warning's button says what confirming it does, which is not identification.
 */
@DatabaseTest
@EnableScenarios
class WarningCaseLinkTest {

    private static final Duration AT_MOST = Duration.ofMinutes(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Warnings warnings;

    @Autowired
    Cases cases;

    @Autowired
    JdbcClient jdbc;

    BulwarkUser cadre;
    HouseholdFile household;

    @BeforeEach
    void setUp() {
        cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        household = fixtures.household(cadre, TestFixtures.VILLAGE_A);
    }

    private long householdId() {
        return household.household().id();
    }

    private ModelAndView page(String path) throws Exception {
        return mvc.perform(get(path).with(user(cadre)))
                .andExpect(status().isOk())
                .andReturn()
                .getModelAndView();
    }

    private String html(String path) throws Exception {
        return mvc.perform(get(path).with(user(cadre)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private Optional<Long> attachedCase(long warning) {
        return jdbc.sql("select case_id from case_warning where warning_id = :w")
                .param("w", warning)
                .query(Long.class)
                .optional();
    }

    @Test
    void aConfirmedWarningLinksToTheCaseItOpened(Scenario scenario) throws Exception {
        long warning = warning("DSR-01", "DOWN", "natural_disaster");
        assertThat(html("/warnings/" + warning)).contains("确认存在风险（转入识别）").doesNotContain("id=\"warning-case\"");

        scenario.stimulate(
                        (TransactionOperations tx) -> fixtures.as(cadre, () -> warnings.confirm(warning, 0, "房屋受损属实")))
                .andWaitAtMost(AT_MOST)
                .andWaitForStateChange(
                        () -> fixtures.as(cadre, () -> cases.openCaseOf(householdId())), Optional::isPresent)
                .andVerify(opened -> assertThat(opened.orElseThrow().sourceId()).isEqualTo(warning));
        long caseId = fixtures.as(cadre, () -> cases.openCaseOf(householdId()))
                .orElseThrow()
                .id();

        assertThat(page("/warnings/" + warning).getModel().get("caseLink"))
                .isEqualTo(new WarningCases.CaseLink(caseId, WarningCases.Relation.OPENED));
        assertThat(html("/warnings/" + warning))
                .contains("id=\"warning-case\"")
                .contains("href=\"/cases/" + caseId + "\"")
                .contains("已转入识别：案件 #" + caseId);
        @SuppressWarnings("unchecked")
        Map<Long, WarningCases.CaseLink> links = (Map<Long, WarningCases.CaseLink>)
                page("/warnings?status=CONFIRMED").getModel().get("caseLinks");
        assertThat(links).containsEntry(warning, new WarningCases.CaseLink(caseId, WarningCases.Relation.OPENED));
        assertThat(html("/warnings?status=CONFIRMED")).contains("href=\"/cases/" + caseId + "\"");
        assertThat(html("/cases/" + caseId))
                .contains("id=\"case-warnings\"")
                .contains("href=\"/warnings/" + warning + "\"");
    }

    @Test
    void aSecondWarningShowsTheOpenCaseAndJoinsItWhenConfirmed(Scenario scenario) throws Exception {
        SupportCase open = fixtures.as(
                cadre,
                () -> cases.open(new OpenCaseInput(
                        householdId(),
                        Channel.GRASSROOTS_VISIT,
                        null,
                        LocalDate.now(),
                        Set.of(RiskType.ILLNESS),
                        "visit")));
        long warning = warning("DSR-01", "DOWN", "natural_disaster");

        // still open: it shows the case under way, and its button says it will join it
        assertThat(page("/warnings/" + warning).getModel().get("caseLink"))
                .isEqualTo(new WarningCases.CaseLink(open.id(), WarningCases.Relation.HOUSEHOLD_CASE_OPEN));
        assertThat(html("/warnings/" + warning))
                .contains("确认存在风险（并入案件 #" + open.id() + "）")
                .contains("href=\"/cases/" + open.id() + "\"");
        assertThat(html("/warnings")).contains("href=\"/cases/" + open.id() + "\"");

        scenario.stimulate((TransactionOperations tx) -> fixtures.as(cadre, () -> warnings.confirm(warning, 0, "灾损属实")))
                .andWaitAtMost(AT_MOST)
                .andWaitForStateChange(() -> attachedCase(warning), Optional::isPresent)
                .andVerify(attached -> assertThat(attached).contains(open.id()));

        // confirmed: it joined the case, no second case opened, and the case records it in its trail
        assertThat(page("/warnings/" + warning).getModel().get("caseLink"))
                .isEqualTo(new WarningCases.CaseLink(open.id(), WarningCases.Relation.ATTACHED));
        assertThat(html("/warnings/" + warning)).contains("已并入进行中的案件 #" + open.id());
        assertThat(fixtures.as(cadre, () -> cases.ofHousehold(householdId()))).hasSize(1);
        // and the case page shows the warning that joined it, with its evidence
        assertThat(html("/cases/" + open.id()))
                .contains("id=\"case-warnings\"")
                .contains("href=\"/warnings/" + warning + "\"");
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'case' and entity_id = :c "
                                + "and summary_key = 'warningAttachedToCase'")
                        .param("c", String.valueOf(open.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anUpwardWarningsButtonSaysWhatConfirmingItDoes(Scenario scenario) throws Exception {
        long warning = warning("VER-01", "UP", null);

        String page = html("/warnings/" + warning);
        assertThat(page).contains("确认疑点属实").contains("不开启识别程序").doesNotContain("转入识别");

        scenario.stimulate((TransactionOperations tx) -> fixtures.as(cadre, () -> warnings.confirm(warning, 0, "车辆属实")))
                .andWaitAtMost(AT_MOST)
                .andWaitForStateChange(
                        () -> fixtures.as(cadre, () -> warnings.get(warning).status()), "CONFIRMED"::equals)
                .andVerify(status -> assertThat(fixtures.as(cadre, () -> cases.openCaseOf(householdId())))
                        .as("an upward warning opens no identification")
                        .isEmpty());
        assertThat(page("/warnings/" + warning).getModel().get("caseLink")).isNull();
    }

    /** A warning about the household, as a run would have raised it. */
    private long warning(String rule, String direction, String riskType) {
        long run = jdbc.sql("""
                insert into screening_run (region_code, as_of, mode, rules_version, started_by)
                values (:r, :d, 'FULL', 'test', 'test') returning id
                """)
                .param("r", TestFixtures.VILLAGE_A)
                .param("d", LocalDate.now())
                .query(Long.class)
                .single();
        return jdbc.sql("""
                insert into warning (run_id, household_id, village_code, rule_id, rule_version, direction, risk_type,
                    level, registered, as_of, deadline, evidence, status)
                values (:run, :h, :v, :rule, 'test', :dir, :risk, 'RED', true, :d, :d, '{}', 'OPEN')
                returning id
                """)
                .param("run", run)
                .param("h", householdId())
                .param("v", TestFixtures.VILLAGE_A)
                .param("rule", rule)
                .param("dir", direction)
                .param("risk", riskType, Types.VARCHAR)
                .param("d", LocalDate.now())
                .query(Long.class)
                .single();
    }
}
