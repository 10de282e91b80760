package org.bulwark.core.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.bulwark.core.screening.ConditionExplainer.Arithmetic;
import org.bulwark.core.screening.ConditionExplainer.Check;
import org.bulwark.core.screening.ConditionExplainer.Choice;
import org.bulwark.core.screening.ConditionExplainer.Figure;
import org.bulwark.core.screening.ConditionExplainer.Parameter;
import org.junit.jupiter.api.Test;

class ConditionExplainerTest {

    @Test
    void aChoiceOfThresholdShowsTheBranchTheHouseholdFellInto() {
        List<Check> checks = ConditionExplainer.explain(
                "out_of_pocket >= (monitored_or_assisted ? p.med_threshold_low : p.med_threshold_high)",
                Map.of("out_of_pocket", 25300.0, "monitored_or_assisted", false),
                Map.of("med_threshold_low", 5000.0, "med_threshold_high", 20000.0));

        assertThat(checks).hasSize(1);
        Check check = checks.get(0);
        assertThat(check.figure()).isEqualTo(new Figure("out_of_pocket", 25300.0));
        assertThat(check.operator()).isEqualTo(">=");
        assertThat(check.threshold()).isInstanceOfSatisfying(Choice.class, c -> {
            assertThat(c.chosen()).isEqualTo(new Parameter("med_threshold_high", 20000.0));
            assertThat(c.condition()).isEqualTo(new Figure("monitored_or_assisted", false));
        });
        assertThat(check.holds()).isTrue();
    }

    @Test
    void arithmeticIsWorkedOutOnBothSides() {
        List<Check> checks = ConditionExplainer.explain(
                "net_income / members < p.line", Map.of("net_income", 20000.0, "members", 4.0), Map.of("line", 8900.0));

        assertThat(checks).singleElement().satisfies(check -> {
            assertThat(check.figure()).isInstanceOfSatisfying(Arithmetic.class, a -> {
                assertThat(a.operator()).isEqualTo('/');
                assertThat(a.value()).isEqualTo(5000.0);
            });
            assertThat(check.threshold().value()).isEqualTo(8900.0);
            assertThat(check.holds()).isTrue();
        });
    }

    @Test
    void eachTestOfAnOrIsListedWithWhetherItHeld() {
        List<Check> checks = ConditionExplainer.explain(
                "water_unsafe || days_interrupted > p.water_interrupted_days",
                Map.of("water_unsafe", false, "days_interrupted", 30.0),
                Map.of("water_interrupted_days", 30.0));

        assertThat(checks).extracting(Check::operator).containsExactly("is", ">");
        assertThat(checks).extracting(Check::holds).containsExactly(false, false);
    }

    @Test
    void textComparisonsAndDivisionByZeroFollowTheEngine() {
        assertThat(ConditionExplainer.explain(
                        "assisted && category != 'MONITORED'",
                        Map.of("assisted", true, "category", "ORDINARY"),
                        Map.of()))
                .extracting(Check::holds)
                .containsExactly(true, true);
        assertThat(ConditionExplainer.explain(
                        "taxable_income / members > 3 * p.line",
                        Map.of("taxable_income", 90000.0, "members", 0.0),
                        Map.of("line", 8900.0)))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.figure().value()).isEqualTo(0.0);
                    assertThat(c.threshold().value()).isEqualTo(26700.0);
                    assertThat(c.holds()).isFalse();
                });
    }

    @Test
    void aConditionThatDoesNotParseExplainsNothing() {
        assertThat(ConditionExplainer.explain("net_income <", Map.of(), Map.of()))
                .isEmpty();
    }
}
