package org.bulwark.screening.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
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
        if (row[at] == '\\') {
            at += 3;
            return none;
        }
        int start = at;
        while (at < row.length && row[at] != '\t' && row[at] != '\n') {
            at++;
        }
        int end = at;
        at++;
        if (end - start == 10 && row[start + 4] == '-' && row[start + 7] == '-') {
            int year = digits(row, start, start + 4);
            int month = digits(row, start + 5, start + 7);
            int day = digits(row, start + 8, start + 10);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 28) {
                return epochDay(year, month, day);
            }
        }
        return epochDay(new String(row, start, end - start, StandardCharsets.US_ASCII));
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

    /**
     * The epoch day of a date that exists in every month (day 1 to 28, so that nothing is left to check): the days
     * from the civil calendar counted over 400-year eras, the count {@code LocalDate.toEpochDay} makes.
     */
    static int epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    /** The number the ASCII digits from {@code start} to {@code end} of the bytes write, or -1 if any is not one. */
    private static int digits(byte[] bytes, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            int c = bytes[i] - '0';
            if (c < 0 || c > 9) {
                return -1;
            }
            value = value * 10 + c;
        }
        return value;
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
