package org.bulwark.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.bulwark.core.casework.MeasureCategory;
import org.bulwark.core.casework.RiskType;

/** A measure to add to a household's plan. */
public record MeasureInput(
        MeasureCategory category,
        RiskType riskType,
        String department,
        String description,
        BigDecimal amount,
        LocalDate startsOn,
        LocalDate endsOn) {}
