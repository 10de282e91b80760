package org.bulwark.casework;

import java.time.LocalDate;

/** A household under monitoring or observation and when it was last visited; overdue past the province's frequency. */
public record VisitDue(long householdId, String householdNumber, String headName, String villageCode, String status,
                       String helperUsername, LocalDate lastVisitOn, LocalDate dueOn, boolean overdue) {
}
