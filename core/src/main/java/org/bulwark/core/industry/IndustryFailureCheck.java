package org.bulwark.core.industry;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The industry-failure risk of docs/policy.md §3 for one household's link to a project: the project failed or closed, or
 * the household received less than the province's least amount from it in the year (nothing, by default). A pure
 * function, so that a list page, a test and later the screening engine ask the same question.
 */
public final class IndustryFailureCheck {

    /** Why a link is at risk. */
    public enum Reason {
        PROJECT_FAILED,
        PROJECT_CLOSED,
        PAID_TOO_LITTLE
    }

    private IndustryFailureCheck() {}

    /**
     * The reason a household's link is at risk in the year, if any.
     *
     * @param state the project's state
     * @param stateYear the year the project failed or closed (null when active or unknown)
     * @param received what the household received from the project in the year, all kinds together (null: nothing
     *     recorded)
     * @param leastAmount received amounts below this are "paid nothing" (the province's parameter; 0 flags only none)
     */
    public static Optional<Reason> check(
            ProjectState state, Integer stateYear, int year, BigDecimal received, BigDecimal leastAmount) {
        // a project that failed after the year still paid in it; one that failed in or before it did not
        boolean stoppedByYear = stateYear == null || stateYear <= year;
        if (state == ProjectState.FAILED && stoppedByYear) {
            return Optional.of(Reason.PROJECT_FAILED);
        }
        if (state == ProjectState.CLOSED && stoppedByYear) {
            return Optional.of(Reason.PROJECT_CLOSED);
        }
        BigDecimal got = received == null ? BigDecimal.ZERO : received;
        boolean tooLittle = leastAmount.signum() == 0 ? got.signum() <= 0 : got.compareTo(leastAmount) < 0;
        return tooLittle ? Optional.of(Reason.PAID_TOO_LITTLE) : Optional.empty();
    }
}
