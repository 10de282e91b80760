package org.bulwark.casework;

import java.time.LocalDate;

/**
 * A helper responsible for a household from {@code startsOn} until {@code endsOn} (null while current), in the
 * monitoring period opened by the identification case {@code caseId}.
 */
public record HelperAssignment(
        long id,
        long householdId,
        long helperId,
        String helperUsername,
        String helperName,
        LocalDate startsOn,
        LocalDate endsOn,
        String assignedBy,
        String reason,
        Long caseId) {}
