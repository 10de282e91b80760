package org.bulwark.casework.web;

import java.util.List;
import org.bulwark.casework.HelperAssignment;
import org.bulwark.casework.MonitoringEvent;
import org.bulwark.casework.MonitoringStatus;
import org.bulwark.casework.PlanMeasure;
import org.bulwark.casework.SupportCase;
import org.bulwark.casework.Visit;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A household's casework file as the API answers it.
 *
 * @param status where the household stands; the string {@code "NONE"} when it was never identified
 * @param helper its designated helper; the string {@code "NONE"} when it has none
 */
record HouseholdCasework(
        @JsonSerialize(nullsUsing = NoneWhenAbsent.class) MonitoringStatus status,
        List<MonitoringEvent> history,
        @JsonSerialize(nullsUsing = NoneWhenAbsent.class) HelperAssignment helper,
        List<PlanMeasure> plan,
        List<Visit> visits,
        List<SupportCase> cases) {}
