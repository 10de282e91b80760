package org.bulwark.core.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * IND-02: a household linked to a project that failed or closed by the year, or that paid it nothing this year (from
 * six whole months into the year, by default), reading the latest {@code industry_benefit} snapshot of the year.
 */
class IndustryBenefitRuleTest {

    private static final LocalDate THIS_YEAR = LocalDate.of(2026, 1, 1);
    private static final LocalDate JULY = LocalDate.of(2026, 7, 1);

    private static void snapshot(
            ScreeningScenario scenario, int household, LocalDate year, int projects, int failed, double least) {
        scenario.records("industry_benefit")
                .add(household, -1, year)
                .number("projects", projects)
                .number("failed_projects", failed)
                .number("least_received", least)
                .number("received", least);
    }

    @Test
    void warnsOfALinkedProjectThatFailedThisYearAtOnce() {
        ScreeningScenario scenario = new ScreeningScenario();
        int failed = scenario.comfortableHousehold();
        int paying = scenario.comfortableHousehold();
        snapshot(scenario, failed, THIS_YEAR, 2, 1, 900);
        snapshot(scenario, paying, THIS_YEAR, 2, 0, 900);

        assertThat(scenario.ruleIds(failed)).containsExactly("IND-02");
        assertThat(scenario.ruleIds(paying)).isEmpty();
    }

    @Test
    void warnsOfAProjectThatPaidNothingFromSixWholeMonthsIntoTheYear() {
        ScreeningScenario july = new ScreeningScenario().on(JULY);
        int unpaid = july.comfortableHousehold();
        int paidAFen = july.comfortableHousehold();
        snapshot(july, unpaid, THIS_YEAR, 1, 0, 0);
        snapshot(july, paidAFen, THIS_YEAR, 1, 0, 0.01);

        ScreeningScenario june = new ScreeningScenario().on(JULY.minusDays(1));
        int tooEarly = june.comfortableHousehold();
        snapshot(june, tooEarly, THIS_YEAR, 1, 0, 0);

        assertThat(july.ruleIds(unpaid)).containsExactly("IND-02");
        assertThat(july.ruleIds(paidAFen)).isEmpty();
        assertThat(june.ruleIds(tooEarly)).isEmpty();
    }

    @Test
    void onlyTheLatestSnapshotOfThisYearCounts() {
        ScreeningScenario scenario = new ScreeningScenario().on(JULY);
        int paidSince = scenario.comfortableHousehold();
        snapshot(scenario, paidSince, THIS_YEAR, 1, 0, 0);
        snapshot(scenario, paidSince, THIS_YEAR, 1, 0, 1200);
        int lastYearOnly = scenario.comfortableHousehold();
        snapshot(scenario, lastYearOnly, THIS_YEAR.minusYears(1), 1, 1, 0);
        int everyProjectStopped = scenario.comfortableHousehold();
        snapshot(scenario, everyProjectStopped, THIS_YEAR, 1, 1, 0);

        assertThat(scenario.ruleIds(paidSince)).isEmpty();
        assertThat(scenario.ruleIds(lastYearOnly)).isEmpty();
        assertThat(scenario.ruleIds(everyProjectStopped)).containsExactly("IND-02");
    }

    @Test
    void readsTheLeastPaymentAndTheMonthsAsParameters() {
        Parameters defaults = ScreeningScenario.defaultRules().parameters("11", 2026);
        assertThat(defaults.value("industry_least_payment")).isEqualTo(0);
        assertThat(defaults.value("industry_unpaid_months")).isEqualTo(6);
    }
}
