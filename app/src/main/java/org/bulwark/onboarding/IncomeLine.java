package org.bulwark.onboarding;

import java.math.BigDecimal;

/** A valid row of an incomes file; blank amounts are zero. */
record IncomeLine(
        long row,
        String householdNumber,
        int year,
        BigDecimal wage,
        BigDecimal operating,
        BigDecimal property,
        BigDecimal transfer,
        BigDecimal productionCost) {}
