package org.bulwark.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bulwark.platform.InvalidInputException;

/** A calendar quarter a county reports its figures for: {@code 2026-Q3}, said 2026年第3季度. */
public record ReportingQuarter(int year, int quarter) {

    /** 2026-Q3, 2026Q3, 2026-3 or 2026年第3季度. */
    private static final Pattern TEXT = Pattern.compile("(\\d{4})\\s*(?:-|年)?\\s*(?:Q|第)?\\s*([1-4])\\s*(?:季度)?");

    public ReportingQuarter {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("a quarter is 1 to 4: " + quarter);
        }
    }

    /** The quarter given as text, or the last finished quarter before {@code today} when none is given. */
    public static ReportingQuarter parse(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return lastFinished(today);
        }
        Matcher m = TEXT.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw InvalidInputException.of("quarter", "quarter_format", "is not a quarter such as 2026-Q3");
        }
        ReportingQuarter q = new ReportingQuarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        if (q.year < 2000 || !q.end().isBefore(today)) {
            throw InvalidInputException.of("quarter", "quarter_unfinished", "has not ended yet (or is before 2000)");
        }
        return q;
    }

    /** The last quarter that ended before {@code today}. */
    public static ReportingQuarter lastFinished(LocalDate today) {
        int current = (today.getMonthValue() - 1) / 3 + 1;
        return current == 1
                ? new ReportingQuarter(today.getYear() - 1, 4)
                : new ReportingQuarter(today.getYear(), current - 1);
    }

    public LocalDate start() {
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    public LocalDate end() {
        return start().plusMonths(3).minusDays(1);
    }

    /** The code the API and the links use: {@code 2026-Q3}. */
    public String code() {
        return year + "-Q" + quarter;
    }

    /** The quarters up to and including this one, newest first, for a picker. */
    public List<ReportingQuarter> backTo(int count) {
        List<ReportingQuarter> quarters = new ArrayList<>();
        ReportingQuarter q = this;
        for (int i = 0; i < count; i++) {
            quarters.add(q);
            q = q.quarter == 1 ? new ReportingQuarter(q.year - 1, 4) : new ReportingQuarter(q.year, q.quarter - 1);
        }
        return quarters;
    }

    @Override
    public String toString() {
        return code();
    }
}
