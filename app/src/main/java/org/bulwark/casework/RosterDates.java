package org.bulwark.casework;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as counties write them: 2024-03-15, 2024/3/15, 2024.3.15, 20240315, 2024年3月15日. */
final class RosterDates {

    private static final Pattern SEPARATED =
            Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T].*)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    private RosterDates() {}

    /** The date, or null when the text is not one. */
    static LocalDate parse(String text) {
        Matcher m = SEPARATED.matcher(text.strip());
        if (!m.matches()) {
            m = COMPACT.matcher(text.strip());
            if (!m.matches()) {
                return null;
            }
        }
        try {
            return LocalDate.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
