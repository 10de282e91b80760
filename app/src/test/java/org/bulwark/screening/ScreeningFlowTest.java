package org.bulwark.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.identity.UserAccounts;
import org.bulwark.income.IncomeInput;
import org.bulwark.income.Incomes;
import org.bulwark.platform.ConflictException;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.registry.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * From department data to a verified warning: a batch re-screens the households it touches, a full run raises what
 * is new and nothing twice, each warning carries its evidence, and verification is scoped, audited and single.
 */
@DatabaseTest
class ScreeningFlowTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Incomes incomes;

    @Autowired
    Warnings warnings;

    @Autowired
    ScreeningRuns runs;

    @Autowired
    JdbcClient jdbc;

    BulwarkUser cadre;
    BulwarkUser officer;
    BulwarkUser county;
    HouseholdFile household;
    Person head;

    @BeforeEach
    void setUp() {
        cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        officer = fixtures.user(Role.DEPARTMENT_OFFICER, TestFixtures.COUNTY);
        accounts.assignDepartment(officer.getUsername(), "medical_security");
        household = fixtures.household(cadre, TestFixtures.VILLAGE_A);
        head = household.head().orElseThrow();
        int year = LocalDate.now().getYear() - 1;
        // a comfortable income, so that only the medical costs below put the household at risk
        fixtures.as(
                cadre,
                () -> incomes.record(
                        household.household().id(),
                        new IncomeInput(
                                year,
                                new BigDecimal("60000"),
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO)));
        fixtures.as(
                cadre,
                () -> incomes.record(
                        household.household().id(),
                        new IncomeInput(
                                year - 1,
                                new BigDecimal("58000"),
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO)));
    }

    private void settle(String date, String outOfPocket) throws Exception {
        String json = "{\"rows\":[{\"id_number\":\"" + head.idNumber() + "\",\"name\":\"" + head.name() + "\","
                + "\"settle_date\":\"" + date + "\",\"kind\":\"inpatient\",\"total_cost\":" + outOfPocket
                + ",\"fund_paid\":0,\"out_of_pocket\":" + outOfPocket + ",\"in_scope_out_of_pocket\":0}]}";
        mvc.perform(post("/api/v1/exchange/medical_settlement/rows")
                        .with(httpBasic(officer.getUsername(), TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isOk());
        fixtures.awaitRescreening();
    }

    private List<Warning> openWarnings(String rule) {
        return fixtures.as(county, () -> warnings.list("OPEN", false, TestFixtures.VILLAGE_A, 1000)).stream()
                .filter(w -> household.household().id() == (w.householdId() == null ? -1 : w.householdId()))
                .filter(w -> w.ruleId().equals(rule))
                .toList();
    }

    @Test
    void aBatchAboveTheThresholdRaisesAWarningWithItsEvidence() throws Exception {
        String recent = LocalDate.now().minusMonths(2).toString();
        settle(recent, "12000");
        assertThat(openWarnings("MED-01"))
                .as("12,000 is below the 20,000 for an ordinary household")
                .isEmpty();
        settle(LocalDate.now().minusMonths(1).toString(), "9000");
        List<Warning> raised = openWarnings("MED-01");
        assertThat(raised)
                .as("21,000 in 12 months: raised by the batch's incremental screening")
                .hasSize(1);
        Warning warning = raised.get(0);
        assertThat(warning.level()).isEqualTo("ORANGE");
        assertThat(warning.direction()).isEqualTo("DOWN");
        assertThat(warning.deadline()).isEqualTo(LocalDate.now().plusDays(15));
        assertThat(warning.evidence())
                .contains("out_of_pocket")
                .contains("21000")
                .contains("med_threshold_high")
                .contains("recordIds");
    }

    @Test
    void anOpenWarningIsNotRaisedAgainByALaterRun() throws Exception {
        settle(LocalDate.now().minusMonths(3).toString(), "25000");
        assertThat(openWarnings("MED-01")).hasSize(1);
        RunReport again = fixtures.as(county, () -> runs.full(TestFixtures.VILLAGE_A, null));
        assertThat(again.hitsByRule()).containsKey("MED-01");
        assertThat(openWarnings("MED-01")).hasSize(1);
    }

    @Test
    void verificationIsSingleScopedAndNeedsAReasonToDismiss() throws Exception {
        settle(LocalDate.now().minusMonths(4).toString(), "30000");
        Warning warning = openWarnings("MED-01").get(0);
        BulwarkUser otherCadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_B);
        assertThatThrownBy(() -> fixtures.as(otherCadre, () -> warnings.get(warning.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fixtures.as(cadre, () -> warnings.dismiss(warning.id(), warning.version(), " ")))
                .isInstanceOf(InvalidInputException.class);
        Warning confirmed = fixtures.as(cadre, () -> warnings.confirm(warning.id(), warning.version(), "入户核实属实"));
        assertThat(confirmed.status()).isEqualTo("CONFIRMED");
        assertThat(confirmed.verifiedBy()).isEqualTo(cadre.getUsername());
        assertThatThrownBy(() -> fixtures.as(cadre, () -> warnings.dismiss(warning.id(), warning.version(), "重复")))
                .isInstanceOf(ConflictException.class);
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'warning' and entity_id = :id")
                        .param("id", String.valueOf(warning.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // once verified, the same risk can be raised again by a later run
        fixtures.as(county, () -> runs.full(TestFixtures.VILLAGE_A, null));
        assertThat(openWarnings("MED-01")).hasSize(1);
    }

    @Test
    void overdueWarningsEscalateToTheTownshipAndThenTheCounty() throws Exception {
        settle(LocalDate.now().minusMonths(2).toString(), "26000");
        Warning warning = openWarnings("MED-01").get(0);
        assertThat(warning.overdue()).isFalse();
        assertThat(warning.escalatedTo()).isEqualTo("VILLAGE");
        jdbc.sql("update warning set deadline = :d where id = :id")
                .param("d", LocalDate.now().minusDays(1))
                .param("id", warning.id())
                .update();
        assertThat(fixtures.as(county, () -> warnings.get(warning.id())).escalatedTo())
                .isEqualTo("TOWNSHIP");
        jdbc.sql("update warning set deadline = :d where id = :id")
                .param("d", LocalDate.now().minusDays(8))
                .param("id", warning.id())
                .update();
        Warning late = fixtures.as(county, () -> warnings.get(warning.id()));
        assertThat(late.overdue()).isTrue();
        assertThat(late.escalatedTo()).isEqualTo("COUNTY");
        assertThat(fixtures.as(county, () -> warnings.list("OPEN", true, null, 1000)))
                .extracting(Warning::id)
                .contains(warning.id());
    }

    @Test
    void aShadowRunCountsWithoutRaisingWarnings() throws Exception {
        settle(LocalDate.now().minusMonths(2).toString(), "6000");
        String draft = new String(
                        getClass()
                                .getClassLoader()
                                .getResourceAsStream("screening/rules.yaml")
                                .readAllBytes(),
                        StandardCharsets.UTF_8)
                .replace("med_threshold_high: 20000", "med_threshold_high: 5000");
        long before = jdbc.sql("select count(*) from warning").query(Long.class).single();
        RunReport shadow =
                fixtures.as(county, () -> runs.shadow(TestFixtures.VILLAGE_A, null, RuleBook.draft(draft, "draft")));
        assertThat(shadow.hitsByRule().getOrDefault("MED-01", 0)).isGreaterThanOrEqualTo(1);
        assertThat(shadow.warningsRaised()).isZero();
        assertThat(jdbc.sql("select count(*) from warning").query(Long.class).single())
                .isEqualTo(before);
        assertThat(openWarnings("MED-01")).isEmpty();
        assertThatThrownBy(() -> RuleBook.draft("rules: [ {id: X, when: 'a +'} ]", "broken"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theShadowFormTriesALowerThresholdForChosenRulesAndComparesByTitleAndTownship() throws Exception {
        settle(LocalDate.now().minusMonths(2).toString(), "6000");
        long before = jdbc.sql("select count(*) from warning").query(Long.class).single();

        String page = mvc.perform(post("/screening/shadow")
                        .with(user(county))
                        .with(csrf())
                        .param("region", TestFixtures.TOWNSHIP)
                        .param("rule", "MED-01")
                        .param("p.med_threshold_high", "5,000")
                        .param("p.line", ""))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        int[] medical = shadowRow(page, "MED-01");
        assertThat(medical[1]).as("6,000 yuan is above the tried 5,000").isGreaterThan(medical[0]);
        assertThat(shadowRow(page, "INC-01")[1])
                .as("a rule left out of the draft flags nobody")
                .isZero();
        assertThat(page).contains(">医疗自付费用较高<").contains(">沙子镇<").doesNotContain(">522324101<");
        assertThat(page)
                .containsPattern("id=\"rule-MED-01\"[^>]*checked")
                .doesNotContainPattern("id=\"rule-INC-01\"[^>]*checked")
                .contains("value=\"5,000\"");
        assertThat(jdbc.sql("select count(*) from warning").query(Long.class).single())
                .isEqualTo(before);

        String refused = mvc.perform(post("/screening/shadow")
                        .with(user(county))
                        .with(csrf())
                        .param("rule", "MED-01")
                        .param("p.med_threshold_high", "五千"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("「五千」不是数字").contains("value=\"五千\"");
    }

    /** Hits of a rule in the shadow comparison: under the rules in force and under the draft. */
    private static int[] shadowRow(String page, String ruleId) {
        var m = Pattern.compile("<td title=\"" + ruleId + "\">[^<]*</td>\\s*<td class=\"text-end\">(\\d+)</td>"
                        + "\\s*<td class=\"text-end\">(\\d+)</td>")
                .matcher(page);
        assertThat(m.find()).as(ruleId + " in the comparison").isTrue();
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    @Test
    void thePagesShowTheWarningWithItsHouseholdAndEvidence() throws Exception {
        settle(LocalDate.now().minusMonths(2).toString(), "27000");
        Warning warning = openWarnings("MED-01").get(0);
        String list = mvc.perform(
                        MockMvcRequestBuilders.get("/warnings").with(SecurityMockMvcRequestPostProcessors.user(cadre)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list)
                .contains("MED-01")
                .contains(head.name())
                .contains(household.household().householdNumber());
        String detail = mvc.perform(MockMvcRequestBuilders.get("/warnings/" + warning.id())
                        .with(SecurityMockMvcRequestPostProcessors.user(cadre)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // the evidence in words (issue 14 item 5): the figure and the threshold by their labels, in yuan
        assertThat(detail)
                .contains("近12个月医疗自付费用")
                .contains("27,000 元")
                .contains("医疗自付阈值（其他农户）")
                .contains("20,000 元")
                .doesNotContain("out_of_pocket")
                .contains("确认存在风险");
        mvc.perform(MockMvcRequestBuilders.get("/screening").with(SecurityMockMvcRequestPostProcessors.user(county)))
                .andExpect(status().isOk());
        mvc.perform(MockMvcRequestBuilders.get("/screening").with(SecurityMockMvcRequestPostProcessors.user(cadre)))
                .andExpect(status().isForbidden());
    }
}
