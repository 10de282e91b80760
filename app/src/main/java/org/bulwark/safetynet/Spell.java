package org.bulwark.safetynet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.IntStream;

/**
 * One spell of allowance or support as a civil-affairs record states it.
 *
 * @param person        the person it is about (id or identity number), or null when the household as a whole
 * @param end           the last day, or null while it runs
 * @param monthlyAmount the allowance paid a month, or null (support records carry none)
 */
public record Spell(RecipientKind kind, String person, LocalDate start, LocalDate end, BigDecimal monthlyAmount) {

    /** The years the spell falls in, up to {@code today}'s year (a record may state a future end). */
    IntStream years(LocalDate today) {
        int last = end == null || end.isAfter(today) ? today.getYear() : end.getYear();
        return IntStream.rangeClosed(start.getYear(), last);
    }

    /** Whether the spell still runs on {@code day}. */
    public boolean runsOn(LocalDate day) {
        return !start.isAfter(day) && (end == null || !end.isBefore(day));
    }
}
