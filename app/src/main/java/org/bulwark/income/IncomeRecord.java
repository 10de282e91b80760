package org.bulwark.income;

import java.math.BigDecimal;

/** A household's income in one year, with the figures the core computed from it. */
public record IncomeRecord(
        long id,
        long householdId,
        int year,
        BigDecimal wage,
        BigDecimal operating,
        BigDecimal property,
        BigDecimal transfer,
        BigDecimal productionCost,
        BigDecimal netIncome,
        int members,
        BigDecimal perCapita) {}
