package org.bulwark.core.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bulwark.core.registry.HouseholdCategory.MONITORED;
import static org.bulwark.core.registry.HouseholdCategory.ORDINARY;
import static org.bulwark.core.screening.RuleFiles.COST_FEATURE;
import static org.bulwark.core.screening.RuleFiles.rule;
import static org.bulwark.core.screening.ScreeningScenario.AS_OF;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What compiled expressions and aggregations compute, on small rule files. */
class ExpressionSemanticsTest {

    private static final String AGGREGATES = """
                  - {name: total, category: medical_settlement, agg: sum, value: out_of_pocket, window: all}
                  - {name: largest, category: medical_settlement, agg: max, value: out_of_pocket, window: all}
                  - {name: smallest, category: medical_settlement, agg: min, value: out_of_pocket, window: all}
                  - {name: latest, category: medical_settlement, agg: last, value: out_of_pocket, window: all}
                  - {name: urgent, category: medical_settlement, agg: count, window: all, where: urgent}
                  - {name: any_inpatient, category: medical_settlement, agg: any, window: all, where: "kind in ['inpatient', 'special']"}
            """;

    private static ScreeningScenario scenario(String features, String when) {
        return new ScreeningScenario(RuleFiles.load(rule("T-01", features, when)));
    }

    private static void settlement(
            ScreeningScenario scenario, int household, LocalDate date, double cost, boolean urgent, String kind) {
        scenario.records("medical_settlement")
                .add(household, -1, date)
                .number("out_of_pocket", cost)
                .flag("urgent", urgent)
                .text("kind", kind);
    }

    @Test
    void aggregationsFoldTheHouseholdsRecordsAndNameTheRecordsBehindThem() {
        ScreeningScenario scenario = scenario(AGGREGATES, "total >= 0");
        int other = scenario.household(ORDINARY, 1, 0);
        int household = scenario.household(ORDINARY, 1, 0);
        settlement(scenario, other, AS_OF, 999, true, "inpatient");
        settlement(scenario, household, LocalDate.of(2026, 3, 1), 300, true, "outpatient");
        settlement(scenario, household, LocalDate.of(2026, 5, 1), 100, false, "outpatient");
        settlement(scenario, household, LocalDate.of(2026, 1, 1), 500, true, "outpatient");

        Evidence evidence = scenario.hit(household, "T-01").evidence();

        assertThat(evidence.features())
                .containsEntry("total", 900.0)
                .containsEntry("largest", 500.0)
                .containsEntry("smallest", 100.0)
                .containsEntry("latest", 100.0)
                .containsEntry("urgent", 2.0)
                .containsEntry("any_inpatient", false);
        assertThat(evidence.records())
                .containsEntry("total", new ContributingRecords("medical_settlement", new int[] {1, 2, 3}))
                .containsEntry("largest", new ContributingRecords("medical_settlement", new int[] {3}))
                .containsEntry("smallest", new ContributingRecords("medical_settlement", new int[] {2}))
                .containsEntry("latest", new ContributingRecords("medical_settlement", new int[] {2}))
                .containsEntry("urgent", new ContributingRecords("medical_settlement", new int[] {1, 3}));
    }

    @Test
    void householdWithoutRecordsHasZeroForEveryAggregation() {
        ScreeningScenario scenario = scenario(
                AGGREGATES,
                "total == 0 && largest == 0 && smallest == 0 " + "&& latest == 0 && urgent == 0 && !any_inpatient");
        int household = scenario.household(ORDINARY, 1, 0);

        assertThat(scenario.hit(household, "T-01")
                        .evidence()
                        .records()
                        .get("largest")
                        .records())
                .isEmpty();
    }

    @Test
    void lastPrefersTheLaterRecordOfTheSameDay() {
        ScreeningScenario scenario = scenario(AGGREGATES, "latest == 7");
        int household = scenario.household(ORDINARY, 1, 0);
        settlement(scenario, household, AS_OF, 3, false, "");
        settlement(scenario, household, AS_OF, 7, false, "");

        assertThat(scenario.hits(household, "T-01")).isTrue();
    }

    @Test
    void textMembershipMatchesExactlyOneOfTheListedTexts() {
        ScreeningScenario scenario = scenario(AGGREGATES, "any_inpatient");
        int special = scenario.household(ORDINARY, 1, 0);
        int upperCase = scenario.household(ORDINARY, 1, 0);
        int missingKind = scenario.household(ORDINARY, 1, 0);
        settlement(scenario, special, AS_OF, 1, false, "special");
        settlement(scenario, upperCase, AS_OF, 1, false, "Inpatient");
        scenario.records("medical_settlement").add(missingKind, -1, AS_OF).number("out_of_pocket", 1);

        assertThat(scenario.hits(special, "T-01")).isTrue();
        assertThat(scenario.hits(upperCase, "T-01")).isFalse();
        assertThat(scenario.hits(missingKind, "T-01")).isFalse();
    }

    @Test
    void divisionByZeroIsZero() {
        ScreeningScenario scenario = scenario(COST_FEATURE, "net_income / members == 0 && 1 / 0 == 0");
        int noMembers = scenario.household(ORDINARY, 0, 5_000);

        assertThat(scenario.hits(noMembers, "T-01")).isTrue();
    }

    @Test
    void arithmeticFollowsDoublePrecedenceAndSigns() {
        ScreeningScenario scenario = scenario(COST_FEATURE, "-net_income + 2 * members - members / 4 == -998.25");
        int household = scenario.household(ORDINARY, 1, 1_000);

        assertThat(scenario.hits(household, "T-01")).isTrue();
    }

    @Test
    void conditionalChoosesANumberPerHousehold() {
        String features = COST_FEATURE + "      - {name: monitored, fact: monitored_or_assisted}\n";
        ScreeningScenario scenario = scenario(features, "\"net_income < (monitored ? 2 * p.line : p.line)\"");
        int monitored = scenario.household(MONITORED, 1, 10_000);
        int ordinary = scenario.household(ORDINARY, 1, 10_000);

        assertThat(scenario.hits(monitored, "T-01")).isTrue();
        assertThat(scenario.hits(ordinary, "T-01")).isFalse();
    }

    @Test
    void flagsCompareWithEachOther() {
        String features = "      - {name: monitored, fact: monitored_or_assisted}\n"
                + "      - {name: urgent, category: medical_settlement, agg: any, window: all, where: urgent}\n";
        ScreeningScenario scenario = scenario(features, "monitored != urgent");
        int both = scenario.household(MONITORED, 1, 0);
        int monitoredOnly = scenario.household(MONITORED, 1, 0);
        settlement(scenario, both, AS_OF, 1, true, "");

        assertThat(scenario.hits(both, "T-01")).isFalse();
        assertThat(scenario.hits(monitoredOnly, "T-01")).isTrue();
    }

    @Test
    void levelExpressionChoosesTheLevelPerHousehold() {
        String rule = rule("T-01", COST_FEATURE, "cost > 0")
                .replace("level: orange", "level: \"cost >= 10000 ? 'red' : cost >= 5000 ? 'orange' : 'yellow'\"");
        ScreeningScenario scenario = new ScreeningScenario(RuleFiles.load(rule));
        int[] households = new int[3];
        double[] costs = {10_000, 9_999.99, 4_999.99};
        for (int i = 0; i < 3; i++) {
            households[i] = scenario.household(ORDINARY, 1, 0);
            settlement(scenario, households[i], AS_OF, costs[i], false, "");
        }

        assertThat(scenario.hit(households[0], "T-01").level()).isEqualTo(WarningLevel.RED);
        assertThat(scenario.hit(households[1], "T-01").level()).isEqualTo(WarningLevel.ORANGE);
        assertThat(scenario.hit(households[2], "T-01").level()).isEqualTo(WarningLevel.YELLOW);
    }

    @Test
    void categoryWithoutARecordTableHasNoRecords() {
        ScreeningScenario scenario = scenario(COST_FEATURE, "cost == 0");
        int household = scenario.household(ORDINARY, 1, 0);

        assertThat(scenario.hits(household, "T-01")).isTrue();
    }

    @Test
    void refusesRecordsLackingAFieldTheRulesRead() {
        RuleSet rules = RuleFiles.load(rule("T-01", COST_FEATURE, "cost > 0"));
        HouseholdTable households = HouseholdTable.builder().build();
        RecordTable settlements =
                RecordTable.builder().declare("out_of_pocket", "text").build();

        assertThatThrownBy(() -> new ScreeningEngine(1)
                        .screen(
                                rules,
                                rules.parameters("11", 2026),
                                AS_OF,
                                households,
                                PersonTable.empty(),
                                Map.of("medical_settlement", settlements)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no number field 'out_of_pocket'");
    }

    @Test
    void refusesAnAsOfDateBeforeTheRulesTakeEffect() {
        RuleSet rules = RuleFiles.load(rule("T-01", COST_FEATURE, "cost > 0"));

        assertThatThrownBy(() -> new ScreeningEngine(1)
                        .screen(
                                rules,
                                rules.parameters("11", 2025),
                                LocalDate.of(2025, 12, 31),
                                HouseholdTable.builder().build(),
                                PersonTable.empty(),
                                Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("take effect on 2026-01-01");
    }

    @Test
    void recordOfAPersonCountsForThePersonsHouseholdWhenItNamesNoHousehold() {
        ScreeningScenario scenario = scenario(COST_FEATURE, "cost > 0");
        int household = scenario.household(ORDINARY, 1, 0);
        int person = scenario.person(household, 30);
        scenario.records("medical_settlement").add(-1, person, AS_OF).number("out_of_pocket", 10);

        assertThat(scenario.hits(household, "T-01")).isTrue();
    }
}
