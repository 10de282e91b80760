package org.bulwark.industry;

import java.math.BigDecimal;
import org.bulwark.core.industry.EntityKind;
import org.bulwark.core.industry.FundingSource;
import org.bulwark.core.industry.Industry;
import org.bulwark.core.industry.ProjectState;

/** An industry project and the business entity that runs it, at a real region. */
public record Project(
        long id,
        EntityKind kind,
        String name,
        String regionCode,
        Industry industry,
        FundingSource fundingSource,
        BigDecimal assistanceFunds,
        BigDecimal investment,
        BigDecimal annualOutput,
        ProjectState state,
        Integer stateYear,
        int version) {}
