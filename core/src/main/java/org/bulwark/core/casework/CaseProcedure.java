package org.bulwark.core.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The procedure as a state machine (docs/policy.md §4, §6): a case sits at one step; the role that decides the step
 * passes it (the case moves to the next step, or is approved after the last) or rejects it. Each step's conditions are
 * checked here, so no page or API can approve a case that was never reviewed or eliminate a risk too early.
 */
public final class CaseProcedure {

    private final ProcedureDefinition definition;

    public CaseProcedure(ProcedureDefinition definition) {
        this.definition = definition;
    }

    /** What happens when a user of {@code role} takes {@code decision} on the case on {@code today}. */
    public Outcome decide(CaseFacts facts, Decision decision, String role, LocalDate today) {
        StepRule rule = definition.rule(facts.kind(), facts.step());
        if (!rule.decidedBy(role)) {
            return new Outcome.Refused(List.of(Refusal.of("role_not_allowed", facts.step(), rule.roles())));
        }
        if (today.isBefore(facts.stepEnteredOn())) {
            return new Outcome.Refused(List.of(Refusal.of("decided_before_step", facts.stepEnteredOn())));
        }
        if (decision == Decision.REJECT) {
            return new Outcome.Finished(CaseStatus.REJECTED);
        }
        List<Refusal> reasons = conditionsToPass(facts, rule, today);
        if (!reasons.isEmpty()) {
            return new Outcome.Refused(reasons);
        }
        return definition
                .after(facts.kind(), facts.step())
                .<Outcome>map(Outcome.Moved::new)
                .orElseGet(() -> new Outcome.Finished(CaseStatus.APPROVED));
    }

    private List<Refusal> conditionsToPass(CaseFacts facts, StepRule rule, LocalDate today) {
        List<Refusal> reasons = new ArrayList<>();
        boolean identification = facts.kind() == CaseKind.IDENTIFICATION;
        switch (facts.step()) {
            case HOME_VERIFICATION -> {
                if (identification) {
                    if (!facts.commitmentSigned()) {
                        reasons.add(Refusal.of("commitment_missing"));
                    }
                    reasons.addAll(classificationProblems(facts));
                }
            }
            case PUBLIC_NOTICE -> {
                LocalDate earliest = rule.earliestPassOn(facts.stepEnteredOn());
                if (today.isBefore(earliest)) {
                    reasons.add(Refusal.of("notice_too_short", rule.minDays(), earliest));
                }
            }
            case TOWNSHIP_REVIEW -> {
                // the township is held to the county's rule, so what the county would refuse is fixed while the
                // case is still with the township (issue 14, item 12)
                if (identification) {
                    reasons.addAll(readyForApproval(facts));
                }
            }
            case COUNTY_APPROVAL -> {
                if (identification) {
                    reasons.addAll(readyForApproval(facts));
                } else {
                    reasons.addAll(eliminationProblems(facts));
                }
            }
            default -> {
                // the other steps are a review whose outcome the decider records; no precondition of their own
            }
        }
        return reasons;
    }

    /**
     * What the county refuses an identification for: type and risks, the one designated helper, and a plan whose
     * measures answer each risk (docs/policy.md §5). Empty when the case may be approved.
     */
    public List<Refusal> readyForApproval(CaseFacts facts) {
        List<Refusal> reasons = new ArrayList<>(classificationProblems(facts));
        if (!facts.helperAssigned()) {
            reasons.add(Refusal.of("helper_missing"));
        }
        Set<RiskType> unanswered = unanswered(facts);
        if (!unanswered.isEmpty()) {
            reasons.add(Refusal.of("plan_misses_risks", unanswered));
        }
        return reasons;
    }

    private List<Refusal> classificationProblems(CaseFacts facts) {
        if (facts.classification() == null) {
            return List.of(Refusal.of("type_missing"), Refusal.of("risks_missing"));
        }
        return facts.classification().problems(definition.maxRiskTypes());
    }

    private static Set<RiskType> unanswered(CaseFacts facts) {
        Set<RiskType> missing = EnumSet.noneOf(RiskType.class);
        if (facts.classification() != null) {
            missing.addAll(facts.classification().risks());
        }
        missing.removeAll(facts.risksAnswered());
        return missing;
    }

    private static List<Refusal> eliminationProblems(CaseFacts facts) {
        if (facts.assessment() == null) {
            return List.of(Refusal.of("assessment_missing"));
        }
        return facts.assessment().unmet().stream()
                .map(c -> Refusal.of("criterion_unmet", c.criterion()))
                .toList();
    }

    /** Whether a step entered on {@code enteredOn} is overdue on {@code today}. */
    public boolean stepOverdue(CaseKind kind, Step step, LocalDate enteredOn, LocalDate today) {
        return today.isAfter(definition.rule(kind, step).dueOn(enteredOn));
    }

    /** Whether a case discovered on {@code discoveredOn} and still open is past the overall limit on {@code today}. */
    public boolean decisionOverdue(LocalDate discoveredOn, LocalDate today) {
        return today.isAfter(definition.decisionDueOn(discoveredOn));
    }
}
