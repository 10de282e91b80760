package org.bulwark.core.generate.feeds;

import java.time.LocalDate;
import java.time.Month;
import java.util.SplittableRandom;

/**
 * The dates records are placed by, counted back from the as-of day {@code T} as the screening windows are: "the last
 * 12 months" is {@code (T − 12 months, T]}, "this school year" starts on the 1 September on or before {@code T}.
 */
final class FeedCalendar {

    /** Days back that stay inside every 12-month window, however the months fall. */
    static final int RECENT_DAYS = 330;
    /** Days back that stay outside every 12-month window. */
    static final int OLD_DAYS = 400;
    /** The span medical settlements cover, in days. */
    static final int SETTLEMENT_DAYS = 730;

    private final LocalDate asOf;
    private final LocalDate yearStart;
    private final LocalDate schoolYearStart;
    private final LocalDate windowStart;

    FeedCalendar(LocalDate asOf) {
        this.asOf = asOf;
        this.yearStart = asOf.withDayOfYear(1);
        LocalDate september = LocalDate.of(asOf.getYear(), Month.SEPTEMBER, 1);
        this.schoolYearStart = september.isAfter(asOf) ? september.minusYears(1) : september;
        this.windowStart = asOf.minusMonths(12);
    }

    LocalDate asOf() {
        return asOf;
    }

    /** 1 January of the as-of year: how this year's yearly records are dated. */
    LocalDate yearStart() {
        return yearStart;
    }

    /** 1 January of the year before: how last year's yearly records (taxable income) are dated. */
    LocalDate lastYearStart() {
        return yearStart.minusYears(1);
    }

    /** 1 September on or before the as-of day: how this school year's records are dated. */
    LocalDate schoolYearStart() {
        return schoolYearStart;
    }

    /** Whether a date falls in the last 12 months, the window most rules sum over. */
    boolean inLastTwelveMonths(LocalDate date) {
        return date.isAfter(windowStart) && !date.isAfter(asOf);
    }

    /** The as-of day minus a number of days drawn from {@code low} to {@code high}. */
    LocalDate daysBack(SplittableRandom random, int low, int high) {
        return asOf.minusDays(Draws.between(random, low, high));
    }

    /** Days from a date to the as-of day. */
    long daysSince(LocalDate date) {
        return asOf.toEpochDay() - date.toEpochDay();
    }

    /** Whole years from {@code birth} to {@code on}, as the rules count a person's age. */
    static int age(LocalDate birth, LocalDate on) {
        int years = on.getYear() - birth.getYear();
        if (on.getMonthValue() < birth.getMonthValue()
                || (on.getMonthValue() == birth.getMonthValue() && on.getDayOfMonth() < birth.getDayOfMonth())) {
            years--;
        }
        return years;
    }
}
