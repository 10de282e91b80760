package org.bulwark.core.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bulwark.core.registry.HouseholdCategory.FORMERLY_POOR;
import static org.bulwark.core.registry.HouseholdCategory.MONITORED;
import static org.bulwark.core.registry.HouseholdCategory.ORDINARY;
import static org.bulwark.core.screening.ScreeningScenario.AS_OF;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** DSR-01, ACC-01, EMP-01, IND-01, CRD-01 and AST-01. */
class HardshipRulesTest {

    private static final LocalDate RECENTLY = AS_OF.minusMonths(3);

    private static void disaster(ScreeningScenario scenario, int household, double loss) {
        scenario.records("disaster_loss")
                .add(household, -1, RECENTLY)
                .text("disaster_type", "flood")
                .number("loss_amount", loss);
    }

    @Test
    void warnsOfDisasterLossFromTenThousandYuan() {
        ScreeningScenario scenario = new ScreeningScenario();
        int at = scenario.household(ORDINARY, 3, 100_000);
        int below = scenario.household(ORDINARY, 3, 100_000);
        disaster(scenario, at, 10_000);
        disaster(scenario, below, 9_999.99);

        assertThat(scenario.ruleIds(at)).containsExactly("DSR-01");
        assertThat(scenario.ruleIds(below)).isEmpty();
    }

    @Test
    void warnsOfDisasterLossOfHalfTheNetIncome() {
        ScreeningScenario scenario = new ScreeningScenario();
        int half = scenario.household(ORDINARY, 1, 10_000);
        int lessThanHalf = scenario.household(ORDINARY, 1, 10_000.02);
        disaster(scenario, half, 5_000);
        disaster(scenario, lessThanHalf, 5_000);

        assertThat(scenario.hits(half, "DSR-01")).isTrue();
        assertThat(scenario.hits(lessThanHalf, "DSR-01")).isFalse();
    }

    @Test
    void householdWithoutIncomeOrLossRaisesNoDisasterWarning() {
        ScreeningScenario scenario = new ScreeningScenario();
        int noIncome = scenario.household(ORDINARY, 1, 0);

        assertThat(scenario.hits(noIncome, "DSR-01")).isFalse();
        assertThat(scenario.hits(noIncome, "IND-01")).isFalse();
    }

    @Test
    void warnsWhenAMainLabourerDiedWithinTwelveMonths() {
        ScreeningScenario scenario = new ScreeningScenario();
        int lostLabourer = scenario.comfortableHousehold();
        int lostElder = scenario.comfortableHousehold();
        int longAgo = scenario.comfortableHousehold();
        scenario.records("death_record").add(lostLabourer, scenario.mainLabourer(lostLabourer), RECENTLY);
        scenario.records("death_record").add(lostElder, scenario.person(lostElder, 80), RECENTLY);
        scenario.records("death_record").add(longAgo, scenario.mainLabourer(longAgo), AS_OF.minusMonths(12));

        assertThat(scenario.ruleIds(lostLabourer)).contains("ACC-01");
        assertThat(scenario.ruleIds(lostElder)).doesNotContain("ACC-01");
        assertThat(scenario.ruleIds(longAgo)).doesNotContain("ACC-01");
    }

    private static void unemployed(ScreeningScenario scenario, int household, int person, LocalDate since) {
        scenario.records("employment_status").add(household, person, since).text("status", "unemployed");
    }

    @Test
    void warnsWhenEveryAbleBodiedMemberIsUnemployedForThreeWholeMonths() {
        ScreeningScenario scenario = new ScreeningScenario();
        int threeMonths = scenario.comfortableHousehold();
        unemployed(scenario, threeMonths, scenario.mainLabourer(threeMonths), LocalDate.of(2026, 3, 30));
        unemployed(scenario, threeMonths, scenario.mainLabourer(threeMonths), LocalDate.of(2025, 1, 1));
        int oneNotYet = scenario.comfortableHousehold();
        unemployed(scenario, oneNotYet, scenario.mainLabourer(oneNotYet), LocalDate.of(2026, 3, 31));
        unemployed(scenario, oneNotYet, scenario.mainLabourer(oneNotYet), LocalDate.of(2025, 1, 1));

        assertThat(scenario.ruleIds(threeMonths)).containsExactly("EMP-01");
        assertThat(scenario.ruleIds(oneNotYet)).isEmpty();
    }

    @Test
    void memberWhoFoundWorkAgainOrAnEmployedMemberClearsTheEmploymentWarning() {
        ScreeningScenario scenario = new ScreeningScenario();
        int foundWork = scenario.comfortableHousehold();
        int labourer = scenario.mainLabourer(foundWork);
        unemployed(scenario, foundWork, labourer, LocalDate.of(2025, 1, 1));
        scenario.records("employment_status")
                .add(foundWork, labourer, LocalDate.of(2026, 5, 1))
                .text("status", "employed");
        int oneEmployed = scenario.comfortableHousehold();
        unemployed(scenario, oneEmployed, scenario.mainLabourer(oneEmployed), LocalDate.of(2025, 1, 1));
        scenario.mainLabourer(oneEmployed);

        assertThat(scenario.ruleIds(foundWork)).isEmpty();
        assertThat(scenario.ruleIds(oneEmployed)).isEmpty();
    }

    @Test
    void householdWithNobodyAbleToWorkGetsNoEmploymentWarning() {
        ScreeningScenario scenario = new ScreeningScenario();
        int nobodyAble = scenario.comfortableHousehold();
        unemployed(scenario, nobodyAble, scenario.person(nobodyAble, 40), LocalDate.of(2025, 1, 1));

        assertThat(scenario.ruleIds(nobodyAble)).isEmpty();
    }

    private static void agriculturalLoss(ScreeningScenario scenario, int household, double loss) {
        scenario.records("agricultural_loss")
                .add(household, -1, RECENTLY)
                .text("kind", "livestock")
                .number("loss_amount", loss);
    }

    @Test
    void warnsOfAgriculturalLossOfThirtyPercentOfNetIncome() {
        ScreeningScenario scenario = new ScreeningScenario();
        int thirtyPercent = scenario.household(ORDINARY, 1, 10_000);
        int less = scenario.household(ORDINARY, 1, 10_000);
        agriculturalLoss(scenario, thirtyPercent, 3_000);
        agriculturalLoss(scenario, less, 2_999.99);

        assertThat(scenario.ruleIds(thirtyPercent)).containsExactly("IND-01");
        assertThat(scenario.ruleIds(less)).isEmpty();
    }

    @Test
    void warnsOfMicrocreditOverdueMoreThanNinetyDays() {
        ScreeningScenario scenario = new ScreeningScenario();
        int ninetyOne = scenario.comfortableHousehold();
        int ninety = scenario.comfortableHousehold();
        scenario.records("microcredit")
                .add(ninetyOne, -1, LocalDate.of(2024, 3, 1))
                .number("overdue_days", 91);
        scenario.records("microcredit")
                .add(ninetyOne, -1, LocalDate.of(2025, 3, 1))
                .number("overdue_days", 0);
        scenario.records("microcredit")
                .add(ninety, -1, LocalDate.of(2024, 3, 1))
                .number("overdue_days", 90);

        assertThat(scenario.ruleIds(ninetyOne)).containsExactly("CRD-01");
        assertThat(scenario.ruleIds(ninety)).isEmpty();
    }

    @Test
    void warnsOfTemporaryAssistanceToHouseholdsNotUnderMonitoring() {
        ScreeningScenario scenario = new ScreeningScenario();
        int ordinary = scenario.household(ORDINARY, 3, 90_000);
        int formerlyPoor = scenario.household(FORMERLY_POOR, 3, 90_000);
        int monitored = scenario.household(MONITORED, 3, 90_000);
        int longAgo = scenario.household(ORDINARY, 3, 90_000);
        for (int household : new int[] {ordinary, formerlyPoor, monitored}) {
            scenario.records("temporary_assistance")
                    .add(household, -1, RECENTLY)
                    .number("amount", 2_000);
        }
        scenario.records("temporary_assistance")
                .add(longAgo, -1, AS_OF.minusMonths(13))
                .number("amount", 2_000);

        assertThat(scenario.ruleIds(ordinary)).containsExactly("AST-01");
        assertThat(scenario.ruleIds(formerlyPoor)).containsExactly("AST-01");
        assertThat(scenario.ruleIds(monitored)).isEmpty();
        assertThat(scenario.ruleIds(longAgo)).isEmpty();
    }
}
