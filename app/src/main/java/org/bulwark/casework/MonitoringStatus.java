package org.bulwark.casework;

import java.time.LocalDate;
import java.util.Set;
import org.bulwark.core.casework.MonitoringState;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.casework.RiskType;

/**
 * Where an identified household stands: under monitoring, or with its risk eliminated (and still observed).
 *
 * @param timesIdentified 2 or more when risk returned after an elimination and the household was identified again
 */
public record MonitoringStatus(
        long householdId,
        String villageCode,
        MonitoringState status,
        MonitoringType type,
        Set<RiskType> risks,
        LocalDate identifiedOn,
        LocalDate firstIdentifiedOn,
        LocalDate eliminatedOn,
        int timesIdentified,
        int version) {

    public boolean monitored() {
        return status == MonitoringState.MONITORED;
    }

    public boolean eliminated() {
        return status == MonitoringState.ELIMINATED;
    }
}
