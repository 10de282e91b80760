package org.bulwark.casework;

import java.time.LocalDate;

/** A helper responsible for a household from {@code startsOn} until {@code endsOn} (null while current). */
public record HelperAssignment(
        long id,
        long householdId,
        long helperId,
        String helperUsername,
        String helperName,
        LocalDate startsOn,
        LocalDate endsOn,
        String assignedBy,
        String reason) {}
