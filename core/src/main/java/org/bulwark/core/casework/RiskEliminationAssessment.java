package org.bulwark.core.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Which of the risk-elimination conditions of docs/policy.md §6 hold for a household on a day, each with the figures
 * that decide it, so a reviewer sees why and not only whether.
 */
public record RiskEliminationAssessment(LocalDate asOf, List<Result> results) {

    /** One condition, whether it holds, and the figures behind it (in the order its message names them). */
    public record Result(EliminationCriterion criterion, boolean holds, List<Object> figures) {
        public Result {
            figures = List.copyOf(figures);
        }
    }

    public RiskEliminationAssessment {
        results = List.copyOf(results);
    }

    /** Whether every condition holds. */
    public boolean allHold() {
        return results.stream().allMatch(Result::holds);
    }

    /** The conditions that do not hold. */
    public List<Result> unmet() {
        return results.stream().filter(r -> !r.holds()).toList();
    }

    /** Assesses a household on {@code asOf} under a province's procedure. */
    public static RiskEliminationAssessment assess(
            ProcedureDefinition procedure, EliminationInputs in, LocalDate asOf) {
        List<Result> results = new ArrayList<>();
        LocalDate monitoredSince = asOf.minusMonths(procedure.monitoredAtLeastMonths());
        boolean longEnough = in.identifiedOn() != null && !in.identifiedOn().isAfter(monitoredSince);
        results.add(new Result(
                EliminationCriterion.MONITORED_LONG_ENOUGH,
                longEnough,
                listOf(in.identifiedOn(), procedure.monitoredAtLeastMonths())));
        results.add(incomeStablyAbove(procedure.stableIncomeMonths(), in, asOf));
        results.add(new Result(
                EliminationCriterion.MEASURE_DELIVERED, in.measuresDelivered() > 0, List.of(in.measuresDelivered())));
        results.add(new Result(
                EliminationCriterion.GUARANTEES_SECURED,
                in.guaranteeGaps().isEmpty(),
                List.of(List.copyOf(new TreeSet<>(in.guaranteeGaps())))));
        results.add(new Result(EliminationCriterion.SOMEONE_CAN_WORK, in.anyoneCanWork(), List.of()));
        results.add(new Result(
                EliminationCriterion.NO_OPEN_RISK_WARNINGS,
                in.openRiskWarnings() == 0,
                List.of(in.openRiskWarnings())));
        return new RiskEliminationAssessment(asOf, results);
    }

    /**
     * Income counts as stably above the line when the run of observations at or above it (since the last one below)
     * began at least {@code months} ago and the latest observation is no older than {@code months}: old good news
     * alone is not evidence of stability now.
     */
    private static Result incomeStablyAbove(int months, EliminationInputs in, LocalDate asOf) {
        List<IncomeObservation> known = in.incomes().stream()
                .filter(o -> !o.on().isAfter(asOf))
                .sorted(Comparator.comparing(IncomeObservation::on))
                .toList();
        LocalDate runStart = null;
        for (IncomeObservation observation : known) {
            if (observation.perCapita().compareTo(in.line()) < 0) {
                runStart = null;
            } else if (runStart == null) {
                runStart = observation.on();
            }
        }
        LocalDate cutoff = asOf.minusMonths(months);
        boolean recent = !known.isEmpty() && !known.get(known.size() - 1).on().isBefore(cutoff);
        boolean holds = runStart != null && !runStart.isAfter(cutoff) && recent;
        Object latest = known.isEmpty() ? "-" : known.get(known.size() - 1).perCapita();
        return new Result(
                EliminationCriterion.INCOME_STABLY_ABOVE_LINE,
                holds,
                listOf(latest, in.line(), runStart == null ? "-" : runStart, months));
    }

    private static List<Object> listOf(Object... values) {
        List<Object> list = new ArrayList<>();
        for (Object value : values) {
            list.add(value == null ? "-" : value);
        }
        return list;
    }
}
