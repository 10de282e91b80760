package org.bulwark.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.core.casework.CaseKind;
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
import org.bulwark.platform.ConflictException;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.bulwark.platform.SwitchableClock;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.registry.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A case from discovery to monitoring and on to risk elimination, through the services with a fixed clock: each
 * transition, each refusal, the time limits, concurrent decisions, scope and the audit trail.
 */
@DatabaseTest
class CaseworkFlowTest {

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
    Monitoring monitoring;

    @Autowired
    Incomes incomes;

    @Autowired
    CaseworkStatistics statistics;

    @Autowired
    SwitchableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Registry registry;

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

    String category() {
        return jdbc.sql("select category from household where id = :id")
                .param("id", householdId())
                .query(String.class)
                .single();
    }

    long householdId() {
        return household.household().id();
    }

    SupportCase openIllnessCase(LocalDate day) {
        return on(
                day,
                cadre,
                () -> cases.open(new OpenCaseInput(
                        householdId(),
                        Channel.GRASSROOTS_VISIT,
                        null,
                        day,
                        Set.of(RiskType.ILLNESS),
                        "visit found a hospital stay")));
    }

    SupportCase verified(SupportCase c, LocalDate day) {
        return on(
                day,
                cadre,
                () -> cases.recordVerification(
                        c.id(),
                        c.version(),
                        new VerificationInput(
                                true, MonitoringType.MARGINAL, Set.of(RiskType.ILLNESS), new BigDecimal("12000"))));
    }

    SupportCase pass(SupportCase c, BulwarkUser user, LocalDate day) {
        return on(day, user, () -> cases.decide(c.id(), c.version(), Decision.PASS, "ok", 0));
    }

    /** Helper and a plan answering illness, as the township and cadre would arrange them before approval. */
    void helperAndPlan(LocalDate day) {
        on(day, township, () -> helpers.assign(householdId(), helper.getUsername(), "nearest"));
        on(
                day,
                cadre,
                () -> plans.add(
                        householdId(),
                        new MeasureInput(
                                MeasureCategory.HEALTH,
                                RiskType.ILLNESS,
                                "医疗保障局",
                                "critical illness insurance top-up",
                                new BigDecimal("3000"),
                                day,
                                null)));
    }

    /** Drives a new illness case to approval; returns the approved case. */
    SupportCase identify(LocalDate start) {
        SupportCase c = verified(openIllnessCase(start), start);
        c = pass(c, cadre, start);
        c = pass(c, county, start.plusDays(1));
        c = pass(c, cadre, start.plusDays(2));
        c = pass(c, cadre, start.plusDays(7));
        helperAndPlan(start.plusDays(8));
        c = pass(c, township, start.plusDays(8));
        return pass(c, county, start.plusDays(9));
    }

    @Test
    void caseWalksEveryStepToMonitoringAndEachStepIsAudited() {
        SupportCase approved = identify(DAY);
        assertThat(approved.discoveredOn()).isEqualTo(DAY);
        assertThat(approved.decisionDueOn()).isEqualTo(DAY.plusDays(15));
        assertThat(approved.status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(approved.decidedOn()).isEqualTo(DAY.plusDays(9));
        List<CaseStepRecord> steps = fixtures.as(county, () -> cases.steps(approved.id()));
        assertThat(steps)
                .extracting(CaseStepRecord::step)
                .containsExactly(
                        "HOME_VERIFICATION",
                        "DATA_COMPARISON",
                        "VILLAGE_REVIEW",
                        "PUBLIC_NOTICE",
                        "TOWNSHIP_REVIEW",
                        "COUNTY_APPROVAL");
        MonitoringStatus status =
                fixtures.as(cadre, () -> monitoring.status(householdId())).orElseThrow();
        assertThat(status.monitored()).isTrue();
        assertThat(status.identifiedOn()).isEqualTo(DAY.plusDays(9));
        assertThat(status.type()).isEqualTo(MonitoringType.MARGINAL);
        // the registry follows: an ordinary household under monitoring is registered as monitored
        assertThat(category()).isEqualTo("MONITORED");
        // and it keeps its file: a household with casework history cannot be removed
        assertThatThrownBy(() -> fixtures.as(cadre, () -> {
                    registry.remove(householdId());
                    return null;
                }))
                .isInstanceOf(ConflictException.class);
        int audited = jdbc.sql("select count(*) from audit_log where entity_type = 'case' and entity_id = :id")
                .param("id", String.valueOf(approved.id()))
                .query(Integer.class)
                .single();
        assertThat(audited).isEqualTo(1 + 1 + 6); // opened, verification recorded, six decisions
    }

    @Test
    void theTownshipCannotPassWhatTheCountyWouldRefuseAndSaysWhy() {
        SupportCase c = verified(openIllnessCase(DAY), DAY);
        c = pass(c, cadre, DAY);
        c = pass(c, county, DAY);
        c = pass(c, cadre, DAY);
        SupportCase atTownship = pass(c, cadre, DAY.plusDays(5));
        assertThat(atTownship.step()).isEqualTo(Step.TOWNSHIP_REVIEW);
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        try {
            assertThatThrownBy(() -> pass(atTownship, township, DAY.plusDays(5)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.problems())
                                .extracting(p -> p.code())
                                .containsExactly("helper_missing", "plan_misses_risks");
                        // in Chinese, naming what is missing
                        assertThat(e.problems())
                                .extracting(p -> p.message())
                                .containsExactly("尚未落实帮扶责任人", "帮扶计划尚未针对以下风险安排措施：因病");
                    });
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
        assertThat(fixtures.as(township, () -> cases.get(atTownship.id())).step())
                .isEqualTo(Step.TOWNSHIP_REVIEW);
        // fixed while the case is still with the township, it passes
        helperAndPlan(DAY.plusDays(5));
        SupportCase atCounty = pass(atTownship, township, DAY.plusDays(5));
        assertThat(atCounty.step()).isEqualTo(Step.COUNTY_APPROVAL);
        // the county applies the same rule: a plan whose only measure was cancelled since is refused there too
        PlanMeasure measure =
                fixtures.as(county, () -> plans.measures(householdId())).get(0);
        on(DAY.plusDays(6), cadre, () -> plans.cancel(measure.id(), measure.version()));
        assertThatThrownBy(() -> pass(atCounty, county, DAY.plusDays(6)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.code()).containsExactly("plan_misses_risks"));
        assertThat(fixtures.as(county, () -> cases.get(atCounty.id())).step()).isEqualTo(Step.COUNTY_APPROVAL);
    }

    @Test
    void stepsAreRefusedToOtherRolesAndBeforeTheirConditions() {
        SupportCase opened = openIllnessCase(DAY);
        // the county cannot skip the village's home verification
        assertThatThrownBy(() -> pass(opened, county, DAY))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("role_not_allowed"));
        // without the signed commitment the cadre cannot pass it either
        assertThatThrownBy(() -> pass(opened, cadre, DAY))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.code()).contains("commitment_missing"));
        SupportCase c = pass(pass(pass(verified(opened, DAY), cadre, DAY), county, DAY), cadre, DAY);
        assertThat(c.step()).isEqualTo(Step.PUBLIC_NOTICE);
        SupportCase notice = c;
        assertThatThrownBy(() -> pass(notice, cadre, DAY.plusDays(4)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("notice_too_short"));
        assertThat(pass(notice, cadre, DAY.plusDays(5)).step()).isEqualTo(Step.TOWNSHIP_REVIEW);
    }

    @Test
    void inconsistentClassificationIsRefusedNamingTheField() {
        SupportCase c = openIllnessCase(DAY);
        assertThatThrownBy(() -> on(
                        DAY,
                        cadre,
                        () -> cases.recordVerification(
                                c.id(),
                                c.version(),
                                new VerificationInput(
                                        true,
                                        MonitoringType.UNSTABLE_FORMERLY_POOR,
                                        Set.of(RiskType.ILLNESS),
                                        BigDecimal.ZERO))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.field() + ":" + p.code())
                                .containsExactlyInAnyOrder(
                                        "monitoringType:type_needs_formerly_poor",
                                        "medicalOutOfPocket:illness_without_cost"));
    }

    @Test
    void rejectionNeedsAReasonAndEndsTheCase() {
        SupportCase c = openIllnessCase(DAY);
        assertThatThrownBy(() -> on(DAY, cadre, () -> cases.decide(c.id(), c.version(), Decision.REJECT, " ", null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("comment"));
        SupportCase rejected = on(
                DAY,
                cadre,
                () -> cases.decide(
                        c.id(), c.version(), Decision.REJECT, "income well above the line after verification", null));
        assertThat(rejected.status()).isEqualTo(CaseStatus.REJECTED);
        assertThatThrownBy(() -> pass(rejected, cadre, DAY)).isInstanceOf(ConflictException.class);
        // the household may be found at risk again later
        assertThat(openIllnessCase(DAY.plusDays(1)).status()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void secondCaseForTheSameHouseholdIsRefusedWhileOneIsOpen() {
        SupportCase first = openIllnessCase(DAY);
        assertThatThrownBy(() -> openIllnessCase(DAY))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(String.valueOf(first.id()));
    }

    @Test
    void twoReviewersDecidingAtOnceOneWinsTheOtherGetsAConflict() throws Exception {
        SupportCase c = pass(verified(openIllnessCase(DAY), DAY), cadre, DAY);
        BulwarkUser otherCounty = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> results =
                    pool.invokeAll(List.of(decideLater(c, county, start), decideLater(c, otherCounty, start)).stream()
                            .map(task -> (Callable<Object>) () -> {
                                start.countDown();
                                return task.call();
                            })
                            .toList());
            long succeeded = 0;
            long conflicts = 0;
            for (Future<Object> result : results) {
                Object outcome = result.get();
                if (outcome instanceof SupportCase) {
                    succeeded++;
                } else if (outcome instanceof ConflictException) {
                    conflicts++;
                }
            }
            assertThat(succeeded).isEqualTo(1);
            assertThat(conflicts).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(fixtures.as(county, () -> cases.steps(c.id()))).hasSize(2);
        assertThat(fixtures.as(county, () -> cases.get(c.id())).step()).isEqualTo(Step.VILLAGE_REVIEW);
    }

    private Callable<Object> decideLater(SupportCase c, BulwarkUser user, CountDownLatch start) {
        return () -> {
            start.await();
            try {
                return pass(c, user, DAY);
            } catch (ConflictException e) {
                return e;
            }
        };
    }

    @Test
    void overdueStepsAreFlaggedAndEscalated() {
        SupportCase c = openIllnessCase(DAY);
        // home verification may take 2 days
        assertThat(on(DAY.plusDays(2), township, () -> cases.get(c.id())).overdue())
                .isFalse();
        SupportCase late = on(DAY.plusDays(3), township, () -> cases.get(c.id()));
        assertThat(late.overdue()).isTrue();
        assertThat(late.escalatedTo()).isEqualTo("TOWNSHIP");
        assertThat(on(DAY.plusDays(3), township, () -> cases.list(null, null, null, null, true, 100)))
                .extracting(SupportCase::id)
                .contains(c.id());
        assertThat(on(DAY.plusDays(2), township, () -> cases.list(null, null, null, null, true, 100)))
                .extracting(SupportCase::id)
                .doesNotContain(c.id());
    }

    @Test
    void aStepBegunTodayInACaseLateAsAWholeIsNotEscalated() {
        // discovered 20 days ago, verified only now: the case is past its 15 days, its current step is not
        SupportCase c = on(
                DAY,
                cadre,
                () -> cases.open(new OpenCaseInput(
                        householdId(),
                        Channel.GRASSROOTS_VISIT,
                        null,
                        DAY.minusDays(20),
                        Set.of(RiskType.ILLNESS),
                        "found late")));
        SupportCase comparing = pass(verified(c, DAY), cadre, DAY);
        assertThat(comparing.step()).isEqualTo(Step.DATA_COMPARISON);
        SupportCase read = on(DAY, county, () -> cases.get(c.id()));
        assertThat(read.overdue()).isTrue();
        assertThat(read.escalatedTo()).isNull();
        assertThat(read.lateAsAWholeOnly()).isTrue();
        // once the step itself is past its limit, it goes up to the level above the step's role
        SupportCase later = on(DAY.plusDays(30), county, () -> cases.get(c.id()));
        assertThat(later.escalatedTo()).isEqualTo("PREFECTURE");
        assertThat(later.lateAsAWholeOnly()).isFalse();
    }

    @Test
    void casesOutsideTheUsersRegionAreNotFound() {
        SupportCase c = openIllnessCase(DAY);
        BulwarkUser otherVillage = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_B);
        assertThatThrownBy(() -> on(DAY, otherVillage, () -> cases.get(c.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(
                        () -> on(DAY, otherVillage, () -> cases.decide(c.id(), c.version(), Decision.PASS, null, null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(on(DAY, otherVillage, () -> cases.list(null, null, null, null, false, 1000)))
                .extracting(SupportCase::id)
                .doesNotContain(c.id());
    }

    @Test
    void greenChannelLetsHelpArriveBeforeApprovalOnlyForADisaster() {
        SupportCase illness = openIllnessCase(DAY);
        verified(illness, DAY);
        PlanMeasure measure = on(
                DAY,
                cadre,
                () -> plans.add(
                        householdId(),
                        new MeasureInput(MeasureCategory.HEALTH, RiskType.ILLNESS, "医疗保障局", null, null, DAY, null)));
        assertThatThrownBy(() -> on(DAY, cadre, () -> plans.deliver(measure.id(), measure.version(), DAY)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("delivery_before_approval"));

        HouseholdFile flooded = fixtures.household(cadre, TestFixtures.VILLAGE_A);
        SupportCase disaster = on(
                DAY,
                cadre,
                () -> cases.open(new OpenCaseInput(
                        flooded.household().id(),
                        Channel.GRASSROOTS_VISIT,
                        null,
                        DAY,
                        Set.of(RiskType.NATURAL_DISASTER),
                        "flood")));
        assertThat(disaster.greenChannel()).isTrue();
        PlanMeasure relief = on(
                DAY,
                cadre,
                () -> plans.add(
                        flooded.household().id(),
                        new MeasureInput(
                                MeasureCategory.SOCIAL_ASSISTANCE,
                                RiskType.NATURAL_DISASTER,
                                "民政局",
                                "temporary assistance",
                                new BigDecimal("2000"),
                                DAY,
                                null)));
        assertThat(on(DAY, cadre, () -> plans.deliver(relief.id(), relief.version(), DAY))
                        .status())
                .isEqualTo(MeasureStatus.DELIVERED);
    }

    @Test
    void measuresMustAnswerOneOfTheHouseholdsRisks() {
        verified(openIllnessCase(DAY), DAY);
        assertThatThrownBy(() -> on(
                        DAY,
                        cadre,
                        () -> plans.add(
                                householdId(),
                                new MeasureInput(
                                        MeasureCategory.EMPLOYMENT,
                                        RiskType.UNSTABLE_EMPLOYMENT,
                                        "人社局",
                                        null,
                                        null,
                                        DAY,
                                        null))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("riskType"));
    }

    @Test
    void riskEliminationWaitsSixMonthsAndThenFollowsTheProcedure() {
        SupportCase approved = identify(DAY);
        LocalDate identified = approved.decidedOn();
        // a week after identification the proposal is refused, naming the unmet conditions
        assertThatThrownBy(() -> on(identified.plusDays(7), cadre, () -> cases.proposeElimination(householdId(), null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.message())
                                .anyMatch(m -> m.contains("纳入监测满规定月数") || m.contains("Under monitoring")));

        PlanMeasure measure =
                on(identified, cadre, () -> plans.measures(householdId())).get(0);
        on(
                identified.plusDays(10),
                cadre,
                () -> plans.deliver(measure.id(), measure.version(), identified.plusDays(10)));
        on(
                identified.plusDays(10),
                helper,
                () -> visits.record(new VisitInput(
                        UUID.randomUUID(),
                        householdId(),
                        identified.plusDays(10),
                        "back at work after treatment",
                        new BigDecimal("9500"),
                        "IMPROVED")));
        LocalDate later = identified.plusDays(10).plusMonths(6);
        on(
                later,
                helper,
                () -> visits.record(new VisitInput(
                        UUID.randomUUID(),
                        householdId(),
                        later,
                        "stable income from the workshop",
                        new BigDecimal("9800"),
                        "STABLE")));
        var assessment = on(later, cadre, () -> monitoring.assess(householdId()));
        assertThat(assessment.unmet()).extracting(r -> r.criterion()).isEmpty();

        SupportCase elimination = on(later, cadre, () -> cases.proposeElimination(householdId(), "income stable"));
        assertThat(elimination.kind()).isEqualTo(CaseKind.ELIMINATION);
        elimination = pass(elimination, cadre, later);
        elimination = pass(elimination, county, later);
        elimination = pass(elimination, cadre, later);
        elimination = pass(elimination, cadre, later.plusDays(5));
        elimination = pass(elimination, township, later.plusDays(5));
        elimination = pass(elimination, county, later.plusDays(6));
        assertThat(elimination.status()).isEqualTo(CaseStatus.APPROVED);
        MonitoringStatus eliminated = on(later.plusDays(6), cadre, () -> monitoring.status(householdId()))
                .orElseThrow();
        assertThat(eliminated.eliminated()).isTrue();
        assertThat(category()).isEqualTo("ORDINARY");

        // the county reverses the mark, and can eliminate again later; risk returning means a new identification
        MonitoringStatus reversed = on(
                later.plusDays(7),
                county,
                () -> monitoring.reverse(householdId(), "income fell again after the workshop closed"));
        assertThat(reversed.monitored()).isTrue();
        assertThat(on(later.plusDays(7), cadre, () -> monitoring.history(householdId())))
                .extracting(MonitoringEvent::event)
                .containsExactly("IDENTIFIED", "ELIMINATED", "REVERSED");
    }

    @Test
    void riskReturningAfterEliminationIsIdentifiedAgainAndCountedAsReentry() {
        identify(DAY);
        long id = householdId();
        // eliminated directly in the database would skip the procedure; walk it instead
        LocalDate later = DAY.plusDays(9).plusMonths(6);
        PlanMeasure measure = on(later, cadre, () -> plans.measures(id)).get(0);
        on(later, cadre, () -> plans.deliver(measure.id(), measure.version(), later));
        on(
                later,
                cadre,
                () -> incomes.record(
                        id,
                        new IncomeInput(
                                2025,
                                new BigDecimal("30000"),
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO)));
        on(
                later,
                cadre,
                () -> visits.record(
                        new VisitInput(UUID.randomUUID(), id, later, "fine", new BigDecimal("15000"), "STABLE")));
        SupportCase e = on(later, cadre, () -> cases.proposeElimination(id, null));
        e = pass(e, cadre, later);
        e = pass(e, county, later);
        e = pass(e, cadre, later);
        e = pass(e, cadre, later.plusDays(5));
        e = pass(e, township, later.plusDays(5));
        e = pass(e, county, later.plusDays(5));
        assertThat(e.status()).isEqualTo(CaseStatus.APPROVED);
        SupportCase again = identify(later.plusMonths(2));
        assertThat(again.status()).isEqualTo(CaseStatus.APPROVED);
        MonitoringStatus status =
                on(later.plusMonths(3), cadre, () -> monitoring.status(id)).orElseThrow();
        assertThat(status.timesIdentified()).isEqualTo(2);
        assertThat(on(later.plusMonths(3), cadre, () -> monitoring.history(id)))
                .extracting(MonitoringEvent::event)
                .containsExactly("IDENTIFIED", "ELIMINATED", "REENTERED");
        CaseStatistics figures = on(
                later.plusMonths(3),
                cadre,
                () -> statistics.of(TestFixtures.VILLAGE_A, later.plusMonths(2), later.plusMonths(3)));
        assertThat(figures.total().reenteredHouseholds()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aHelperVisitsOnlyTheirOwnHouseholdsAndAVisitSentTwiceIsStoredOnce() {
        identify(DAY);
        LocalDate day = DAY.plusDays(12);
        UUID visitId = UUID.randomUUID();
        VisitInput visit = new VisitInput(visitId, householdId(), day, "all well", null, "STABLE");
        on(day, helper, () -> visits.record(visit));
        on(day, helper, () -> visits.record(visit));
        assertThat(on(day, helper, () -> visits.of(householdId()))).hasSize(1);
        BulwarkUser otherHelper = fixtures.user(Role.HELPER, TestFixtures.VILLAGE_A);
        assertThatThrownBy(() -> on(
                        day,
                        otherHelper,
                        () -> visits.record(
                                new VisitInput(UUID.randomUUID(), householdId(), day, "x", null, "STABLE"))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("not_your_household"));
        assertThatThrownBy(() -> on(
                        day,
                        helper,
                        () -> visits.record(
                                new VisitInput(UUID.randomUUID(), householdId(), day.plusDays(1), "", null, "SO-SO"))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.field())
                                .containsExactly("visitedOn", "findings", "circumstances"));
    }

    @Test
    void aNewlyAssignedHouseholdComesFirstUntilTheHelpersFirstVisit() {
        identify(DAY);
        LocalDate identified = DAY.plusDays(9);
        assertThat(on(identified.plusDays(1), helper, () -> visits.due(true, 100)))
                .filteredOn(d -> d.householdId() == householdId())
                .singleElement()
                .satisfies(d -> assertThat(d.newlyAssigned()).isTrue());
        on(
                identified.plusDays(2),
                helper,
                () -> visits.record(new VisitInput(
                        UUID.randomUUID(), householdId(), identified.plusDays(2), "首次走访", null, "STABLE")));
        assertThat(on(identified.plusDays(3), helper, () -> visits.due(false, 100)))
                .filteredOn(d -> d.householdId() == householdId())
                .singleElement()
                .satisfies(d -> assertThat(d.newlyAssigned()).isFalse());
        assertThat(on(identified.plusDays(3), helper, () -> visits.due(true, 100)))
                .extracting(VisitDue::householdId)
                .doesNotContain(householdId());
    }

    @Test
    void visitsFallDueAfterTheConfiguredFrequency() {
        identify(DAY);
        LocalDate identified = DAY.plusDays(9);
        // the helper's first visit, on the day of identification, starts the count
        on(
                identified,
                helper,
                () -> visits.record(
                        new VisitInput(UUID.randomUUID(), householdId(), identified, "首次走访", null, "STABLE")));
        assertThat(on(identified.plusDays(30), helper, () -> visits.due(true, 100)))
                .extracting(VisitDue::householdId)
                .doesNotContain(householdId());
        assertThat(on(identified.plusDays(31), helper, () -> visits.due(true, 100)))
                .extracting(VisitDue::householdId)
                .contains(householdId());
        assertThat(on(identified.plusDays(31), township, () -> helpers.caseloads()))
                .filteredOn(c -> helper.getUsername().equals(c.username()))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.households()).isEqualTo(1);
                    assertThat(c.visitsOverdue()).isEqualTo(1);
                });
    }

    @Test
    void reassigningAHelperKeepsTheHistory() {
        openIllnessCase(DAY);
        BulwarkUser second = fixtures.user(Role.HELPER, TestFixtures.VILLAGE_A);
        on(DAY, township, () -> helpers.assign(householdId(), helper.getUsername(), null));
        on(DAY.plusDays(3), township, () -> helpers.assign(householdId(), second.getUsername(), "moved away"));
        List<HelperAssignment> history = on(DAY.plusDays(3), township, () -> helpers.history(householdId()));
        assertThat(history)
                .extracting(HelperAssignment::helperUsername)
                .containsExactly(second.getUsername(), helper.getUsername());
        assertThat(history.get(1).endsOn()).isEqualTo(DAY.plusDays(3));
        BulwarkUser elsewhere = fixtures.user(Role.HELPER, TestFixtures.VILLAGE_B);
        assertThatThrownBy(() -> on(DAY, township, () -> helpers.assign(householdId(), elsewhere.getUsername(), null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("helper_not_eligible"));
    }

    @Test
    void statisticsCountIdentifiedHouseholdsAndTheirMembers() {
        CaseStatistics before = on(DAY.plusDays(20), county, () -> statistics.of(TestFixtures.VILLAGE_A, null, null));
        identify(DAY);
        CaseStatistics after = on(DAY.plusDays(20), county, () -> statistics.of(TestFixtures.VILLAGE_A, null, null));
        assertThat(after.total().identifiedHouseholds())
                .isEqualTo(before.total().identifiedHouseholds() + 1);
        assertThat(after.total().identifiedPersons()).isEqualTo(before.total().identifiedPersons() + 2);
        assertThat(after.total().monitoredHouseholds()).isEqualTo(before.total().monitoredHouseholds() + 1);
        assertThat(after.byRisk()).containsKey("ILLNESS");
        CaseStatistics township = on(DAY.plusDays(20), county, () -> statistics.of(TestFixtures.TOWNSHIP, null, null));
        assertThat(township.parts()).extracting(CaseFigures::regionCode).contains(TestFixtures.VILLAGE_A);
    }
}
