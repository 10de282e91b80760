package org.bulwark.core.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RiskEliminationAssessmentTest {

    static final ProcedureDefinition PROCEDURE = Procedures.shipped().forRegion("52");
    static final LocalDate AS_OF = LocalDate.of(2026, 9, 30);
    static final BigDecimal LINE = new BigDecimal("8900");

    static IncomeObservation income(LocalDate on, String perCapita) {
        return new IncomeObservation(on, new BigDecimal(perCapita));
    }

    /** A household that meets every condition on AS_OF. */
    static EliminationInputs eligible() {
        return new EliminationInputs(
                AS_OF.minusMonths(6),
                List.of(income(AS_OF.minusMonths(6), "9500"), income(AS_OF.minusMonths(1), "9800")),
                LINE,
                1,
                Set.of(),
                true,
                0);
    }

    static boolean holds(EliminationInputs inputs, EliminationCriterion criterion) {
        return RiskEliminationAssessment.assess(PROCEDURE, inputs, AS_OF).results().stream()
                .filter(r -> r.criterion() == criterion)
                .findFirst()
                .orElseThrow()
                .holds();
    }

    static EliminationInputs withIncomes(List<IncomeObservation> incomes) {
        EliminationInputs e = eligible();
        return new EliminationInputs(e.identifiedOn(), incomes, LINE, 1, Set.of(), true, 0);
    }

    @Test
    void eligibleHouseholdMeetsEveryCondition() {
        RiskEliminationAssessment assessment = RiskEliminationAssessment.assess(PROCEDURE, eligible(), AS_OF);
        assertThat(assessment.allHold()).isTrue();
        assertThat(assessment.results())
                .extracting(RiskEliminationAssessment.Result::criterion)
                .containsExactly(EliminationCriterion.values());
    }

    @Test
    void identifiedSixMonthsAgoIsLongEnoughButADayLessIsNot() {
        EliminationInputs e = eligible();
        assertThat(holds(e, EliminationCriterion.MONITORED_LONG_ENOUGH)).isTrue();
        EliminationInputs dayLater =
                new EliminationInputs(AS_OF.minusMonths(6).plusDays(1), e.incomes(), LINE, 1, Set.of(), true, 0);
        assertThat(holds(dayLater, EliminationCriterion.MONITORED_LONG_ENOUGH)).isFalse();
        EliminationInputs lastWeek = new EliminationInputs(AS_OF.minusDays(7), e.incomes(), LINE, 1, Set.of(), true, 0);
        assertThat(RiskEliminationAssessment.assess(PROCEDURE, lastWeek, AS_OF).allHold())
                .isFalse();
    }

    @Test
    void incomeExactlyAtTheLineCountsAsAboveAndOneYuanLessDoesNot() {
        assertThat(holds(
                        withIncomes(
                                List.of(income(AS_OF.minusMonths(7), "8900"), income(AS_OF.minusMonths(1), "8900"))),
                        EliminationCriterion.INCOME_STABLY_ABOVE_LINE))
                .isTrue();
        assertThat(holds(
                        withIncomes(
                                List.of(income(AS_OF.minusMonths(7), "8900"), income(AS_OF.minusMonths(1), "8899.99"))),
                        EliminationCriterion.INCOME_STABLY_ABOVE_LINE))
                .isFalse();
    }

    @Test
    void runAboveTheLineMustHaveBegunSixMonthsAgo() {
        // below the line 7 months ago, above since 6 months ago: holds; above only since 6 months less a day: not
        assertThat(holds(
                        withIncomes(List.of(
                                income(AS_OF.minusMonths(7), "7000"),
                                income(AS_OF.minusMonths(6), "9000"),
                                income(AS_OF.minusDays(3), "9100"))),
                        EliminationCriterion.INCOME_STABLY_ABOVE_LINE))
                .isTrue();
        assertThat(holds(
                        withIncomes(List.of(
                                income(AS_OF.minusMonths(7), "7000"),
                                income(AS_OF.minusMonths(6).plusDays(1), "9000"),
                                income(AS_OF.minusDays(3), "9100"))),
                        EliminationCriterion.INCOME_STABLY_ABOVE_LINE))
                .isFalse();
    }

    @Test
    void aFallBelowTheLineRestartsTheRun() {
        assertThat(holds(
                        withIncomes(List.of(
                                income(AS_OF.minusMonths(12), "9500"),
                                income(AS_OF.minusMonths(2), "8000"),
                                income(AS_OF.minusMonths(1), "9500"))),
                        EliminationCriterion.INCOME_STABLY_ABOVE_LINE))
                .isFalse();
    }

    @Test
    void oldGoodNewsAloneIsNotStability() {
        // the only observation is above the line but more than six months old: no evidence about now
        assertThat(holds(
                        withIncomes(List.of(income(AS_OF.minusMonths(6).minusDays(1), "9500"))),
                        EliminationCriterion.INCOME_STABLY_ABOVE_LINE))
                .isFalse();
        assertThat(holds(
                        withIncomes(List.of(income(AS_OF.minusMonths(6), "9500"))),
                        EliminationCriterion.INCOME_STABLY_ABOVE_LINE))
                .isTrue();
        assertThat(holds(withIncomes(List.of()), EliminationCriterion.INCOME_STABLY_ABOVE_LINE))
                .isFalse();
    }

    @Test
    void observationsAfterTheAssessmentDayAreIgnored() {
        assertThat(holds(
                        withIncomes(List.of(
                                income(AS_OF.minusMonths(7), "9500"),
                                income(AS_OF.minusMonths(1), "9600"),
                                income(AS_OF.plusDays(1), "5000"))),
                        EliminationCriterion.INCOME_STABLY_ABOVE_LINE))
                .isTrue();
    }

    @Test
    void oneDeliveredMeasureIsEnoughAndNoneIsNot() {
        EliminationInputs e = eligible();
        assertThat(holds(
                        new EliminationInputs(e.identifiedOn(), e.incomes(), LINE, 0, Set.of(), true, 0),
                        EliminationCriterion.MEASURE_DELIVERED))
                .isFalse();
        assertThat(holds(e, EliminationCriterion.MEASURE_DELIVERED)).isTrue();
    }

    @Test
    void anOpenGuaranteeGapBlocksElimination() {
        EliminationInputs e = eligible();
        EliminationInputs gap =
                new EliminationInputs(e.identifiedOn(), e.incomes(), LINE, 1, Set.of("medical_insurance"), true, 0);
        assertThat(holds(gap, EliminationCriterion.GUARANTEES_SECURED)).isFalse();
        RiskEliminationAssessment.Result result =
                RiskEliminationAssessment.assess(PROCEDURE, gap, AS_OF).unmet().get(0);
        assertThat(result.figures()).containsExactly(List.of("medical_insurance"));
    }

    @Test
    void householdWithNobodyAbleToWorkIsNotEliminated() {
        EliminationInputs e = eligible();
        assertThat(holds(
                        new EliminationInputs(e.identifiedOn(), e.incomes(), LINE, 1, Set.of(), false, 0),
                        EliminationCriterion.SOMEONE_CAN_WORK))
                .isFalse();
    }

    @Test
    void anOpenRiskWarningBlocksElimination() {
        EliminationInputs e = eligible();
        assertThat(holds(
                        new EliminationInputs(e.identifiedOn(), e.incomes(), LINE, 1, Set.of(), true, 1),
                        EliminationCriterion.NO_OPEN_RISK_WARNINGS))
                .isFalse();
    }
}
