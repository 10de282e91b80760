package org.bulwark.casework;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bulwark.core.csv.SpreadsheetCsvWriter;
import org.bulwark.core.generate.RosterPeriod;

/**
 * A monitoring roster written in the template's shape (its headers, one row per period, the words counties write),
 * UTF-8 with a byte-order mark: what the onboarding generator writes, so that its file is one the import reads.
 */
public final class RosterCsvWriter implements Closeable {

    private final SpreadsheetCsvWriter writer;
    private final List<String> headers = RosterColumns.template();

    private RosterCsvWriter(OutputStream out) throws IOException {
        writer = SpreadsheetCsvWriter.open(out);
        writer.row(headers.toArray(String[]::new));
    }

    /** A writer to {@code out} with the template's header written; closing it closes {@code out}. */
    public static RosterCsvWriter open(OutputStream out) throws IOException {
        return new RosterCsvWriter(out);
    }

    /** Writes one period as a row (by household number and head's identity number; at most three measures). */
    public void write(RosterPeriod p) throws IOException {
        if (p.measures().size() > RosterColumns.TEMPLATE_MEASURES || p.risks().size() > 5) {
            throw new IllegalArgumentException("more measures or risks than the template has columns for");
        }
        String[] cells = new String[headers.size()];
        put(cells, RosterColumns.HOUSEHOLD_NUMBER, p.householdNumber());
        put(cells, RosterColumns.HEAD_ID, p.headIdNumber());
        put(cells, RosterColumns.TYPE, word(RosterWords.TYPES, p.type()));
        put(cells, RosterColumns.IDENTIFIED_ON, date(p.identifiedOn()));
        for (int i = 0; i < p.risks().size(); i++) {
            put(
                    cells,
                    RosterColumns.risk(i + 1),
                    word(RosterWords.RISKS, p.risks().get(i)));
        }
        put(cells, RosterColumns.HELPER, p.helperName());
        put(cells, RosterColumns.HELPER_PHONE, p.helperPhone());
        for (int i = 0; i < p.measures().size(); i++) {
            RosterPeriod.Measure m = p.measures().get(i);
            put(cells, RosterColumns.measure(i + 1, RosterColumns.CATEGORY), word(RosterWords.MEASURES, m.category()));
            put(cells, RosterColumns.measure(i + 1, RosterColumns.CONTENT), m.content());
            put(cells, RosterColumns.measure(i + 1, RosterColumns.DEPARTMENT), m.department());
            put(cells, RosterColumns.measure(i + 1, RosterColumns.STARTS_ON), date(m.startsOn()));
            put(cells, RosterColumns.measure(i + 1, RosterColumns.ENDS_ON), date(m.endsOn()));
        }
        boolean eliminated = p.eliminatedOn() != null;
        put(cells, RosterColumns.ELIMINATED, eliminated ? "是" : "否");
        put(cells, RosterColumns.ELIMINATED_ON, date(p.eliminatedOn()));
        put(cells, RosterColumns.NATURALLY, eliminated ? (p.naturally() ? "是" : "否") : null);
        put(cells, RosterColumns.REVERSED_ON, date(p.reversedOn()));
        writer.row(cells);
    }

    /** The first word the template lists for a value (the national system's own); 其他 for other risks. */
    private static <E> String word(Map<String, E> words, E value) {
        if (value == org.bulwark.core.casework.RiskType.OTHER) {
            // 住房安全 and 饮水安全 are read as 其他 too, but a file should say 其他
            return "其他";
        }
        return words.entrySet().stream()
                .filter(e -> e.getValue() == value)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    private static String date(LocalDate day) {
        return day == null ? null : day.toString();
    }

    private void put(String[] cells, String header, String value) {
        int at = headers.indexOf(header);
        if (at < 0) {
            throw new IllegalStateException("the template has no column " + header);
        }
        cells[at] = value;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
