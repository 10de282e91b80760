package org.bulwark.employment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A person holding (or having held) a place of a public-welfare post, with the allocation's reasons; {@code payroll}
 * lists the members of the holder's household found on a public payroll (empty when none: a holder with any is
 * flagged on the lists).
 */
public record WelfareHolder(
        long id,
        long postId,
        String postTitle,
        long personId,
        String name,
        long householdId,
        String householdNumber,
        String villageCode,
        LocalDate termFrom,
        LocalDate termTo,
        WelfareHolderState state,
        List<WelfareReason> reasons,
        String endReason,
        String updatedBy,
        Instant updatedAt,
        int version,
        List<PayrollEntry> payroll) {

    /** The same holder with the payroll found for its household. */
    WelfareHolder withPayroll(List<PayrollEntry> found) {
        return new WelfareHolder(
                id,
                postId,
                postTitle,
                personId,
                name,
                householdId,
                householdNumber,
                villageCode,
                termFrom,
                termTo,
                state,
                reasons,
                endReason,
                updatedBy,
                updatedAt,
                version,
                List.copyOf(found));
    }

    /** Whether someone of the holder's household is on a public payroll. */
    public boolean onPayroll() {
        return !payroll.isEmpty();
    }
}
