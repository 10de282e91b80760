package org.bulwark.core.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bulwark.core.registry.HouseholdCategory.FORMERLY_POOR;
import static org.bulwark.core.registry.HouseholdCategory.ORDINARY;
import static org.bulwark.core.screening.ScreeningScenario.AS_OF;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a hit says: rule, version, direction, level, deadline, and the evidence behind it. */
class HitEvidenceTest {

    @Test
    void downwardHitCarriesParametersFeatureValuesAndContributingRecords() {
        ScreeningScenario scenario = new ScreeningScenario();
        int household = scenario.household(FORMERLY_POOR, 3, 40_000);
        int patient = scenario.person(household, 67);
        scenario.records("medical_settlement")
                .add(household, patient, LocalDate.of(2026, 2, 1))
                .number("out_of_pocket", 3_000);
        scenario.records("medical_settlement")
                .add(household, patient, LocalDate.of(2024, 2, 1))
                .number("out_of_pocket", 9_000);
        scenario.records("medical_settlement")
                .add(household, patient, LocalDate.of(2026, 5, 1))
                .number("out_of_pocket", 2_500);

        Hit hit = scenario.hit(household, "MED-01");

        assertThat(hit.householdId()).isEqualTo(1000);
        assertThat(hit.ruleVersion()).isEqualTo("2026.1");
        assertThat(hit.direction()).isEqualTo(Direction.DOWN);
        assertThat(hit.riskType()).isEqualTo("illness");
        assertThat(hit.level()).isEqualTo(WarningLevel.ORANGE);
        assertThat(hit.deadline()).isEqualTo(AS_OF.plusDays(15));
        assertThat(hit.evidence().parameters())
                .containsExactly(Map.entry("med_threshold_low", 5_000.0), Map.entry("med_threshold_high", 20_000.0));
        assertThat(hit.evidence().features())
                .containsEntry("out_of_pocket", 5_500.0)
                .containsEntry("monitored_or_assisted", true);
        assertThat(hit.evidence().records()).containsOnlyKeys("out_of_pocket");
        assertThat(hit.evidence().records().get("out_of_pocket").records()).containsExactly(0, 2);
    }

    @Test
    void parametersOfWherePredicatesAreEvidenceToo() {
        ScreeningScenario scenario = new ScreeningScenario();
        int household = scenario.comfortableHousehold();
        scenario.records("disability_certificate")
                .add(household, scenario.person(household, 30), AS_OF)
                .number("grade", 1);

        Hit hit = scenario.hit(household, "DIS-01");

        assertThat(hit.evidence().parameters()).containsOnlyKeys("disability_grade_max");
        assertThat(hit.evidence().features()).containsEntry("severe_certificates", 1.0);
    }

    @Test
    void incomeHitShowsTheLineAndTheFactsItCompared() {
        ScreeningScenario scenario = new ScreeningScenario();
        int household = scenario.household(ORDINARY, 4, 20_000);

        Hit hit = scenario.hit(household, "INC-01");

        assertThat(hit.level()).isEqualTo(WarningLevel.RED);
        assertThat(hit.evidence().parameters()).containsOnlyKeys("line", "red_share_of_line");
        assertThat(hit.evidence().features())
                .containsEntry("net_income", 20_000.0)
                .containsEntry("members", 4.0);
        assertThat(hit.evidence().records()).isEmpty();
    }

    @Test
    void householdCategoryIsEvidenceAsText() {
        ScreeningScenario scenario = new ScreeningScenario();
        int household = scenario.comfortableHousehold();
        scenario.records("temporary_assistance").add(household, -1, AS_OF).number("amount", 800);

        assertThat(scenario.hit(household, "AST-01").evidence().features())
                .containsEntry("category", "ORDINARY")
                .containsEntry("assisted", true);
    }

    @Test
    void hitsComeOrderedByHouseholdThenRuleFileOrder() {
        ScreeningScenario scenario = new ScreeningScenario();
        int first = scenario.household(ORDINARY, 1, 0);
        int second = scenario.household(ORDINARY, 1, 0);
        scenario.records("serious_illness").add(second, -1, AS_OF);
        scenario.records("serious_illness").add(first, -1, AS_OF);

        assertThat(scenario.screen().hits())
                .extracting(hit -> hit.household() + ":" + hit.ruleId())
                .containsExactly(first + ":INC-01", first + ":MED-03", second + ":INC-01", second + ":MED-03");
    }
}
