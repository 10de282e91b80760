package org.bulwark.core.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bulwark.core.registry.HouseholdCategory.ORDINARY;

import org.junit.jupiter.api.Test;

/** INC-01 and INC-02 with the default line of 8,700 yuan. */
class IncomeRulesTest {

    @Test
    void warnsWhenIncomePerCapitaIsBelowTheLineButNotAtIt() {
        ScreeningScenario scenario = new ScreeningScenario();
        int below = scenario.household(ORDINARY, 2, 17_399.98);
        int at = scenario.household(ORDINARY, 2, 17_400);

        assertThat(scenario.hits(below, "INC-01")).isTrue();
        assertThat(scenario.hits(at, "INC-01")).isFalse();
    }

    @Test
    void incomeWarningTurnsRedBelowEightyPercentOfTheLine() {
        ScreeningScenario scenario = new ScreeningScenario();
        int justBelowRed = scenario.household(ORDINARY, 2, 13_919.98);
        int atRed = scenario.household(ORDINARY, 2, 13_920);

        assertThat(scenario.hit(justBelowRed, "INC-01").level()).isEqualTo(WarningLevel.RED);
        assertThat(scenario.hit(atRed, "INC-01").level()).isEqualTo(WarningLevel.ORANGE);
    }

    @Test
    void householdWithNoMembersAndNoIncomeIsWarnedBecauseDivisionByZeroIsZero() {
        ScreeningScenario scenario = new ScreeningScenario();
        int empty = scenario.household(ORDINARY, 0, 0);

        assertThat(scenario.hit(empty, "INC-01").level()).isEqualTo(WarningLevel.RED);
    }

    @Test
    void warnsWhenIncomeFellByThirtyPercentOrMore() {
        ScreeningScenario scenario = new ScreeningScenario();
        int fellThirtyPercent = scenario.household(ORDINARY, 2, 14_000, 20_000);
        int fellLess = scenario.household(ORDINARY, 2, 14_000.01, 20_000);

        assertThat(scenario.hits(fellThirtyPercent, "INC-02")).isTrue();
        assertThat(scenario.hits(fellLess, "INC-02")).isFalse();
    }

    @Test
    void incomeFallMattersOnlyBelowOneAndAHalfTimesTheLine() {
        ScreeningScenario scenario = new ScreeningScenario();
        int justBelowCeiling = scenario.household(ORDINARY, 1, 13_049.99, 30_000);
        int atCeiling = scenario.household(ORDINARY, 1, 13_050, 30_000);

        assertThat(scenario.hits(justBelowCeiling, "INC-02")).isTrue();
        assertThat(scenario.hits(atCeiling, "INC-02")).isFalse();
    }

    @Test
    void unknownPreviousIncomeIsNoFall() {
        ScreeningScenario scenario = new ScreeningScenario();
        int noPrevious = scenario.household(ORDINARY, 2, 1_000, 0);

        assertThat(scenario.ruleIds(noPrevious)).contains("INC-01").doesNotContain("INC-02");
    }

    @Test
    void householdAboveTheLineRaisesNoIncomeWarning() {
        ScreeningScenario scenario = new ScreeningScenario();
        int comfortable = scenario.comfortableHousehold();

        assertThat(scenario.ruleIds(comfortable)).isEmpty();
    }

    @Test
    void provinceLineForTheYearReplacesTheDefault() {
        ScreeningScenario scenario = new ScreeningScenario().inProvince("52");
        int belowGuizhouLine = scenario.household(ORDINARY, 1, 8_899.99);

        assertThat(scenario.hit(belowGuizhouLine, "INC-01").evidence().parameters())
                .containsEntry("line", 8_900.0);
    }
}
