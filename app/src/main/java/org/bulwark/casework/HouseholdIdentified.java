package org.bulwark.casework;

import java.time.LocalDate;
import java.util.Set;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.casework.RiskType;

/** The county approved a household into monitoring (for the first time, or again after its risk had returned). */
public record HouseholdIdentified(long householdId, String villageCode, MonitoringType type, Set<RiskType> risks,
                                  LocalDate on) {
}
