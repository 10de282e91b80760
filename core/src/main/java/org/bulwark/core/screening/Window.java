package org.bulwark.core.screening;

import java.time.LocalDate;
import java.time.Month;

/**
 * The period of records a feature looks at, always relative to the as-of date {@code T} and never past it: the last
 * {@code n} months are the days after {@code T - n months} up to {@code T} (month arithmetic clamps the day, so
 * 31 March minus one month is 28/29 February); {@code this_year} is 1 January to {@code T}; {@code last_year} is the
 * whole previous calendar year; {@code school_year} runs from the 1 September on or before {@code T} to {@code T};
 * {@code all} is everything up to {@code T}.
 */
record Window(Kind kind, int months) {

    enum Kind {
        MONTHS,
        THIS_YEAR,
        LAST_YEAR,
        SCHOOL_YEAR,
        ALL
    }

    private static final int MAX_MONTHS = 1200;

    static Window parse(SourceNode node) {
        String text = node.nonBlankText();
        switch (text) {
            case "this_year":
                return new Window(Kind.THIS_YEAR, 0);
            case "last_year":
                return new Window(Kind.LAST_YEAR, 0);
            case "school_year":
                return new Window(Kind.SCHOOL_YEAR, 0);
            case "all":
                return new Window(Kind.ALL, 0);
            default:
                int months;
                try {
                    months = Integer.parseInt(text);
                } catch (NumberFormatException e) {
                    throw node.problem("window must be a number of months or one of this_year, last_year, "
                            + "school_year, all, not '" + text + "'");
                }
                if (months < 1 || months > MAX_MONTHS) {
                    throw node.problem("window must be between 1 and " + MAX_MONTHS + " months, not " + months);
                }
                return new Window(Kind.MONTHS, months);
        }
    }

    /** The days the window covers for an as-of date. */
    DateRange range(LocalDate asOf) {
        int to = (int) asOf.toEpochDay();
        return switch (kind) {
            case MONTHS -> new DateRange((int) asOf.minusMonths(months).toEpochDay() + 1, to);
            case THIS_YEAR -> new DateRange((int) asOf.withDayOfYear(1).toEpochDay(), to);
            case LAST_YEAR -> {
                LocalDate start = LocalDate.of(asOf.getYear() - 1, 1, 1);
                LocalDate end = start.withMonth(12).withDayOfMonth(31);
                yield new DateRange((int) start.toEpochDay(), (int) end.toEpochDay());
            }
            case SCHOOL_YEAR -> {
                int year = asOf.getMonthValue() >= Month.SEPTEMBER.getValue() ? asOf.getYear() : asOf.getYear() - 1;
                yield new DateRange((int) LocalDate.of(year, Month.SEPTEMBER, 1).toEpochDay(), to);
            }
            case ALL -> new DateRange(Integer.MIN_VALUE, to);
        };
    }

    /** Text that is equal for equal windows, to recognise identical features. */
    String key() {
        return kind == Kind.MONTHS ? months + "m" : kind.name();
    }
}
