package org.bulwark.core.casework;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A province's casework procedure: the steps of identification and of risk elimination with their time limits, the
 * overall limit from discovery to decision, the visit frequency (under monitoring, and under observation after the
 * risk was eliminated), the elimination thresholds and which risks open the
 * green channel. Loaded from configuration ({@link ProcedureCatalogue}); nothing here is a constant of the policy.
 */
public record ProcedureDefinition(
        int totalDays,
        List<StepRule> identificationSteps,
        List<StepRule> eliminationSteps,
        int visitEveryDays,
        int observationVisitEveryDays,
        int monitoredAtLeastMonths,
        int stableIncomeMonths,
        int maxRiskTypes,
        Set<RiskType> greenChannelRisks) {

    public ProcedureDefinition {
        identificationSteps = List.copyOf(identificationSteps);
        eliminationSteps = List.copyOf(eliminationSteps);
        greenChannelRisks = greenChannelRisks.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(greenChannelRisks));
        check("steps", identificationSteps);
        check("elimination_steps", eliminationSteps);
        if (totalDays < 1
                || visitEveryDays < 1
                || observationVisitEveryDays < 1
                || monitoredAtLeastMonths < 0
                || stableIncomeMonths < 1
                || maxRiskTypes < 1) {
            throw new ProcedureException("total_days, visit_every_days, stable_income_months and max_risk_types must be"
                    + " at least 1, monitored_at_least_months at least 0");
        }
    }

    private static void check(String name, List<StepRule> steps) {
        if (steps.isEmpty()) {
            throw new ProcedureException(name + " is empty");
        }
        Set<Step> seen = EnumSet.noneOf(Step.class);
        for (StepRule rule : steps) {
            if (!seen.add(rule.step())) {
                throw new ProcedureException(name + ": step " + rule.step() + " appears twice");
            }
        }
        // the decision belongs to the county and the public must have seen it first (docs/policy.md §4)
        if (steps.get(steps.size() - 1).step() != Step.COUNTY_APPROVAL) {
            throw new ProcedureException(name + " must end with COUNTY_APPROVAL");
        }
        if (!seen.contains(Step.PUBLIC_NOTICE)) {
            throw new ProcedureException(name + " must contain PUBLIC_NOTICE");
        }
    }

    /** The steps of a kind of case, in order. */
    public List<StepRule> steps(CaseKind kind) {
        return kind == CaseKind.IDENTIFICATION ? identificationSteps : eliminationSteps;
    }

    /** The first step of a kind of case. */
    public StepRule first(CaseKind kind) {
        return steps(kind).get(0);
    }

    /** The rule of a step in a kind of case. */
    public StepRule rule(CaseKind kind, Step step) {
        return steps(kind).stream()
                .filter(r -> r.step() == step)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(step + " is not a step of " + kind));
    }

    /** The step after {@code step}, or empty when it was the last (the decision). */
    public Optional<StepRule> after(CaseKind kind, Step step) {
        List<StepRule> steps = steps(kind);
        for (int i = 0; i < steps.size() - 1; i++) {
            if (steps.get(i).step() == step) {
                return Optional.of(steps.get(i + 1));
            }
        }
        return Optional.empty();
    }

    /** The day by which a case discovered on {@code discoveredOn} must be decided. */
    public LocalDate decisionDueOn(LocalDate discoveredOn) {
        return discoveredOn.plusDays(totalDays);
    }

    /** Days between visits for a household in this monitoring state (an eliminated one is only observed). */
    public int visitEveryDays(MonitoringState state) {
        return state == MonitoringState.ELIMINATED ? observationVisitEveryDays : visitEveryDays;
    }

    /** Whether a household with these risks may receive help before the procedure completes. */
    public boolean greenChannelFor(Set<RiskType> risks) {
        return risks.stream().anyMatch(greenChannelRisks::contains);
    }
}
