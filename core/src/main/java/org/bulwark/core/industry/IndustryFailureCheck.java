package org.bulwark.core.industry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The industry-failure risk of docs/policy.md §3 for one household's link to a project: the project failed or closed, or
 * the household received the province's least amount or less from it in the year (nothing, by default), once enough
 * of the year has passed for a payment to be due. Pure functions, so that the list page, the tests and the record the
 * screening rule IND-02 reads ({@link #snapshot}) ask the same question.
 */
public final class IndustryFailureCheck {

    /** Why a link is at risk. */
    public enum Reason {
        PROJECT_FAILED,
        PROJECT_CLOSED,
        PAID_TOO_LITTLE
    }

    /** One project's part in a household's year: its state, the year it stopped, what it paid in the year. */
    public record ProjectYear(ProjectState state, Integer stateYear, BigDecimal received) {}

    /**
     * A household's year as the {@code industry_benefit} record carries it to IND-02: the projects linked in the year
     * or the year before, how many of them had stopped by the year, the least any other one paid, and the total.
     */
    public record Snapshot(int projects, int failedProjects, BigDecimal leastReceived, BigDecimal received) {}

    private IndustryFailureCheck() {}

    /**
     * The reason a household's link is at risk in the year, if any.
     *
     * @param state the project's state
     * @param stateYear the year the project failed or closed (null when active or unknown)
     * @param received what the household received from the project in the year, all kinds together (null: nothing
     *     recorded)
     * @param leastAmount received amounts at or below this are "paid nothing" (IND-02's industry_least_payment)
     * @param paymentDue whether enough of the year has passed for "paid nothing" to count ({@link #paymentDue})
     */
    public static Optional<Reason> check(
            ProjectState state,
            Integer stateYear,
            int year,
            BigDecimal received,
            BigDecimal leastAmount,
            boolean paymentDue) {
        if (stopped(state, stateYear, year)) {
            return Optional.of(state == ProjectState.FAILED ? Reason.PROJECT_FAILED : Reason.PROJECT_CLOSED);
        }
        return paymentDue && amount(received).compareTo(leastAmount) <= 0
                ? Optional.of(Reason.PAID_TOO_LITTLE)
                : Optional.empty();
    }

    /**
     * Whether "paid nothing" counts for the year on {@code today}: a past year always, the current one from
     * {@code months} whole months into it (IND-02's industry_unpaid_months), a future one never.
     */
    public static boolean paymentDue(int year, LocalDate today, int months) {
        if (year != today.getYear()) {
            return year < today.getYear();
        }
        return !LocalDate.of(year, 1, 1).plusMonths(months).isAfter(today);
    }

    /** The household's year from its projects' parts in it (see {@link Snapshot}). */
    public static Snapshot snapshot(int year, List<ProjectYear> projects) {
        int failed = 0;
        BigDecimal least = null;
        BigDecimal total = BigDecimal.ZERO;
        for (ProjectYear p : projects) {
            total = total.add(amount(p.received()));
            if (stopped(p.state(), p.stateYear(), year)) {
                failed++;
            } else if (least == null || amount(p.received()).compareTo(least) < 0) {
                least = amount(p.received());
            }
        }
        // with every project stopped no "least" exists; projects == failed tells the rule so
        return new Snapshot(projects.size(), failed, least == null ? BigDecimal.ZERO : least, total);
    }

    // a project that stopped after the year still paid in it; one that stopped in or before it did not
    private static boolean stopped(ProjectState state, Integer stateYear, int year) {
        boolean byYear = stateYear == null || stateYear <= year;
        return (state == ProjectState.FAILED || state == ProjectState.CLOSED) && byYear;
    }

    private static BigDecimal amount(BigDecimal received) {
        return received == null ? BigDecimal.ZERO : received;
    }
}
