package org.bulwark.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.bulwark.core.casework.MeasureCategory;
import org.bulwark.core.casework.RiskType;

/**
 * One measure of a household's plan: what, answering which risk, by which department, how much, when, and whether
 * delivered; {@code caseId} is the identification case that opened the monitoring period it belongs to.
 */
public record PlanMeasure(
        long id,
        long householdId,
        MeasureCategory category,
        RiskType riskType,
        String department,
        String description,
        BigDecimal amount,
        LocalDate startsOn,
        LocalDate endsOn,
        MeasureStatus status,
        LocalDate deliveredOn,
        String recordedBy,
        int version,
        Long caseId) {}
