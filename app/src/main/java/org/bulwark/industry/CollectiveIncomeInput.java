package org.bulwark.industry;

import java.math.BigDecimal;

/** A village collective's income as a form or the API gives it; the source by code or Chinese word. */
public record CollectiveIncomeInput(String villageCode, Integer year, String source, BigDecimal amount) {}
