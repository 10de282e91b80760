package org.bulwark.core.generate.feeds;

/** Amounts in whole cents, so that a total always equals the sum of its parts, written as plain decimals. */
final class Money {

    private Money() {}

    /** Yuan rounded to the nearest cent; never negative. */
    static long cents(double yuan) {
        return Math.max(0, Math.round(yuan * 100));
    }

    /** Whole yuan as cents. */
    static long ofYuan(long yuan) {
        return yuan * 100;
    }

    /** Cents as the import expects a decimal: digits, a point and two digits, e.g. 1234.50. */
    static String format(long cents) {
        if (cents < 0) {
            throw new IllegalArgumentException("amounts are never negative: " + cents);
        }
        long fraction = cents % 100;
        return (cents / 100) + (fraction < 10 ? ".0" : ".") + fraction;
    }
}
