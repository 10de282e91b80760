package org.bulwark.core.screening;

import java.time.LocalDate;

/**
 * Whole years and months between two days, defined on calendar fields so that any engine (Java here, SQL on Spark)
 * can compute the same numbers: {@code months = (y2*12 + m2) - (y1*12 + m1) - (d2 < d1 ? 1 : 0)} and
 * {@code years = y2 - y1 - ((m2, d2) < (m1, d1) ? 1 : 0)}, which equal {@code ChronoUnit.MONTHS/YEARS.between}.
 */
final class CalendarDistance {

    private CalendarDistance() {
    }

    /** Whole years from {@code fromDay} to {@code toDay} (epoch days); -1 when {@code toDay} is earlier. */
    static int wholeYears(int fromDay, int toDay) {
        if (toDay < fromDay) {
            return -1;
        }
        LocalDate from = LocalDate.ofEpochDay(fromDay);
        LocalDate to = LocalDate.ofEpochDay(toDay);
        int years = to.getYear() - from.getYear();
        int fromMonthDay = from.getMonthValue() * 32 + from.getDayOfMonth();
        int toMonthDay = to.getMonthValue() * 32 + to.getDayOfMonth();
        return toMonthDay < fromMonthDay ? years - 1 : years;
    }

    /** Whole calendar months from {@code fromDay} to {@code toDay} (epoch days), negative when it is earlier. */
    static int wholeMonths(int fromDay, int toDay) {
        LocalDate from = LocalDate.ofEpochDay(fromDay);
        LocalDate to = LocalDate.ofEpochDay(toDay);
        long packedFrom = (from.getYear() * 12L + from.getMonthValue() - 1) * 32L + from.getDayOfMonth();
        long packedTo = (to.getYear() * 12L + to.getMonthValue() - 1) * 32L + to.getDayOfMonth();
        return (int) ((packedTo - packedFrom) / 32);
    }
}
