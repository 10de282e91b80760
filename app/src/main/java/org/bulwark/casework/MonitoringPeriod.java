package org.bulwark.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.bulwark.core.casework.CaseStatus;

/**
 * One monitoring period of a household: opened by an identification case, with the helpers, plan measures, visits
 * and elimination cases that belong to it, and how it ended. A household whose risk returned after elimination has
 * one period per identification (issue 14, item 11).
 *
 * @param identification the case that opened the period
 * @param eliminations   its risk-elimination cases, newest first
 * @param helpers        its helpers, newest first
 * @param measures       its plan, in the order the measures were added
 * @param visits         its visits, newest first
 * @param outcome        where it stands or how it ended
 * @param endedOn        the day it ended (rejected, withdrawn or risk eliminated); null while it goes on
 */
public record MonitoringPeriod(
        SupportCase identification,
        List<SupportCase> eliminations,
        List<HelperAssignment> helpers,
        List<PlanMeasure> measures,
        List<Visit> visits,
        Outcome outcome,
        LocalDate endedOn) {

    /** Where a period stands: in identification, not identified, under monitoring, or its risk eliminated. */
    public enum Outcome {
        IN_PROCEDURE,
        NOT_IDENTIFIED,
        MONITORED,
        ELIMINATED
    }

    /** The identification case's id, which names the period. */
    public long id() {
        return identification.id();
    }

    /** The day the risk was discovered: the period's start. */
    public LocalDate startedOn() {
        return identification.discoveredOn();
    }

    /** The period's helper now: the current assignment, if one is. */
    public Optional<HelperAssignment> currentHelper() {
        return helpers.stream().filter(a -> a.endsOn() == null).findFirst();
    }

    /** The last helper the period had, current or not. */
    public Optional<HelperAssignment> lastHelper() {
        return helpers.stream().findFirst();
    }

    /** Whether the identification was refused or withdrawn (the household was not taken into monitoring). */
    static Outcome ofIdentification(SupportCase identification, boolean latest, MonitoringStatus status) {
        if (identification.status() == CaseStatus.OPEN) {
            return Outcome.IN_PROCEDURE;
        }
        if (identification.status() != CaseStatus.APPROVED) {
            return Outcome.NOT_IDENTIFIED;
        }
        // an earlier approved period ended with elimination: a new identification needs the household not monitored
        return latest && status != null && status.monitored() ? Outcome.MONITORED : Outcome.ELIMINATED;
    }
}
