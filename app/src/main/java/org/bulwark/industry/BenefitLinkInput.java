package org.bulwark.industry;

import java.math.BigDecimal;

/** A benefit link as a form or the API gives it: the household by its id or its household number (户编号). */
public record BenefitLinkInput(
        Long projectId, Long householdId, String householdNumber, String kind, Integer year, BigDecimal amount) {}
