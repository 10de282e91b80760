package org.bulwark.screening;

import java.time.LocalDate;
import org.bulwark.core.screening.Direction;

/**
 * A cadre confirmed a warning: the risk is real and the household is ready for identification. Published inside the
 * confirming transaction, which also writes it to the event publication registry: what listens to it (casework opens
 * a case) follows the commit, and is not lost when the platform dies before it has.
 */
public record WarningConfirmed(
        long warningId,
        Long householdId,
        String villageCode,
        String ruleId,
        String riskType,
        Direction direction,
        LocalDate confirmedOn,
        String confirmedBy) {}
