package org.bulwark.core.income;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One household's income for a period, in yuan: wage, operating (gross production and business revenue), property and
 * transfer income, and the production costs to subtract from them.
 *
 * <p>Every component is non-negative, but the net income may be negative when costs exceed income (a failed harvest).
 */
public record IncomeAccount(
        BigDecimal wage, BigDecimal operating, BigDecimal property, BigDecimal transfer, BigDecimal productionCost) {

    private static final int SCALE = 2;

    /** Rejects null or negative components with a message naming the field. */
    public IncomeAccount {
        requireNonNegative("wage", wage);
        requireNonNegative("operating", operating);
        requireNonNegative("property", property);
        requireNonNegative("transfer", transfer);
        requireNonNegative("productionCost", productionCost);
    }

    /** Net income = wage + operating + property + transfer − production cost, at scale 2 (rounded half up). */
    public BigDecimal netIncome() {
        return wage.add(operating)
                .add(property)
                .add(transfer)
                .subtract(productionCost)
                .setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** Net income per member, rounded half up to 2 decimals; {@code members} must be at least 1. */
    public BigDecimal perCapita(int members) {
        if (members < 1) {
            throw new IllegalArgumentException("members must be at least 1, not " + members);
        }
        return netIncome().divide(BigDecimal.valueOf(members), SCALE, RoundingMode.HALF_UP);
    }

    private static void requireNonNegative(String field, BigDecimal amount) {
        if (amount == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        if (amount.signum() < 0) {
            throw new IllegalArgumentException(field + " must not be negative");
        }
    }
}
