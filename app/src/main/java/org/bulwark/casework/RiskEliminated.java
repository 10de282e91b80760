package org.bulwark.casework;

import java.time.LocalDate;

/** The county marked a household's risk eliminated; it stays under observation. */
public record RiskEliminated(long householdId, String villageCode, LocalDate on) {
}
