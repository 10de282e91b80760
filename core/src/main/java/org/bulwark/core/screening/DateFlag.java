package org.bulwark.core.screening;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;

/**
 * A flag the rules read that department data keeps as a date: {@code renovated} is {@code renovated_date},
 * {@code ended} is {@code end_date}. The flag holds when that date has come by the as-of date. Part of the rule
 * semantics, so every runner (the platform, a Spark job) derives such flags the same way.
 */
public final class DateFlag {

    private DateFlag() {}

    /** The field standing for the flag among {@code fields}: the flag itself, {@code <flag>_date}, or for a flag
     * ending in "ed" its stem with {@code _date} ({@code ended} → {@code end_date}). */
    public static Optional<String> sourceField(String flag, Collection<String> fields) {
        if (fields.contains(flag)) {
            return Optional.of(flag);
        }
        if (fields.contains(flag + "_date")) {
            return Optional.of(flag + "_date");
        }
        String stem = flag.endsWith("ed") ? flag.substring(0, flag.length() - 2) + "_date" : null;
        return stem != null && fields.contains(stem) ? Optional.of(stem) : Optional.empty();
    }

    /** Whether a flag kept as this date holds on the as-of date (no date: it does not). */
    public static boolean holds(LocalDate date, LocalDate asOf) {
        return date != null && !date.isAfter(asOf);
    }
}
