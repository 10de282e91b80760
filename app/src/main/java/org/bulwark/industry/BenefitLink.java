package org.bulwark.industry;

import java.math.BigDecimal;
import org.bulwark.core.industry.BenefitKind;
import org.bulwark.core.industry.ProjectState;

/** What one household received from one project in one year, and how; with the project's name and state. */
public record BenefitLink(
        long id,
        long projectId,
        String projectName,
        ProjectState projectState,
        long householdId,
        String householdNumber,
        String villageCode,
        BenefitKind kind,
        int year,
        BigDecimal amount) {}
