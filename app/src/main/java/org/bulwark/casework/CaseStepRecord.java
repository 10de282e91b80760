package org.bulwark.casework;

import java.time.Instant;
import java.time.LocalDate;
import org.bulwark.identity.Role;

/**
 * One decision taken on a case: the step, the decision, who (by display name, with the role they held when read —
 * null for a replayed history's principal without an account), when and why.
 */
public record CaseStepRecord(
        long id,
        String step,
        String decision,
        String decidedBy,
        LocalDate decidedOn,
        Instant decidedAt,
        String comment,
        Integer objections,
        Role decidedByRole) {}
