package org.bulwark.industry;

import java.math.BigDecimal;

/** A project as a form or the API gives it; choices by code or Chinese word. */
public record ProjectInput(
        String kind,
        String name,
        String regionCode,
        String industry,
        String fundingSource,
        BigDecimal assistanceFunds,
        BigDecimal investment,
        BigDecimal annualOutput,
        String state,
        Integer stateYear,
        Integer version) {}
