package org.bulwark.core.screening;

import java.time.LocalDate;

/**
 * Whole years and months between two days, defined on calendar fields so that any engine (Java here, SQL on Spark)
 * can compute the same numbers: {@code months = (y2*12 + m2) - (y1*12 + m1) - (d2 < d1 ? 1 : 0)} (truncated toward
 * zero when the second day is earlier) and {@code years = y2 - y1 - ((m2, d2) < (m1, d1) ? 1 : 0)}; these equal
 * {@code ChronoUnit.MONTHS/YEARS.between}.
 */
final class CalendarDistance {

    private static final int FIRST_DAY = (int) LocalDate.of(1850, 1, 1).toEpochDay();
    private static final int LAST_DAY = (int) LocalDate.of(2250, 12, 31).toEpochDay();
    /** Year, month and day of every day from 1850 to 2250 packed as {@code (year * 16 + month) * 32 + day}. */
    private static final int[] FIELDS = new int[LAST_DAY - FIRST_DAY + 1];

    static {
        // turning epoch days into calendar fields is the costly part of an age; a table makes it one array read
        LocalDate date = LocalDate.ofEpochDay(FIRST_DAY);
        for (int i = 0; i < FIELDS.length; i++) {
            FIELDS[i] = pack(date);
            date = date.plusDays(1);
        }
    }

    private CalendarDistance() {}

    /** Whole years from {@code fromDay} to {@code toDay} (epoch days); -1 when {@code toDay} is earlier. */
    static int wholeYears(int fromDay, int toDay) {
        if (toDay < fromDay) {
            return -1;
        }
        int from = fields(fromDay);
        int to = fields(toDay);
        int years = (to >> 9) - (from >> 9);
        return (to & 0x1FF) < (from & 0x1FF) ? years - 1 : years;
    }

    /** Whole calendar months from {@code fromDay} to {@code toDay} (epoch days), negative when it is earlier. */
    static int wholeMonths(int fromDay, int toDay) {
        int from = fields(fromDay);
        int to = fields(toDay);
        long packedFrom = ((from >> 9) * 12L + ((from >> 5) & 0xF) - 1) * 32L + (from & 0x1F);
        long packedTo = ((to >> 9) * 12L + ((to >> 5) & 0xF) - 1) * 32L + (to & 0x1F);
        return (int) ((packedTo - packedFrom) / 32);
    }

    private static int fields(int epochDay) {
        if (epochDay >= FIRST_DAY && epochDay <= LAST_DAY) {
            return FIELDS[epochDay - FIRST_DAY];
        }
        return pack(LocalDate.ofEpochDay(epochDay));
    }

    private static int pack(LocalDate date) {
        return (date.getYear() * 16 + date.getMonthValue()) * 32 + date.getDayOfMonth();
    }
}
