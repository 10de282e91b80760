package org.bulwark.core.generate;

import java.math.BigDecimal;
import org.bulwark.core.income.IncomeAccount;

/** One year of a generated household's income, in whole yuan at scale 2; operating income is before costs. */
public record GeneratedIncome(
        int year,
        BigDecimal wage,
        BigDecimal operating,
        BigDecimal property,
        BigDecimal transfer,
        BigDecimal productionCost) {

    /** The same figures as an income account, for net and per-capita income. */
    public IncomeAccount account() {
        return new IncomeAccount(wage, operating, property, transfer, productionCost);
    }
}
