package org.bulwark.core.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bulwark.core.registry.HouseholdCategory.FORMERLY_POOR;
import static org.bulwark.core.registry.HouseholdCategory.MONITORED;
import static org.bulwark.core.registry.HouseholdCategory.ORDINARY;
import static org.bulwark.core.screening.ScreeningScenario.AS_OF;

import org.junit.jupiter.api.Test;

/**
 * ALC-01 (possible omission: income below the allowance standard, nothing received) and ALC-02 (possible
 * misidentification: a recipient far above it). Default standard 6,400 yuan per person, factor 2.
 */
class SafetyNetRulesTest {

    private static void allowance(ScreeningScenario scenario, int household, boolean ended) {
        int person = scenario.person(household, 50);
        scenario.records("minimum_living_allowance")
                .add(household, person, AS_OF.minusYears(1))
                .number("monthly_amount", 500)
                .flag("ended", ended);
    }

    @Test
    void warnsOfAMonitoredHouseholdBelowTheStandardWithoutAllowance() {
        ScreeningScenario scenario = new ScreeningScenario();
        int below = scenario.household(MONITORED, 2, 12_799.98);
        int at = scenario.household(MONITORED, 2, 12_800);

        assertThat(scenario.hits(below, "ALC-01")).isTrue();
        assertThat(scenario.hits(at, "ALC-01")).isFalse();
    }

    @Test
    void formerlyPoorHouseholdsAreCheckedOrdinaryOnesNot() {
        ScreeningScenario scenario = new ScreeningScenario();
        int formerlyPoor = scenario.household(FORMERLY_POOR, 1, 5_000);
        int ordinary = scenario.household(ORDINARY, 1, 5_000);

        assertThat(scenario.hits(formerlyPoor, "ALC-01")).isTrue();
        assertThat(scenario.hits(ordinary, "ALC-01")).isFalse();
    }

    @Test
    void anAllowanceOrSupportStillRunningKeepsTheWarningAway() {
        ScreeningScenario scenario = new ScreeningScenario();
        int receiving = scenario.household(MONITORED, 1, 5_000);
        int ended = scenario.household(MONITORED, 1, 5_000);
        int supported = scenario.household(MONITORED, 1, 5_000);
        allowance(scenario, receiving, false);
        allowance(scenario, ended, true);
        scenario.records("extreme_poverty_support")
                .add(supported, scenario.person(supported, 80), AS_OF.minusYears(2))
                .flag("ended", false);

        assertThat(scenario.hits(receiving, "ALC-01")).isFalse();
        assertThat(scenario.hits(ended, "ALC-01")).isTrue();
        assertThat(scenario.hits(supported, "ALC-01")).isFalse();
    }

    @Test
    void anUnknownIncomeIsLeftToTheIncomeRule() {
        ScreeningScenario scenario = new ScreeningScenario();
        int unknown = scenario.household(MONITORED, 3, 0);

        assertThat(scenario.ruleIds(unknown)).contains("INC-01").doesNotContain("ALC-01");
    }

    @Test
    void checksARecipientWhoseIncomeIsTwiceTheStandardOrMore() {
        ScreeningScenario scenario = new ScreeningScenario();
        int twice = scenario.household(ORDINARY, 2, 25_600);
        int justBelow = scenario.household(ORDINARY, 2, 25_599.98);
        int endedLongAgo = scenario.household(ORDINARY, 2, 90_000);
        allowance(scenario, twice, false);
        allowance(scenario, justBelow, false);
        allowance(scenario, endedLongAgo, true);

        assertThat(scenario.hits(twice, "ALC-02")).isTrue();
        assertThat(scenario.hits(justBelow, "ALC-02")).isFalse();
        assertThat(scenario.hits(endedLongAgo, "ALC-02")).isFalse();
    }

    @Test
    void readsTheStandardOfTheProvinceAndYear() {
        // Guizhou 2026: 6,400 (demo figure); Yunnan has no 2026 figure of its own, so the default applies
        ScreeningScenario guizhou = new ScreeningScenario().inProvince("52");
        ScreeningScenario yunnan = new ScreeningScenario().inProvince("53");

        assertThat(guizhou.parameters().value("allowance_standard")).isEqualTo(6_400);
        assertThat(yunnan.parameters().value("allowance_standard")).isEqualTo(6_400);
        assertThat(ScreeningScenario.defaultRules().parameters("53", 2021).value("allowance_standard"))
                .isEqualTo(4_770);
    }
}
