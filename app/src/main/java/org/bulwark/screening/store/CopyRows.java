package org.bulwark.screening.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Reads the rows of a {@code COPY (query) TO STDOUT} in PostgreSQL's text format, one row at a time, cell by cell:
 * tab-separated, {@code \N} for null, backslash escapes. Streaming, so tens of millions of rows need no more memory
 * than one.
 */
final class CopyRows implements AutoCloseable {

    private final CopyOut copy;
    private byte[] row;
    private int at;

    CopyRows(Connection connection, String query) throws SQLException {
        this(connection.unwrap(PGConnection.class).getCopyAPI().copyOut("copy (" + query + ") to stdout"));
    }

    /** The rows of a copy another module started (the exchange's {@code DepartmentRecordFeed}). */
    CopyRows(CopyOut copy) {
        this.copy = copy;
    }

    /** Moves to the next row; false after the last. */
    boolean next() throws SQLException {
        row = copy.readFromCopy();
        at = 0;
        return row != null;
    }

    /** The next cell as text, or null. */
    String text() {
        int start = at;
        boolean escaped = false;
        while (at < row.length && row[at] != '\t' && row[at] != '\n') {
            escaped |= row[at] == '\\';
            at++;
        }
        int end = at;
        at++;
        if (end - start == 2 && row[start] == '\\' && row[start + 1] == 'N') {
            return null;
        }
        return escaped ? unescape(start, end) : new String(row, start, end - start, StandardCharsets.UTF_8);
    }

    /**
     * The next cell, a JSON document, read by {@code fields} into {@code cells}: its bytes as they came when they
     * hold no COPY escape (almost always), else unescaped first.
     */
    void document(DocumentFields fields, String[] cells) {
        int start = at;
        boolean escaped = false;
        while (at < row.length && row[at] != '\t' && row[at] != '\n') {
            escaped |= row[at] == '\\';
            at++;
        }
        int end = at;
        at++;
        if (end - start == 2 && row[start] == '\\' && row[start + 1] == 'N') {
            Arrays.fill(cells, null);
        } else if (escaped) {
            byte[] bytes = unescapedBytes(start, end);
            fields.read(bytes, 0, bytes.length, cells);
        } else {
            fields.read(row, start, end, cells);
        }
    }

    /** The next cell as a whole number, or {@code none} when null. */
    long number(long none) {
        if (row[at] == '\\') {
            at += 3;
            return none;
        }
        boolean negative = row[at] == '-';
        if (negative) {
            at++;
        }
        long value = 0;
        while (at < row.length && row[at] != '\t' && row[at] != '\n') {
            value = value * 10 + (row[at++] - '0');
        }
        at++;
        return negative ? -value : value;
    }

    /** The next cell, a date yyyy-MM-dd, as an epoch day, or {@code none} when null. */
    int day(int none) {
        String text = text();
        return text == null ? none : epochDay(text);
    }

    /**
     * A date yyyy-MM-dd as an epoch day, as {@code LocalDate.parse} reads it (and refuses it), without its general
     * formatter, which took a large share of a copy's time: a copy reads millions of dates.
     */
    static int epochDay(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                return (int) LocalDate.of(year, month, day).toEpochDay();
            }
        }
        return (int) LocalDate.parse(text).toEpochDay();
    }

    /** The number the ASCII digits from {@code start} to {@code end} write, or -1 if any is not a digit. */
    private static int digits(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private String unescape(int start, int end) {
        return new String(unescapedBytes(start, end), StandardCharsets.UTF_8);
    }

    private byte[] unescapedBytes(int start, int end) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(end - start);
        for (int i = start; i < end; i++) {
            byte b = row[i];
            if (b == '\\' && i + 1 < end) {
                byte next = row[++i];
                out.write(
                        switch (next) {
                            case 't' -> '\t';
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            case 'b' -> '\b';
                            case 'f' -> '\f';
                            case 'v' -> 11;
                            default -> next;
                        });
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
