package org.bulwark.casework;

import java.time.LocalDate;

/** A change of a household's monitoring status: IDENTIFIED, ELIMINATED, REVERSED or REENTERED. */
public record MonitoringEvent(long id, String event, LocalDate happenedOn, Long caseId, String doneBy, String note) {}
