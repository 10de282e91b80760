package org.bulwark.platform.database;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;

/**
 * Reads the rows of {@code COPY (…) TO STDOUT (FORMAT BINARY)} one at a time, the values of each row in order:
 * PostgreSQL sends each row as one message, the header before the first. Each value comes as its length (-1 for
 * null) and its bytes as the type sends them — {@code bigint} 8 bytes, {@code date} 4 bytes counting days from
 * 2000-01-01, texts and {@code json} their UTF-8 bytes — so PostgreSQL formats no number or date and escapes no text,
 * and neither side parses them: the exchange reads the registry and the earlier records' hashes this way, the
 * screening store tens of millions of records.
 */
public final class BinaryCopyRows implements AutoCloseable {

    /** The signature (11 bytes), the flags and the length of the header extension (4 bytes each). */
    private static final int HEADER = 19;
    /** The epoch day of 2000-01-01, from which PostgreSQL counts its dates. */
    private static final int POSTGRES_EPOCH_DAY = 10_957;

    private final CopyOut copy;
    private byte[] row;
    private int at;
    private boolean started;

    public BinaryCopyRows(CopyManager manager, String select) throws SQLException {
        this(manager.copyOut("copy (" + select + ") to stdout (format binary)"));
    }

    /** The rows of a binary copy another module started, with a statement of its own. */
    public BinaryCopyRows(CopyOut copy) {
        this.copy = copy;
    }

    /** Moves to the next row; false at the end. */
    public boolean next() throws SQLException {
        row = copy.readFromCopy();
        if (row == null) {
            return false;
        }
        at = 0;
        if (!started) {
            started = true;
            at = HEADER + int32At(HEADER - 4);
            if (at >= row.length) {
                // the header came alone
                row = copy.readFromCopy();
                at = 0;
                if (row == null) {
                    return false;
                }
            }
        }
        if (int16() == -1) {
            // the trailer; the copy ends with the next read
            while (copy.readFromCopy() != null) {
                // nothing more is sent after the trailer
            }
            return false;
        }
        return true;
    }

    /** The next value as a {@code bigint}, or {@code absent} when null. */
    public long int8(long absent) {
        int length = int32();
        if (length < 0) {
            return absent;
        }
        return ((long) int32() << 32) | (int32() & 0xFFFFFFFFL);
    }

    /** Starts reading the next value: its length in bytes (then at {@link #at()} in {@link #row()}), or -1 for null. */
    public int valueLength() {
        return int32();
    }

    public byte[] row() {
        return row;
    }

    public int at() {
        return at;
    }

    /** Moves past the bytes of the value started by {@link #valueLength}. */
    public void skip(int length) {
        at += Math.max(0, length);
    }

    /** The next value, a {@code date}, as an epoch day, or {@code absent} when null. */
    public int day(int absent) {
        int length = int32();
        if (length < 0) {
            return absent;
        }
        return int32() + POSTGRES_EPOCH_DAY;
    }

    /** The next value, a text: the position of the one of {@code texts} (UTF-8 bytes) it is, or -1 (also for null). */
    public int oneOf(byte[][] texts) {
        int length = int32();
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

    /** The next value as text, or null. */
    public String text() {
        int length = int32();
        if (length < 0) {
            return null;
        }
        String value = new String(row, at, length, StandardCharsets.UTF_8);
        at += length;
        return value;
    }

    /** The next value's bytes, or null. */
    public byte[] bytes() {
        int length = int32();
        if (length < 0) {
            return null;
        }
        byte[] value = Arrays.copyOfRange(row, at, at + length);
        at += length;
        return value;
    }

    /** The next value's 16 bytes as two longs into {@code into}; false when the value is null or not 16 bytes. */
    public boolean hash(long[] into) {
        int length = int32();
        if (length < 0) {
            return false;
        }
        if (length != 16) {
            at += length;
            return false;
        }
        into[0] = ((long) int32() << 32) | (int32() & 0xFFFFFFFFL);
        into[1] = ((long) int32() << 32) | (int32() & 0xFFFFFFFFL);
        return true;
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private int int16() {
        int value = (short) (((row[at] & 0xFF) << 8) | (row[at + 1] & 0xFF));
        at += 2;
        return value;
    }

    private int int32() {
        int value = int32At(at);
        at += 4;
        return value;
    }

    private int int32At(int i) {
        return ((row[i] & 0xFF) << 24) | ((row[i + 1] & 0xFF) << 16) | ((row[i + 2] & 0xFF) << 8) | (row[i + 3] & 0xFF);
    }
}
