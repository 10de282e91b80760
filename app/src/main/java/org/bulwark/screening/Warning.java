package org.bulwark.screening;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * A warning as its readers see it. {@code escalatedTo} says who must act now: the village until the deadline,
 * the township once it has passed, the county a week after that. {@code evidence} is null where the reader may not
 * see it (see {@link #HEALTH_RISKS}).
 */
public record Warning(
        long id,
        Long householdId,
        String idNumber,
        String villageCode,
        String ruleId,
        String ruleVersion,
        String direction,
        String riskType,
        String level,
        String status,
        boolean registered,
        LocalDate asOf,
        Instant raisedAt,
        LocalDate deadline,
        String evidence,
        String verifiedBy,
        Instant verifiedAt,
        String verificationNote,
        int version,
        boolean overdue,
        String escalatedTo,
        String householdNumber,
        String headName) {

    /** Risk types whose evidence is health data, withheld from roles that do not need it (evidence is then null). */
    public static final Set<String> HEALTH_RISKS = Set.of("illness", "disability");

    /** The state of its verification, as the type other modules compare. */
    public WarningStatus state() {
        return WarningStatus.valueOf(status);
    }
}
