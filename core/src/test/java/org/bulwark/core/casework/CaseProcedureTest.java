package org.bulwark.core.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaseProcedureTest {

    static final ProcedureDefinition PROCEDURE = Procedures.shipped().forRegion("52");
    static final CaseProcedure PROCEDURE_RULES = new CaseProcedure(PROCEDURE);
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final Classification MARGINAL_ILLNESS =
            new Classification(MonitoringType.MARGINAL, Set.of(RiskType.ILLNESS), false, true, new BigDecimal("12000"));

    static CaseFacts at(Step step) {
        return new CaseFacts(
                CaseKind.IDENTIFICATION, step, DAY, true, MARGINAL_ILLNESS, true, Set.of(RiskType.ILLNESS), null);
    }

    static Outcome decide(CaseFacts facts, String role, LocalDate today) {
        return PROCEDURE_RULES.decide(facts, Decision.PASS, role, today);
    }

    static List<String> refusals(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused) outcome).reasons().stream().map(Refusal::code).toList();
    }

    @Test
    void eachStepPassedByItsRoleMovesToTheNext() {
        Step[] order = {
            Step.HOME_VERIFICATION,
            Step.DATA_COMPARISON,
            Step.VILLAGE_REVIEW,
            Step.PUBLIC_NOTICE,
            Step.TOWNSHIP_REVIEW,
            Step.COUNTY_APPROVAL
        };
        String[] roles = {"VILLAGE_CADRE", "COUNTY_APPROVER", "VILLAGE_CADRE", "VILLAGE_CADRE", "TOWNSHIP_REVIEWER"};
        for (int i = 0; i < order.length - 1; i++) {
            Outcome outcome = decide(at(order[i]), roles[i], DAY.plusDays(5));
            assertThat(outcome)
                    .as(order[i].name())
                    .isEqualTo(new Outcome.Moved(PROCEDURE.rule(CaseKind.IDENTIFICATION, order[i + 1])));
        }
    }

    @Test
    void countyApprovalOfACompleteCaseApprovesIt() {
        assertThat(decide(at(Step.COUNTY_APPROVAL), "COUNTY_APPROVER", DAY))
                .isEqualTo(new Outcome.Finished(CaseStatus.APPROVED));
    }

    @Test
    void anyStepMayRejectTheCase() {
        for (StepRule rule : PROCEDURE.steps(CaseKind.IDENTIFICATION)) {
            CaseFacts facts =
                    new CaseFacts(CaseKind.IDENTIFICATION, rule.step(), DAY, false, null, false, Set.of(), null);
            assertThat(PROCEDURE_RULES.decide(
                            facts, Decision.REJECT, rule.roles().get(0), DAY))
                    .isEqualTo(new Outcome.Finished(CaseStatus.REJECTED));
        }
    }

    @Test
    void aRoleOtherThanTheStepsIsRefused() {
        assertThat(refusals(decide(at(Step.TOWNSHIP_REVIEW), "VILLAGE_CADRE", DAY)))
                .containsExactly("role_not_allowed");
        // a county approver cannot skip the village's steps either
        assertThat(refusals(decide(at(Step.VILLAGE_REVIEW), "COUNTY_APPROVER", DAY)))
                .containsExactly("role_not_allowed");
        assertThat(refusals(
                        PROCEDURE_RULES.decide(at(Step.COUNTY_APPROVAL), Decision.REJECT, "TOWNSHIP_REVIEWER", DAY)))
                .containsExactly("role_not_allowed");
    }

    @Test
    void homeVerificationNeedsTheSignedCommitment() {
        CaseFacts unsigned = new CaseFacts(
                CaseKind.IDENTIFICATION, Step.HOME_VERIFICATION, DAY, false, MARGINAL_ILLNESS, false, Set.of(), null);
        assertThat(refusals(decide(unsigned, "VILLAGE_CADRE", DAY))).containsExactly("commitment_missing");
    }

    @Test
    void homeVerificationNeedsTypeAndRisks() {
        CaseFacts unclassified =
                new CaseFacts(CaseKind.IDENTIFICATION, Step.HOME_VERIFICATION, DAY, true, null, false, Set.of(), null);
        assertThat(refusals(decide(unclassified, "VILLAGE_CADRE", DAY)))
                .containsExactly("type_missing", "risks_missing");
    }

    @Test
    void publicNoticeCannotCloseBeforeItsMinimumDays() {
        assertThat(refusals(decide(at(Step.PUBLIC_NOTICE), "VILLAGE_CADRE", DAY.plusDays(4))))
                .containsExactly("notice_too_short");
        assertThat(decide(at(Step.PUBLIC_NOTICE), "VILLAGE_CADRE", DAY.plusDays(5)))
                .isInstanceOf(Outcome.Moved.class);
    }

    @Test
    void countyCannotApproveWithoutAHelper() {
        CaseFacts facts = new CaseFacts(
                CaseKind.IDENTIFICATION,
                Step.COUNTY_APPROVAL,
                DAY,
                true,
                MARGINAL_ILLNESS,
                false,
                Set.of(RiskType.ILLNESS),
                null);
        assertThat(refusals(decide(facts, "COUNTY_APPROVER", DAY))).containsExactly("helper_missing");
    }

    @Test
    void countyCannotApproveAPlanThatLeavesARiskUnanswered() {
        Classification two = new Classification(
                MonitoringType.MARGINAL, Set.of(RiskType.ILLNESS, RiskType.SCHOOLING), false, true, BigDecimal.ONE);
        CaseFacts facts = new CaseFacts(
                CaseKind.IDENTIFICATION,
                Step.COUNTY_APPROVAL,
                DAY,
                true,
                two,
                true,
                Set.of(RiskType.ILLNESS, RiskType.OTHER),
                null);
        Outcome outcome = decide(facts, "COUNTY_APPROVER", DAY);
        assertThat(refusals(outcome)).containsExactly("plan_misses_risks");
        assertThat(((Outcome.Refused) outcome).reasons().get(0).arguments())
                .containsExactly(Set.of(RiskType.SCHOOLING));
        CaseFacts covered = new CaseFacts(
                CaseKind.IDENTIFICATION,
                Step.COUNTY_APPROVAL,
                DAY,
                true,
                two,
                true,
                Set.of(RiskType.ILLNESS, RiskType.SCHOOLING),
                null);
        assertThat(decide(covered, "COUNTY_APPROVER", DAY)).isEqualTo(new Outcome.Finished(CaseStatus.APPROVED));
    }

    @Test
    void theTownshipIsHeldToTheCountysRuleSoItCanStillFixTheCase() {
        Classification two = new Classification(
                MonitoringType.MARGINAL, Set.of(RiskType.ILLNESS, RiskType.SCHOOLING), false, true, BigDecimal.ONE);
        CaseFacts bare = new CaseFacts(
                CaseKind.IDENTIFICATION, Step.TOWNSHIP_REVIEW, DAY, true, two, false, Set.of(RiskType.ILLNESS), null);
        Outcome outcome = decide(bare, "TOWNSHIP_REVIEWER", DAY);
        assertThat(refusals(outcome)).containsExactly("helper_missing", "plan_misses_risks");
        assertThat(((Outcome.Refused) outcome).reasons().get(1).arguments())
                .containsExactly(Set.of(RiskType.SCHOOLING));
        // the very reasons the county would give
        CaseFacts atCounty = new CaseFacts(
                CaseKind.IDENTIFICATION, Step.COUNTY_APPROVAL, DAY, true, two, false, Set.of(RiskType.ILLNESS), null);
        assertThat(((Outcome.Refused) decide(atCounty, "COUNTY_APPROVER", DAY)).reasons())
                .isEqualTo(((Outcome.Refused) outcome).reasons())
                .isEqualTo(PROCEDURE_RULES.readyForApproval(bare));
        // a township may still reject such a case, and an elimination's township review has no such condition
        assertThat(PROCEDURE_RULES.decide(bare, Decision.REJECT, "TOWNSHIP_REVIEWER", DAY))
                .isEqualTo(new Outcome.Finished(CaseStatus.REJECTED));
        CaseFacts elimination =
                new CaseFacts(CaseKind.ELIMINATION, Step.TOWNSHIP_REVIEW, DAY, false, null, false, Set.of(), null);
        assertThat(decide(elimination, "TOWNSHIP_REVIEWER", DAY)).isInstanceOf(Outcome.Moved.class);
    }

    @Test
    void aDecisionDatedBeforeTheStepBeganIsRefused() {
        assertThat(refusals(decide(at(Step.VILLAGE_REVIEW), "VILLAGE_CADRE", DAY.minusDays(1))))
                .containsExactly("decided_before_step");
    }

    @Test
    void eliminationIsApprovedOnlyWhenEveryCriterionHolds() {
        RiskEliminationAssessment failing = new RiskEliminationAssessment(
                DAY,
                List.of(
                        new RiskEliminationAssessment.Result(
                                EliminationCriterion.MONITORED_LONG_ENOUGH, false, List.of()),
                        new RiskEliminationAssessment.Result(EliminationCriterion.MEASURE_DELIVERED, true, List.of())));
        CaseFacts facts =
                new CaseFacts(CaseKind.ELIMINATION, Step.COUNTY_APPROVAL, DAY, false, null, true, Set.of(), failing);
        Outcome outcome = decide(facts, "COUNTY_APPROVER", DAY);
        assertThat(refusals(outcome)).containsExactly("criterion_unmet");
        assertThat(((Outcome.Refused) outcome).reasons().get(0).arguments())
                .containsExactly(EliminationCriterion.MONITORED_LONG_ENOUGH);
        RiskEliminationAssessment passing = new RiskEliminationAssessment(
                DAY,
                List.of(new RiskEliminationAssessment.Result(
                        EliminationCriterion.MONITORED_LONG_ENOUGH, true, List.of())));
        CaseFacts ok =
                new CaseFacts(CaseKind.ELIMINATION, Step.COUNTY_APPROVAL, DAY, false, null, true, Set.of(), passing);
        assertThat(decide(ok, "COUNTY_APPROVER", DAY)).isEqualTo(new Outcome.Finished(CaseStatus.APPROVED));
        CaseFacts unassessed =
                new CaseFacts(CaseKind.ELIMINATION, Step.COUNTY_APPROVAL, DAY, false, null, true, Set.of(), null);
        assertThat(refusals(decide(unassessed, "COUNTY_APPROVER", DAY))).containsExactly("assessment_missing");
    }

    @Test
    void eliminationHomeVerificationNeedsNoNewCommitment() {
        CaseFacts facts =
                new CaseFacts(CaseKind.ELIMINATION, Step.HOME_VERIFICATION, DAY, false, null, true, Set.of(), null);
        assertThat(decide(facts, "VILLAGE_CADRE", DAY)).isInstanceOf(Outcome.Moved.class);
    }

    @Test
    void stepIsOverdueTheDayAfterItsLimit() {
        // home verification may take 2 days: entered on the 2nd, due on the 4th, overdue on the 5th
        assertThat(PROCEDURE_RULES.stepOverdue(CaseKind.IDENTIFICATION, Step.HOME_VERIFICATION, DAY, DAY.plusDays(2)))
                .isFalse();
        assertThat(PROCEDURE_RULES.stepOverdue(CaseKind.IDENTIFICATION, Step.HOME_VERIFICATION, DAY, DAY.plusDays(3)))
                .isTrue();
    }

    @Test
    void caseIsOverdueAfterFifteenDaysFromDiscovery() {
        assertThat(PROCEDURE_RULES.decisionOverdue(DAY, DAY.plusDays(15))).isFalse();
        assertThat(PROCEDURE_RULES.decisionOverdue(DAY, DAY.plusDays(16))).isTrue();
    }

    @Test
    void greenChannelOpensForDisasterAndAccident() {
        assertThat(PROCEDURE.greenChannelFor(Set.of(RiskType.NATURAL_DISASTER))).isTrue();
        assertThat(PROCEDURE.greenChannelFor(Set.of(RiskType.ILLNESS, RiskType.ACCIDENT)))
                .isTrue();
        assertThat(PROCEDURE.greenChannelFor(Set.of(RiskType.ILLNESS))).isFalse();
    }
}
