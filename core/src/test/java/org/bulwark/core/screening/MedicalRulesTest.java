package org.bulwark.core.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bulwark.core.registry.HouseholdCategory.MONITORED;
import static org.bulwark.core.registry.HouseholdCategory.ORDINARY;
import static org.bulwark.core.screening.ScreeningScenario.AS_OF;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** MED-01 … MED-04: out-of-pocket costs, serious illness, medical insurance. */
class MedicalRulesTest {

    private static final LocalDate IN_WINDOW = AS_OF.minusMonths(2);

    private static void settlement(
            ScreeningScenario scenario, int household, int person, LocalDate date, double outOfPocket, double inScope) {
        scenario.records("medical_settlement")
                .add(household, person, date)
                .text("kind", "inpatient")
                .number("out_of_pocket", outOfPocket)
                .number("in_scope_out_of_pocket", inScope);
    }

    @Test
    void monitoredHouseholdIsWarnedFromFiveThousandYuanOutOfPocket() {
        ScreeningScenario scenario = new ScreeningScenario();
        int atThreshold = scenario.household(MONITORED, 3, 90_000);
        int below = scenario.household(MONITORED, 3, 90_000);
        settlement(scenario, atThreshold, scenario.person(atThreshold, 50), IN_WINDOW, 3_000, 0);
        settlement(scenario, atThreshold, scenario.person(atThreshold, 20), IN_WINDOW, 2_000, 0);
        settlement(scenario, below, scenario.person(below, 50), IN_WINDOW, 4_999.99, 0);

        assertThat(scenario.hits(atThreshold, "MED-01")).isTrue();
        assertThat(scenario.hits(below, "MED-01")).isFalse();
    }

    @Test
    void ordinaryHouseholdIsWarnedFromTwentyThousandYuanOutOfPocket() {
        ScreeningScenario scenario = new ScreeningScenario();
        int atThreshold = scenario.household(ORDINARY, 3, 90_000);
        int below = scenario.household(ORDINARY, 3, 90_000);
        settlement(scenario, atThreshold, scenario.person(atThreshold, 50), IN_WINDOW, 20_000, 0);
        settlement(scenario, below, scenario.person(below, 50), IN_WINDOW, 19_999.99, 0);

        assertThat(scenario.hits(atThreshold, "MED-01")).isTrue();
        assertThat(scenario.hits(below, "MED-01")).isFalse();
    }

    @Test
    void twelveMonthWindowStartsTheDayAfterTheSameDateLastYearAndEndsAtTheAsOfDate() {
        ScreeningScenario scenario = new ScreeningScenario();
        int firstDayInside = scenario.household(ORDINARY, 3, 90_000);
        int lastDayOutside = scenario.household(ORDINARY, 3, 90_000);
        int afterAsOf = scenario.household(ORDINARY, 3, 90_000);
        int onAsOf = scenario.household(ORDINARY, 3, 90_000);
        settlement(scenario, firstDayInside, -1, LocalDate.of(2025, 7, 1), 20_000, 0);
        settlement(scenario, lastDayOutside, -1, LocalDate.of(2025, 6, 30), 20_000, 0);
        settlement(scenario, afterAsOf, -1, AS_OF.plusDays(1), 20_000, 0);
        settlement(scenario, onAsOf, -1, AS_OF, 20_000, 0);

        assertThat(scenario.hits(firstDayInside, "MED-01")).isTrue();
        assertThat(scenario.hits(lastDayOutside, "MED-01")).isFalse();
        assertThat(scenario.hits(afterAsOf, "MED-01")).isFalse();
        assertThat(scenario.hits(onAsOf, "MED-01")).isTrue();
    }

    @Test
    void warnsWhenInScopeOutOfPocketExceedsHalfTheNetIncome() {
        ScreeningScenario scenario = new ScreeningScenario();
        int above = scenario.household(ORDINARY, 1, 10_000);
        int atHalf = scenario.household(ORDINARY, 1, 10_000);
        settlement(scenario, above, scenario.person(above, 60), IN_WINDOW, 0, 5_000.01);
        settlement(scenario, atHalf, scenario.person(atHalf, 60), IN_WINDOW, 0, 5_000);

        assertThat(scenario.hits(above, "MED-02")).isTrue();
        assertThat(scenario.hits(atHalf, "MED-02")).isFalse();
    }

    @Test
    void householdWithoutIncomeIsWarnedForAnyInScopeCostButNotWithoutOne() {
        ScreeningScenario scenario = new ScreeningScenario();
        int someCost = scenario.household(ORDINARY, 1, 0);
        int noCost = scenario.household(ORDINARY, 1, 0);
        settlement(scenario, someCost, -1, IN_WINDOW, 0, 0.01);

        assertThat(scenario.hits(someCost, "MED-02")).isTrue();
        assertThat(scenario.hits(noCost, "MED-02")).isFalse();
    }

    @Test
    void warnsOfASeriousIllnessDiagnosedWithinTwelveMonths() {
        ScreeningScenario scenario = new ScreeningScenario();
        int recent = scenario.comfortableHousehold();
        int older = scenario.comfortableHousehold();
        scenario.records("serious_illness")
                .add(recent, scenario.person(recent, 50), LocalDate.of(2025, 7, 1))
                .text("disease_code", "C34");
        scenario.records("serious_illness")
                .add(older, scenario.person(older, 50), LocalDate.of(2025, 6, 30))
                .text("disease_code", "C34");

        assertThat(scenario.ruleIds(recent)).containsExactly("MED-03");
        assertThat(scenario.ruleIds(older)).isEmpty();
    }

    @Test
    void warnsOfAMemberReportedNotEnrolledThisYear() {
        ScreeningScenario scenario = new ScreeningScenario();
        int notEnrolled = scenario.comfortableHousehold();
        int enrolled = scenario.comfortableHousehold();
        int notEnrolledLastYear = scenario.comfortableHousehold();
        LocalDate thisYear = LocalDate.of(2026, 1, 1);
        scenario.records("medical_enrolment")
                .add(notEnrolled, scenario.person(notEnrolled, 30), thisYear)
                .flag("enrolled", false);
        scenario.records("medical_enrolment")
                .add(enrolled, scenario.person(enrolled, 30), thisYear)
                .flag("enrolled", true);
        scenario.records("medical_enrolment")
                .add(notEnrolledLastYear, scenario.person(notEnrolledLastYear, 30), LocalDate.of(2025, 1, 1))
                .flag("enrolled", false);

        assertThat(scenario.ruleIds(notEnrolled)).containsExactly("MED-04");
        assertThat(scenario.ruleIds(enrolled)).isEmpty();
        assertThat(scenario.ruleIds(notEnrolledLastYear)).isEmpty();
    }

    @Test
    void laterEnrolmentOfTheSamePersonClearsAnEarlierNonEnrolment() {
        ScreeningScenario scenario = new ScreeningScenario();
        int household = scenario.comfortableHousehold();
        int person = scenario.person(household, 30);
        int other = scenario.person(household, 31);
        scenario.records("medical_enrolment")
                .add(household, person, LocalDate.of(2026, 1, 1))
                .flag("enrolled", false);
        scenario.records("medical_enrolment")
                .add(household, person, LocalDate.of(2026, 3, 1))
                .flag("enrolled", true);
        scenario.records("medical_enrolment")
                .add(household, other, LocalDate.of(2026, 3, 1))
                .flag("enrolled", true);

        assertThat(scenario.ruleIds(household)).isEmpty();
    }
}
