package org.bulwark.income;

import java.math.BigDecimal;

/** Income as a form or the API sends it, before validation. */
public record IncomeInput(
        Integer year,
        BigDecimal wage,
        BigDecimal operating,
        BigDecimal property,
        BigDecimal transfer,
        BigDecimal productionCost) {}
