package org.bulwark.core.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bulwark.core.screening.RuleFiles.COST_FEATURE;
import static org.bulwark.core.screening.RuleFiles.FIRST_RULE_LINE;
import static org.bulwark.core.screening.RuleFiles.rule;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class RuleSetLoadingTest {

    /** The {@code when:} line of the first rule built by {@link RuleFiles#rule}. */
    private static final int WHEN_LINE = FIRST_RULE_LINE + 7 + 3;

    @Test
    void defaultRuleFileExpressesEveryDefaultRule() {
        RuleSet rules = ScreeningScenario.defaultRules();

        assertThat(rules.rules())
                .extracting(Rule::id)
                .containsExactly(
                        "INC-01", "INC-02", "MED-01", "MED-02", "MED-03", "MED-04", "DIS-01", "EDU-01", "EDU-02",
                        "DSR-01", "ACC-01", "EMP-01", "HOU-01", "WAT-01", "IND-01", "IND-02", "CRD-01", "AST-01",
                        "ALC-01", "VER-01", "VER-02", "VER-03", "VER-04", "VER-05", "ALC-02", "VER-06");
        assertThat(rules.version()).isEqualTo("2026.1");
        assertThat(rules.effectiveFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(rules.categoryNames()).hasSize(24);
    }

    @Test
    void everyDefaultRuleHasAnEnglishTitleForEnglishPagesAndAChineseOneOtherwise() {
        for (Rule rule : ScreeningScenario.defaultRules().rules()) {
            assertThat(rule.title(Locale.ENGLISH)).as(rule.id()).matches("[A-Z][A-Za-z0-9 ,.'()-]+");
            assertThat(rule.title(Locale.SIMPLIFIED_CHINESE)).as(rule.id()).isEqualTo(rule.titleZh());
        }
        Rule withoutEnglish =
                RuleFiles.load(rule("X-01", COST_FEATURE, "cost > 1.0")).rules().get(0);
        assertThat(withoutEnglish.title(Locale.ENGLISH)).isEqualTo(withoutEnglish.titleZh());
    }

    @Test
    void defaultRuleFileOfTheApplicationIsTheOneTestedHere() throws IOException {
        // the application loads core's file; a copy in some test folder could drift from what the tests read
        List<URL> files = Collections.list(getClass().getClassLoader().getResources("screening/rules.yaml"));

        assertThat(files).hasSize(1);
        assertThat(files.get(0).toString()).doesNotContain("test-classes").contains("/screening/rules.yaml");
    }

    @Test
    void identicalFeaturesOfDifferentRulesAreComputedOnce() {
        RuleSet rules = ScreeningScenario.defaultRules();
        int declared =
                rules.rules().stream().mapToInt(rule -> rule.features().size()).sum();

        assertThat(rules.features()).hasSizeLessThan(declared);
        assertThat(rules.features().stream().filter(FactFeature.class::isInstance))
                .hasSize(6);
    }

    @Test
    void rejectsARuleThatDoesNotParseWithItsLine() {
        assertRejected(
                () -> RuleFiles.load(rule("BAD-01", COST_FEATURE, "cost >")), "BAD-01", WHEN_LINE, "does not parse");
    }

    @Test
    void rejectsARuleThatDoesNotTypeCheckWithItsLine() {
        assertRejected(
                () -> RuleFiles.load(
                        rule("OK-01", COST_FEATURE, "cost > 1") + rule("BAD-02", COST_FEATURE, "\"cost == 'high'\"")),
                "BAD-02",
                WHEN_LINE + 11,
                "does not type-check");
    }

    @Test
    void pointsAtTheLineInsideAMultiLineCondition() {
        String when = "|\n      cost > 1\n      && members > 'two'";

        assertRejected(
                () -> RuleFiles.load(rule("BAD-03", COST_FEATURE, when)),
                "BAD-03",
                WHEN_LINE + 2,
                "does not type-check");
    }

    @Test
    void rejectsAnUnknownFeatureName() {
        assertRejected(
                () -> RuleFiles.load(rule("BAD-04", COST_FEATURE, "costs > 1")),
                "BAD-04",
                WHEN_LINE,
                "undeclared reference to 'costs'");
    }

    @Test
    void rejectsAnUnknownParameter() {
        assertRejected(
                () -> RuleFiles.load(rule("BAD-05", COST_FEATURE, "cost > p.thresold")),
                "BAD-05",
                WHEN_LINE,
                "unknown parameter p.thresold");
    }

    @Test
    void rejectsAnUnknownCategoryWithTheFeatureLine() {
        String features = "      - {name: cost, category: medical_bills, agg: sum, value: out_of_pocket, window: 12}\n";

        assertRejected(
                () -> RuleFiles.load(rule("BAD-06", features, "cost > 1")),
                "BAD-06",
                FIRST_RULE_LINE + 7,
                "unknown category 'medical_bills'");
    }

    @Test
    void rejectsAnUnknownFieldInAWherePredicate() {
        String features = "      - {name: cost, category: medical_settlement, agg: count, window: 12, "
                + "where: \"kin == 'inpatient'\"}\n";

        assertRejected(
                () -> RuleFiles.load(rule("BAD-07", features, "cost > 1")),
                "BAD-07",
                FIRST_RULE_LINE + 7,
                "undeclared reference to 'kin'");
    }

    @Test
    void rejectsAMisspeltKeyInsteadOfIgnoringIt() {
        String features = "      - {name: cost, category: medical_settlement, agg: count, window: 12, "
                + "wehre: \"kind == 'inpatient'\"}\n";

        assertRejected(
                () -> RuleFiles.load(rule("BAD-08", features, "cost > 1")),
                "BAD-08",
                FIRST_RULE_LINE + 7,
                "unknown key 'wehre'");
    }

    @Test
    void rejectsAConversionTheEngineDoesNotCompile() {
        assertRejected(
                () -> RuleFiles.load(rule("BAD-09", COST_FEATURE, "double(cost) > 1")),
                "BAD-09",
                WHEN_LINE,
                "function double() is not supported by the screening engine");
    }

    @Test
    void rejectsMembershipInAListThatIsNotWrittenOut() {
        assertRejected(
                () -> RuleFiles.load(rule("BAD-14", COST_FEATURE, "cost in [1, p.line]")),
                "BAD-14",
                WHEN_LINE,
                "'in' needs number literals");
    }

    @Test
    void rejectsAFunctionTheEngineDoesNotCompile() {
        String features = "      - {name: cost, category: medical_settlement, agg: count, window: 12, "
                + "where: \"kind.startsWith('in')\"}\n";

        assertRejected(
                () -> RuleFiles.load(rule("BAD-10", features, "cost > 1")),
                "BAD-10",
                FIRST_RULE_LINE + 7,
                "function startsWith() is not supported by the screening engine");
    }

    @Test
    void rejectsAConditionThatIsNotBoolean() {
        assertRejected(
                () -> RuleFiles.load(rule("BAD-11", COST_FEATURE, "cost + 1")),
                "BAD-11",
                WHEN_LINE,
                "must be a boolean expression, but it is a number");
    }

    @Test
    void rejectsALevelExpressionChoosingSomethingElseThanALevel() {
        String rule = rule("BAD-12", COST_FEATURE, "cost > 1")
                .replace("level: orange", "level: \"cost > 9 ? 'red' : 'purple'\"");

        assertRejected(() -> RuleFiles.load(rule), "BAD-12", FIRST_RULE_LINE + 4, "'purple' is not a level");
    }

    @Test
    void rejectsAnAggregationWithoutTheValueItAdds() {
        String features = "      - {name: cost, category: medical_settlement, agg: sum, window: 12}\n";

        assertRejected(
                () -> RuleFiles.load(rule("BAD-13", features, "cost > 1")),
                "BAD-13",
                FIRST_RULE_LINE + 7,
                "agg sum needs a value");
    }

    @Test
    void rejectsTwoRulesWithTheSameId() {
        assertRejected(
                () -> RuleFiles.load(
                        rule("DUP-01", COST_FEATURE, "cost > 1") + rule("DUP-01", COST_FEATURE, "cost > 2")),
                "DUP-01",
                FIRST_RULE_LINE + 11,
                "a second rule");
    }

    @Test
    void rejectsAParameterOverrideWithoutADefault() {
        String file = RuleFiles.HEADER.replace("line: 8900", "line: 8900\n      lime: 1")
                + rule("OK-01", COST_FEATURE, "cost > 1");

        assertThatThrownBy(() -> RuleSet.load(new StringReader(file), "test-rules.yaml"))
                .isInstanceOfSatisfying(RuleException.class, e -> {
                    assertThat(e.line()).isEqualTo(17);
                    assertThat(e.reason()).contains("unknown parameter 'lime'");
                });
    }

    @Test
    void rejectsYamlThatDoesNotParseWithItsLine() {
        assertThatThrownBy(() -> RuleFiles.load("  - id: [unclosed\n"))
                .isInstanceOfSatisfying(RuleException.class, e -> {
                    assertThat(e.source()).isEqualTo("test-rules.yaml");
                    assertThat(e.line()).isGreaterThanOrEqualTo(FIRST_RULE_LINE);
                    assertThat(e.reason()).startsWith("not valid YAML");
                });
    }

    @Test
    void readsWholeNumbersInConditionsAsDoubles() {
        RuleSet rules = RuleFiles.load(rule("OK-02", COST_FEATURE, "cost > 3 * p.line && members >= 1"));

        assertThat(rules.rule("OK-02")).isPresent();
    }

    @Test
    void provinceParametersOverrideTheDefaultsForTheirYearOnly() {
        RuleSet rules = RuleFiles.load(rule("OK-03", COST_FEATURE, "cost > p.threshold"));

        assertThat(rules.parameters("52", 2026).values())
                .containsEntry("line", 8_900.0)
                .containsEntry("threshold", 6_000.0);
        assertThat(rules.parameters("52", 2025).values())
                .containsEntry("line", 8_700.0)
                .containsEntry("threshold", 6_000.0);
        assertThat(rules.parameters("11", 2026).values())
                .containsEntry("line", 8_700.0)
                .containsEntry("threshold", 5_000.0);
        assertThat(rules.parameters("522324", 2026).provinceCode()).isEqualTo("52");
    }

    @Test
    void saysWhereEachParameterValueOfAProvinceAndYearComesFrom() {
        RuleSet rules = RuleFiles.load(rule("OK-04", COST_FEATURE, "cost > p.threshold"));

        assertThat(rules.parameterSource("52", 2026, "line")).isEqualTo(ParameterSource.PROVINCE_YEAR);
        assertThat(rules.parameterSource("52", 2025, "line")).isEqualTo(ParameterSource.FILE_DEFAULT);
        assertThat(rules.parameterSource("522324", 2025, "threshold")).isEqualTo(ParameterSource.PROVINCE_DEFAULT);
        assertThat(rules.parameterSource("11", 2026, "threshold")).isEqualTo(ParameterSource.FILE_DEFAULT);
        assertThat(rules.parameterYears("52")).containsExactly(2026);
        assertThat(rules.parameterYears("11")).isEmpty();
    }

    @Test
    void describesEachRuleWithItsFeaturesAndTheParametersItReads() {
        RuleSet rules = ScreeningScenario.defaultRules();

        assertThat(rules.parametersOf("MED-01")).containsExactly("med_threshold_low", "med_threshold_high");
        assertThat(rules.parametersOf("INC-01")).containsExactly("line", "red_share_of_line");
        RuleFeature cost = rules.features("MED-01").get(0);
        assertThat(cost.category()).isEqualTo("medical_settlement");
        assertThat(cost.aggregation()).isEqualTo("sum");
        assertThat(cost.value()).isEqualTo("out_of_pocket");
        assertThat(cost.windowMonths()).isEqualTo(12);
        assertThat(rules.features("MED-01").get(1).fact()).isEqualTo("monitored_or_assisted");
        assertThat(rules.features("EDU-01").get(0).where()).contains("p.school_age_min");
        assertThat(rules.features("EDU-01").get(0).windowMonths()).isEqualTo(-1);
        assertThat(rules.features("NONE")).isEmpty();
    }

    @Test
    void defaultRuleFileGivesGuizhouItsOwnLine() {
        RuleSet rules = ScreeningScenario.defaultRules();

        assertThat(rules.parameters("52", 2026).value("line")).isEqualTo(8_900.0);
        assertThat(rules.parameters("52", 2025).value("line")).isEqualTo(8_700.0);
        assertThat(rules.parameters("53", 2026).value("line")).isEqualTo(8_700.0);
    }

    private static void assertRejected(ThrowingCallable load, String ruleId, int line, String reason) {
        assertThatThrownBy(load).isInstanceOfSatisfying(RuleException.class, e -> {
            assertThat(e.source()).isEqualTo("test-rules.yaml");
            assertThat(e.ruleId()).isEqualTo(ruleId);
            assertThat(e.reason()).contains(reason);
            assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
            assertThat(e.getMessage()).startsWith("test-rules.yaml:" + line + ": rule " + ruleId + ": ");
        });
    }
}
