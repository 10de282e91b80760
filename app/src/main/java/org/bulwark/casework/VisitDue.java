package org.bulwark.casework;

import java.time.LocalDate;
import org.bulwark.core.casework.MonitoringState;

/** A household under monitoring or observation and when it was last visited; overdue past the province's frequency. */
public record VisitDue(
        long householdId,
        String householdNumber,
        String headName,
        String villageCode,
        MonitoringState status,
        String helperUsername,
        LocalDate lastVisitOn,
        LocalDate dueOn,
        boolean overdue,
        boolean newlyAssigned) {}
