package org.bulwark.core.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bulwark.core.registry.HouseholdCategory.FORMERLY_POOR;
import static org.bulwark.core.registry.HouseholdCategory.MONITORED;
import static org.bulwark.core.registry.HouseholdCategory.ORDINARY;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** VER-01 … VER-06: upward checks of monitored or assisted households. */
class VerificationRulesTest {

    private static final LocalDate REGISTERED = LocalDate.of(2024, 8, 8);

    private static void vehicle(ScreeningScenario scenario, int household, String type, double value) {
        scenario.records("vehicle_registration")
                .add(household, scenario.person(household, 40), REGISTERED)
                .text("vehicle_type", type)
                .number("value", value);
    }

    @Test
    void flagsMonitoredHouseholdWithACarWorthMoreThanOneHundredThousand() {
        ScreeningScenario scenario = new ScreeningScenario();
        int above = scenario.household(MONITORED, 3, 30_000);
        int at = scenario.household(MONITORED, 3, 30_000);
        vehicle(scenario, above, "car", 100_000.01);
        vehicle(scenario, at, "car", 100_000);

        Hit hit = scenario.hit(above, "VER-01");
        assertThat(hit.direction()).isEqualTo(Direction.UP);
        assertThat(hit.riskType()).isEqualTo("misidentification");
        assertThat(scenario.hits(at, "VER-01")).isFalse();
    }

    @Test
    void farmAndWorkVehiclesAndOrdinaryHouseholdsAreNotFlagged() {
        ScreeningScenario scenario = new ScreeningScenario();
        int farm = scenario.household(FORMERLY_POOR, 3, 30_000);
        int work = scenario.household(FORMERLY_POOR, 3, 30_000);
        int ordinary = scenario.household(ORDINARY, 3, 30_000);
        vehicle(scenario, farm, "farm_vehicle", 300_000);
        vehicle(scenario, work, "work_vehicle", 300_000);
        vehicle(scenario, ordinary, "car", 300_000);

        assertThat(scenario.ruleIds(farm)).isEmpty();
        assertThat(scenario.ruleIds(work)).isEmpty();
        assertThat(scenario.ruleIds(ordinary)).isEmpty();
    }

    private static void business(ScreeningScenario scenario, int household, String type, double capital) {
        scenario.records("business_registration")
                .add(household, scenario.person(household, 40), REGISTERED)
                .text("entity_type", type)
                .number("registered_capital", capital);
    }

    @Test
    void flagsACompanyOfAnySizeAndAnIndividualBusinessAboveHalfAMillion() {
        ScreeningScenario scenario = new ScreeningScenario();
        int company = scenario.household(MONITORED, 3, 30_000);
        int bigShop = scenario.household(MONITORED, 3, 30_000);
        int shop = scenario.household(MONITORED, 3, 30_000);
        business(scenario, company, "company", 1_000);
        business(scenario, bigShop, "individual_business", 500_000.01);
        business(scenario, shop, "individual_business", 500_000);

        assertThat(scenario.ruleIds(company)).containsExactly("VER-02");
        assertThat(scenario.ruleIds(bigShop)).containsExactly("VER-02");
        assertThat(scenario.ruleIds(shop)).isEmpty();
    }

    @Test
    void flagsCommercialHousingButNotASelfBuiltHouse() {
        ScreeningScenario scenario = new ScreeningScenario();
        int commercial = scenario.household(MONITORED, 3, 30_000);
        int selfBuilt = scenario.household(MONITORED, 3, 30_000);
        scenario.records("real_estate")
                .add(commercial, scenario.person(commercial, 40), REGISTERED)
                .text("kind", "commercial")
                .number("area_m2", 90);
        scenario.records("real_estate")
                .add(selfBuilt, scenario.person(selfBuilt, 40), REGISTERED)
                .text("kind", "self_built")
                .number("area_m2", 120);

        assertThat(scenario.ruleIds(commercial)).containsExactly("VER-03");
        assertThat(scenario.ruleIds(selfBuilt)).isEmpty();
    }

    @Test
    void flagsAMemberOnThePublicPayrollOfAMonitoredHouseholdOnly() {
        ScreeningScenario scenario = new ScreeningScenario();
        int monitored = scenario.household(MONITORED, 3, 30_000);
        int ordinary = scenario.household(ORDINARY, 3, 30_000);
        scenario.records("public_payroll").add(monitored, scenario.person(monitored, 30), REGISTERED);
        scenario.records("public_payroll").add(ordinary, scenario.person(ordinary, 30), REGISTERED);

        assertThat(scenario.hit(monitored, "VER-04").level()).isEqualTo(WarningLevel.RED);
        assertThat(scenario.ruleIds(ordinary)).isEmpty();
    }

    private static void taxable(ScreeningScenario scenario, int household, LocalDate year, double amount) {
        scenario.records("taxable_income")
                .add(household, scenario.person(household, 40), year)
                .number("amount", amount);
    }

    @Test
    void flagsLastYearsTaxableIncomePerMemberAboveThreeTimesTheLine() {
        ScreeningScenario scenario = new ScreeningScenario();
        int above = scenario.household(MONITORED, 2, 30_000);
        int at = scenario.household(MONITORED, 2, 30_000);
        int thisYearOnly = scenario.household(MONITORED, 2, 30_000);
        taxable(scenario, above, LocalDate.of(2025, 1, 1), 52_200.02);
        taxable(scenario, at, LocalDate.of(2025, 1, 1), 52_200);
        taxable(scenario, thisYearOnly, LocalDate.of(2026, 1, 1), 90_000);

        assertThat(scenario.ruleIds(above)).containsExactly("VER-05");
        assertThat(scenario.ruleIds(at)).isEmpty();
        assertThat(scenario.ruleIds(thisYearOnly)).isEmpty();
    }

    @Test
    void flagsADeceasedPersonStillCountedAsAMember() {
        ScreeningScenario scenario = new ScreeningScenario();
        int stillCounted = scenario.comfortableHousehold();
        int alreadyRemoved = scenario.comfortableHousehold();
        scenario.records("death_record").add(stillCounted, scenario.person(stillCounted, 85), LocalDate.of(2023, 1, 9));
        scenario.records("death_record").add(alreadyRemoved, -1, LocalDate.of(2023, 1, 9));

        assertThat(scenario.ruleIds(stillCounted)).containsExactly("VER-06");
        assertThat(scenario.ruleIds(alreadyRemoved)).isEmpty();
    }
}
