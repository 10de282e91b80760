package org.bulwark.core.income;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Checks entered income figures and reports every problem at once, so a form can mark all bad fields together. */
public final class IncomeValidation {

    /** Code: the amount is missing. */
    public static final String REQUIRED = "required";
    /** Code: the amount is below zero. */
    public static final String NEGATIVE = "negative";
    /** Code: the amount has more than two decimal places. */
    public static final String SCALE = "scale";
    /** Code: the amount is above {@link #MAX_AMOUNT}. */
    public static final String TOO_LARGE = "too_large";
    /** Code: the year is before {@link #FIRST_YEAR} or after the current year. */
    public static final String YEAR_RANGE = "year_range";

    /** Largest accepted amount in yuan; anything above is taken for a typing error. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");
    /** Earliest accepted income year. */
    public static final int FIRST_YEAR = 2010;

    private static final int MAX_DECIMALS = 2;

    private IncomeValidation() {}

    /**
     * Returns every problem with the given figures (empty when all are fine), in field order: wage, operating,
     * property, transfer, productionCost, year. A missing amount gets only {@code required}.
     */
    public static List<FieldProblem> check(
            BigDecimal wage,
            BigDecimal operating,
            BigDecimal property,
            BigDecimal transfer,
            BigDecimal productionCost,
            int year,
            int currentYear) {
        List<FieldProblem> problems = new ArrayList<>();
        checkAmount("wage", wage, problems);
        checkAmount("operating", operating, problems);
        checkAmount("property", property, problems);
        checkAmount("transfer", transfer, problems);
        checkAmount("productionCost", productionCost, problems);
        if (year < FIRST_YEAR || year > currentYear) {
            problems.add(new FieldProblem(
                    "year",
                    YEAR_RANGE,
                    "year must be between " + FIRST_YEAR + " and " + currentYear + ", not " + year));
        }
        return Collections.unmodifiableList(problems);
    }

    private static void checkAmount(String field, BigDecimal amount, List<FieldProblem> problems) {
        if (amount == null) {
            problems.add(new FieldProblem(field, REQUIRED, field + " is required"));
            return;
        }
        if (amount.signum() < 0) {
            problems.add(new FieldProblem(field, NEGATIVE, field + " must not be negative"));
        }
        // Trailing zeros are not extra precision: 12.500 is a valid amount.
        if (amount.stripTrailingZeros().scale() > MAX_DECIMALS) {
            problems.add(new FieldProblem(field, SCALE, field + " must have at most 2 decimal places"));
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            problems.add(new FieldProblem(field, TOO_LARGE, field + " must not exceed 100,000,000"));
        }
    }
}
