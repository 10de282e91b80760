package org.bulwark.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.core.casework.CaseStatus;
import org.bulwark.core.casework.Channel;
import org.bulwark.core.casework.Decision;
import org.bulwark.core.casework.MeasureCategory;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.casework.RiskType;
import org.bulwark.core.casework.Step;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.income.IncomeInput;
import org.bulwark.income.Incomes;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.SwitchableClock;
import org.bulwark.registry.HouseholdFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.ui.ModelMap;

/**
 * Issue 14, item 11: a household identified again after its risk was eliminated starts a new monitoring period. The
 * new case, the household's casework page and its file show the new period's helper, plan and visits only — none
 * yet — and the earlier period apart; the county cannot approve with the earlier period's helper and plan.
 */
@DatabaseTest
class MonitoringPeriodsTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Cases cases;

    @Autowired
    Helpers helpers;

    @Autowired
    SupportPlans plans;

    @Autowired
    Visits visits;

    @Autowired
    Incomes incomes;

    @Autowired
    MonitoringPeriods periods;

    @Autowired
    SwitchableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    BulwarkUser cadre;
    BulwarkUser township;
    BulwarkUser county;
    BulwarkUser helper;
    HouseholdFile household;

    @BeforeEach
    void setUp() {
        cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        township = fixtures.user(Role.TOWNSHIP_REVIEWER, TestFixtures.TOWNSHIP);
        county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        helper = fixtures.user(Role.HELPER, TestFixtures.VILLAGE_A);
        household = fixtures.household(
                cadre, TestFixtures.VILLAGE_A, TestFixtures.person("测试配偶", TestFixtures.newIdNumber(), "SPOUSE"));
    }

    <T> T on(LocalDate day, BulwarkUser user, Supplier<T> action) {
        try (var fixed = clock.at(day)) {
            return fixtures.as(user, action);
        }
    }

    long id() {
        return household.household().id();
    }

    SupportCase pass(SupportCase c, BulwarkUser user, LocalDate day) {
        return on(day, user, () -> cases.decide(c.id(), c.version(), Decision.PASS, "同意", 0));
    }

    /** A new illness case taken to the township's review (verified, compared, reviewed, announced). */
    SupportCase toTownshipReview(LocalDate start) {
        SupportCase c = on(
                start,
                cadre,
                () -> cases.open(new OpenCaseInput(
                        id(), Channel.GRASSROOTS_VISIT, null, start, Set.of(RiskType.ILLNESS), "住院")));
        SupportCase opened = c;
        c = on(
                start,
                cadre,
                () -> cases.recordVerification(
                        opened.id(),
                        opened.version(),
                        new VerificationInput(
                                true, MonitoringType.MARGINAL, Set.of(RiskType.ILLNESS), new BigDecimal("12000"))));
        c = pass(c, cadre, start);
        c = pass(c, county, start.plusDays(1));
        c = pass(c, cadre, start.plusDays(2));
        return pass(c, cadre, start.plusDays(7));
    }

    void helperAndPlan(LocalDate day, String department) {
        on(day, township, () -> helpers.assign(id(), helper.getUsername(), "就近"));
        on(
                day,
                cadre,
                () -> plans.add(
                        id(),
                        new MeasureInput(
                                MeasureCategory.HEALTH, RiskType.ILLNESS, department, "大病保险", null, day, null)));
    }

    /** Identified on DAY, helped, visited, and its risk eliminated half a year later; returns the elimination day. */
    LocalDate firstPeriodEliminated() {
        SupportCase c = toTownshipReview(DAY);
        helperAndPlan(DAY.plusDays(8), "医疗保障局");
        c = pass(c, township, DAY.plusDays(8));
        pass(c, county, DAY.plusDays(9));
        LocalDate later = DAY.plusDays(9).plusMonths(6);
        PlanMeasure measure = on(later, cadre, () -> plans.measures(id())).get(0);
        on(later, cadre, () -> plans.deliver(measure.id(), measure.version(), later));
        on(
                later,
                cadre,
                () -> incomes.record(
                        id(),
                        new IncomeInput(
                                2025,
                                new BigDecimal("30000"),
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO)));
        on(
                later,
                helper,
                () -> visits.record(new VisitInput(
                        UUID.randomUUID(), id(), later, "第一期走访：收入稳定", new BigDecimal("15000"), "STABLE")));
        SupportCase e = on(later, cadre, () -> cases.proposeElimination(id(), null));
        e = pass(e, cadre, later);
        e = pass(e, county, later);
        e = pass(e, cadre, later);
        e = pass(e, cadre, later.plusDays(5));
        e = pass(e, township, later.plusDays(5));
        e = pass(e, county, later.plusDays(5));
        assertThat(e.status()).isEqualTo(CaseStatus.APPROVED);
        return later.plusDays(5);
    }

    ModelMap model(String url, BulwarkUser as) throws Exception {
        return mvc.perform(get(url).with(user(as)))
                .andExpect(status().isOk())
                .andReturn()
                .getModelAndView()
                .getModelMap();
    }

    @Test
    void aNewCaseAfterEliminationShowsNoHelperOrPlanOfTheEarlierPeriodAndListsItApart() throws Exception {
        LocalDate eliminatedOn = firstPeriodEliminated();
        LocalDate again = eliminatedOn.plusMonths(2);
        SupportCase second = toTownshipReview(again);
        assertThat(second.step()).isEqualTo(Step.TOWNSHIP_REVIEW);

        // opening the new period ended the earlier period's helper, in the audit log with a message key
        assertThat(on(again, cadre, () -> helpers.current(id()))).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'helper_assignment' and entity_id = :h"
                                + " and summary_key = 'helperPeriodEnded'")
                        .param("h", String.valueOf(id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // the township cannot pass on the earlier period's helper and plan: the new period has neither
        SupportCase atTownship = second;
        assertThatThrownBy(() -> pass(atTownship, township, again.plusDays(9)))
                .isInstanceOf(InvalidInputException.class);

        MonitoringPeriods.Periods found = on(again.plusDays(9), cadre, () -> periods.of(id()));
        assertThat(found.current().orElseThrow().id()).isEqualTo(second.id());
        assertThat(found.current().orElseThrow().outcome()).isEqualTo(MonitoringPeriod.Outcome.IN_PROCEDURE);
        assertThat(found.helper()).isNull();
        assertThat(found.measures()).isEmpty();
        assertThat(found.visits()).isEmpty();
        MonitoringPeriod earlier = found.earlier().get(0);
        assertThat(found.earlier()).hasSize(1);
        assertThat(earlier.outcome()).isEqualTo(MonitoringPeriod.Outcome.ELIMINATED);
        assertThat(earlier.startedOn()).isEqualTo(DAY);
        assertThat(earlier.endedOn()).isEqualTo(eliminatedOn);
        assertThat(earlier.helpers())
                .extracting(HelperAssignment::helperUsername)
                .containsExactly(helper.getUsername());
        assertThat(earlier.helpers().get(0).endsOn()).isEqualTo(again);
        assertThat(earlier.measures()).extracting(PlanMeasure::department).containsExactly("医疗保障局");
        assertThat(earlier.visits()).extracting(Visit::findings).containsExactly("第一期走访：收入稳定");
        assertThat(earlier.eliminations()).hasSize(1);

        // the case page's model: this period's helper and plan (none yet), the earlier period apart
        try (var fixed = clock.at(again.plusDays(9))) {
            ModelMap page = model("/cases/" + second.id(), cadre);
            assertThat(page.get("helper")).isNull();
            assertThat((List<?>) page.get("measures")).isEmpty();
            assertThat((List<?>) page.get("earlierPeriods")).hasSize(1);
            String html = mvc.perform(get("/cases/" + second.id()).with(user(cadre)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(html)
                    .contains("往期监测（1期）")
                    .contains("医疗保障局")
                    .contains("走访 1 次")
                    .contains("已消除风险");
            // ... and the household's casework page and file likewise
            ModelMap casework = model("/households/" + id() + "/casework", cadre);
            assertThat((List<?>) casework.get("measures")).isEmpty();
            assertThat((List<?>) casework.get("visits")).isEmpty();
            assertThat(casework.get("helper")).isNull();
            assertThat((List<?>) casework.get("earlierPeriods")).hasSize(1);
            ModelMap file = model("/households/" + id(), cadre);
            assertThat((List<?>) file.get("measures")).isEmpty();
            assertThat((List<?>) file.get("recentVisits")).isEmpty();
            assertThat((List<?>) file.get("earlierPeriods")).hasSize(1);
            // the first case's page still shows its own period's helper and plan
            long first = earlier.id();
            ModelMap old = model("/cases/" + first, cadre);
            assertThat(((HelperAssignment) old.get("helper")).helperUsername()).isEqualTo(helper.getUsername());
            assertThat((List<?>) old.get("measures")).hasSize(1);
            assertThat((List<?>) old.get("earlierPeriods")).isEmpty();
        }

        // a helper and a plan for the new period: the county approves, and the page shows them as current
        helperAndPlan(again.plusDays(9), "卫生健康委员会");
        SupportCase approved = pass(pass(second, township, again.plusDays(9)), county, again.plusDays(9));
        assertThat(approved.status()).isEqualTo(CaseStatus.APPROVED);
        MonitoringPeriods.Periods now = on(again.plusDays(10), cadre, () -> periods.of(id()));
        assertThat(now.current().orElseThrow().outcome()).isEqualTo(MonitoringPeriod.Outcome.MONITORED);
        assertThat(now.measures()).extracting(PlanMeasure::department).containsExactly("卫生健康委员会");
        assertThat(now.helper().helperUsername()).isEqualTo(helper.getUsername());
        assertThat(now.helper().startsOn()).isEqualTo(again.plusDays(9));
        assertThat(jdbc.sql("select count(*) from plan_measure where household_id = :h and case_id is null")
                        .param("h", id())
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
