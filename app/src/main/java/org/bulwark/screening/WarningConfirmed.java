package org.bulwark.screening;

import java.time.LocalDate;

/**
 * A cadre confirmed a warning: the risk is real and the household is ready for identification. Published inside the
 * confirming transaction, so what listens to it (casework opens a case) happens with the confirmation or not at all.
 */
public record WarningConfirmed(long warningId, Long householdId, String villageCode, String ruleId, String riskType,
                               String direction, LocalDate confirmedOn, String confirmedBy) {
}
