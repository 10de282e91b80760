package org.bulwark.screening.store;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.copy.CopyOut;

/**
 * Reads the rows of a {@code COPY ... TO STDOUT WITH (FORMAT BINARY)}, one row at a time, cell by cell: each cell its
 * length (-1 for null) and its bytes as the type sends them — {@code bigint} 8 bytes, {@code date} 4 bytes counting
 * days from 2000-01-01, texts and {@code json} their UTF-8 bytes. The store's copy of the records reads tens of
 * millions of rows: in binary PostgreSQL formats no number or date and escapes no text, and neither side parses them.
 */
final class BinaryCopyRows implements AutoCloseable {

    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    /** The epoch day of 2000-01-01, where PostgreSQL counts its dates from. */
    private static final int POSTGRES_EPOCH_DAY = 10_957;

    private final CopyOut copy;
    private boolean started;
    private byte[] row;
    private int at;

    BinaryCopyRows(CopyOut copy) {
        this.copy = copy;
    }

    /** Moves to the next row; false after the last. */
    boolean next() throws SQLException {
        row = copy.readFromCopy();
        at = 0;
        if (row == null) {
            return false;
        }
        if (!started) {
            started = true;
            if (row.length < 19 || !Arrays.equals(row, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
                throw new IllegalStateException("not a binary COPY: its signature is missing");
            }
            at = 19 + readInt(15);
        }
        short cells = (short) (((row[at] & 0xff) << 8) | (row[at + 1] & 0xff));
        at += 2;
        if (cells == -1) {
            // the trailer: the copy ends with it
            while (copy.readFromCopy() != null) {
                // nothing follows the trailer but the end of the copy
            }
            row = null;
            return false;
        }
        return true;
    }

    /** The next cell, a {@code bigint}, or {@code none} when null. */
    long int8(long none) {
        int length = length();
        if (length < 0) {
            return none;
        }
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (row[at + i] & 0xff);
        }
        at += 8;
        return value;
    }

    /** The next cell, a {@code date}, as an epoch day, or {@code none} when null. */
    int day(int none) {
        int length = length();
        if (length < 0) {
            return none;
        }
        int days = readInt(at);
        at += 4;
        return days + POSTGRES_EPOCH_DAY;
    }

    /** The next cell, a text, or null. */
    String text() {
        int length = length();
        if (length < 0) {
            return null;
        }
        String text = new String(row, at, length, StandardCharsets.UTF_8);
        at += length;
        return text;
    }

    /** The next cell, a text: the position of the one of {@code texts} (UTF-8 bytes) it is, or -1 (also for null). */
    int oneOf(byte[][] texts) {
        int length = length();
        if (length < 0) {
            return -1;
        }
        int start = at;
        at += length;
        for (int i = 0; i < texts.length; i++) {
            if (texts[i].length == length && Arrays.equals(texts[i], 0, length, row, start, start + length)) {
                return i;
            }
        }
        return -1;
    }

    /** The next cell, a JSON document, read by {@code fields} into {@code cells} (all null when the cell is). */
    void document(DocumentFields fields, String[] cells) {
        int length = length();
        if (length < 0) {
            Arrays.fill(cells, null);
            return;
        }
        fields.read(row, at, at + length, cells);
        at += length;
    }

    private int length() {
        int length = readInt(at);
        at += 4;
        return length;
    }

    private int readInt(int from) {
        return ((row[from] & 0xff) << 24)
                | ((row[from + 1] & 0xff) << 16)
                | ((row[from + 2] & 0xff) << 8)
                | (row[from + 3] & 0xff);
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
