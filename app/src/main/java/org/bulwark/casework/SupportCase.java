package org.bulwark.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.bulwark.core.casework.CaseKind;
import org.bulwark.core.casework.CaseStatus;
import org.bulwark.core.casework.Channel;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.casework.RiskType;
import org.bulwark.core.casework.Step;

/**
 * A case as its readers see it, with its due dates worked out from the province's procedure.
 *
 * @param stepDueOn     last day on which the current step is on time (null when the case is closed)
 * @param decisionDueOn last day on which the whole case is on time (15 days from discovery by default)
 * @param overdue       the step or the case is past its limit
 * @param escalatedTo   the level that now watches the current step (TOWNSHIP, COUNTY) when the step itself is past
 *                      its limit; null when the step is on time, even in a case past its overall limit
 */
public record SupportCase(
        long id,
        long householdId,
        String householdNumber,
        String headName,
        String villageCode,
        CaseKind kind,
        Channel channel,
        Long sourceId,
        LocalDate discoveredOn,
        CaseStatus status,
        Step step,
        LocalDate stepEnteredOn,
        LocalDate stepDueOn,
        LocalDate decisionDueOn,
        boolean overdue,
        String escalatedTo,
        MonitoringType monitoringType,
        Set<RiskType> risks,
        BigDecimal medicalOutOfPocket,
        LocalDate commitmentSignedOn,
        boolean greenChannel,
        LocalDate decidedOn,
        String openedBy,
        int version) {

    /**
     * The case without its health data — the medical out-of-pocket figure — for readers without READ_SENSITIVE_DATA
     * (docs/policy.md §11).
     */
    public SupportCase withoutHealthData() {
        return new SupportCase(
                id,
                householdId,
                householdNumber,
                headName,
                villageCode,
                kind,
                channel,
                sourceId,
                discoveredOn,
                status,
                step,
                stepEnteredOn,
                stepDueOn,
                decisionDueOn,
                overdue,
                escalatedTo,
                monitoringType,
                risks,
                null,
                commitmentSignedOn,
                greenChannel,
                decidedOn,
                openedBy,
                version);
    }

    /** Whether the case as a whole is late while its current step is on time (nothing escalated). */
    public boolean lateAsAWholeOnly() {
        return overdue && escalatedTo == null;
    }

    /** Whether the case is still under way. */
    public boolean open() {
        return status == CaseStatus.OPEN;
    }
}
