package org.bulwark.core.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClassificationTest {

    static List<String> problems(
            MonitoringType type, Set<RiskType> risks, boolean formerlyPoor, boolean canWork, String medical) {
        return new Classification(type, risks, formerlyPoor, canWork, new BigDecimal(medical))
                .problems(5).stream().map(Refusal::code).toList();
    }

    @Test
    void consistentClassificationHasNoProblems() {
        assertThat(problems(MonitoringType.UNSTABLE_FORMERLY_POOR, Set.of(RiskType.ILLNESS), true, true, "0.01"))
                .isEmpty();
    }

    @Test
    void unstableEmploymentNeedsSomeoneWhoCanWork() {
        assertThat(problems(MonitoringType.MARGINAL, Set.of(RiskType.UNSTABLE_EMPLOYMENT), false, false, "0"))
                .containsExactly("employment_without_labour");
        assertThat(problems(MonitoringType.MARGINAL, Set.of(RiskType.UNSTABLE_EMPLOYMENT), false, true, "0"))
                .isEmpty();
    }

    @Test
    void illnessNeedsAnOutOfPocketCostAboveZero() {
        assertThat(problems(MonitoringType.MARGINAL, Set.of(RiskType.ILLNESS), false, true, "0"))
                .containsExactly("illness_without_cost");
        assertThat(problems(MonitoringType.MARGINAL, Set.of(RiskType.ILLNESS), false, true, "0.01"))
                .isEmpty();
    }

    @Test
    void typeMustMatchTheHouseholdsRegistration() {
        assertThat(problems(MonitoringType.UNSTABLE_FORMERLY_POOR, Set.of(RiskType.OTHER), false, true, "0"))
                .containsExactly("type_needs_formerly_poor");
        assertThat(problems(MonitoringType.MARGINAL, Set.of(RiskType.OTHER), true, true, "0"))
                .containsExactly("type_marginal_formerly_poor");
        assertThat(problems(MonitoringType.SUDDEN_HARDSHIP, Set.of(RiskType.OTHER), true, true, "0"))
                .isEmpty();
        assertThat(problems(MonitoringType.SUDDEN_HARDSHIP, Set.of(RiskType.OTHER), false, true, "0"))
                .isEmpty();
    }

    @Test
    void oneToFiveRiskTypes() {
        assertThat(problems(MonitoringType.MARGINAL, Set.of(), false, true, "0"))
                .containsExactly("risks_missing");
        Set<RiskType> five = EnumSet.of(
                RiskType.DISABILITY, RiskType.SCHOOLING, RiskType.ACCIDENT, RiskType.INDUSTRY_FAILURE, RiskType.OTHER);
        assertThat(problems(MonitoringType.MARGINAL, five, false, true, "0")).isEmpty();
        Set<RiskType> six = EnumSet.copyOf(five);
        six.add(RiskType.NATURAL_DISASTER);
        assertThat(problems(MonitoringType.MARGINAL, six, false, true, "0")).containsExactly("risks_too_many");
    }

    @Test
    void typeIsRequired() {
        assertThat(problems(null, Set.of(RiskType.OTHER), false, true, "0")).containsExactly("type_missing");
    }

    @Test
    void ruleRiskTypesMapToCaseRiskTypes() {
        assertThat(RiskType.fromRuleRiskType("illness")).contains(RiskType.ILLNESS);
        assertThat(RiskType.fromRuleRiskType("natural_disaster")).contains(RiskType.NATURAL_DISASTER);
        assertThat(RiskType.fromRuleRiskType("housing_guarantee")).isEmpty();
        assertThat(RiskType.fromRuleRiskType(null)).isEmpty();
    }
}
