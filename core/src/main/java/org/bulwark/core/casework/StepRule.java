package org.bulwark.core.casework;

import java.time.LocalDate;
import java.util.List;

/**
 * One step of a province's procedure: who may decide it, the days it may take, and (for the public notice) the days it
 * must at least last.
 */
public record StepRule(Step step, List<String> roles, int days, int minDays) {

    public StepRule {
        roles = List.copyOf(roles);
        if (roles.isEmpty()) {
            throw new ProcedureException("step " + step + " names no role that may decide it");
        }
        if (days < 1) {
            throw new ProcedureException("step " + step + ": days must be at least 1, was " + days);
        }
        if (minDays < 0 || minDays > days) {
            throw new ProcedureException(
                    "step " + step + ": min_days must be between 0 and days (" + days + "), was " + minDays);
        }
    }

    /** The last day on which the step is still on time, when it was entered on {@code enteredOn}. */
    public LocalDate dueOn(LocalDate enteredOn) {
        return enteredOn.plusDays(days);
    }

    /** The first day on which the step may pass (a notice that has hung for its minimum days). */
    public LocalDate earliestPassOn(LocalDate enteredOn) {
        return enteredOn.plusDays(minDays);
    }

    /** Whether a user of this role decides the step. */
    public boolean decidedBy(String role) {
        return roles.contains(role);
    }
}
