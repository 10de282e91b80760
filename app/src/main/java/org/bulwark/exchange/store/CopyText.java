package org.bulwark.exchange.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Rows in PostgreSQL's COPY text format, encoded straight into UTF-8 bytes: tab between columns, newline after each
 * row, {@code \N} for null, backslash escapes for backslash, tab, newline and carriage return. Written by hand
 * because it is the hot loop of an import (a million rows should cost well under a second here), and the format is
 * four rules. Not thread-safe: one buffer is filled by one thread, then handed over whole.
 */
final class CopyText extends CopyBuffer {

    private static final byte[] NULL = {'\\', 'N'};
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private boolean rowStarted;

    CopyText(int capacity) {
        super(capacity);
    }

    @Override
    void clear() {
        super.clear();
        rowStarted = false;
    }

    /** A text column; null becomes SQL null. */
    CopyText text(CharSequence value) {
        separate();
        if (value == null) {
            put(NULL);
            return this;
        }
        return escaped(value);
    }

    /** Starts a column whose text the caller then appends piece by piece. */
    CopyText column() {
        separate();
        return this;
    }

    /** Appends plain ASCII that needs no escaping (digits, JSON punctuation) to the current column. */
    CopyText ascii(String value) {
        ensure(value.length());
        for (int i = 0; i < value.length(); i++) {
            bytes[length++] = (byte) value.charAt(i);
        }
        return this;
    }

    /** Appends one ASCII character that needs no escaping to the current column. */
    CopyText ascii(char c) {
        put((byte) c);
        return this;
    }

    /** Appends a JSON string literal (quotes included) to the current column, escaped for JSON and then for COPY. */
    CopyText jsonString(CharSequence value) {
        put((byte) '"');
        int from = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                escaped(value.subSequence(from, i));
                // JSON's own escape, whose backslash COPY then doubles
                put2('\\', '\\');
                switch (c) {
                    case '"' -> put((byte) '"');
                    case '\\' -> put2('\\', '\\');
                    case '\n' -> put((byte) 'n');
                    case '\r' -> put((byte) 'r');
                    case '\t' -> put((byte) 't');
                    default -> ascii(String.format("u%04x", (int) c));
                }
                from = i + 1;
            }
        }
        escaped(value.subSequence(from, value.length()));
        put((byte) '"');
        return this;
    }

    /** Appends text to the current column, escaped for COPY and encoded as UTF-8. */
    CopyText escaped(CharSequence value) {
        int from = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                utf8(value, from, i);
                switch (c) {
                    case '\\' -> put2('\\', '\\');
                    case '\t' -> put2('\\', 't');
                    case '\n' -> put2('\\', 'n');
                    default -> put2('\\', 'r');
                }
                from = i + 1;
            }
        }
        utf8(value, from, value.length());
        return this;
    }

    /** A column holding any value by its string form (numbers, dates), or null. */
    CopyText value(Object value) {
        return text(value == null ? null : value instanceof BigDecimal d ? d.toPlainString() : value.toString());
    }

    CopyText number(long value) {
        separate();
        digits(value);
        return this;
    }

    /** A bytea column in hex form ({@code \x...}, the backslash escaped for COPY). */
    CopyText bytea(byte[] value) {
        separate();
        ensure(3 + value.length * 2);
        bytes[length++] = '\\';
        bytes[length++] = '\\';
        bytes[length++] = 'x';
        for (byte b : value) {
            bytes[length++] = (byte) HEX[(b >> 4) & 0xF];
            bytes[length++] = (byte) HEX[b & 0xF];
        }
        return this;
    }

    void endRow() {
        put((byte) '\n');
        rowStarted = false;
        rowEnded();
    }

    private void separate() {
        if (rowStarted) {
            put((byte) '\t');
        }
        rowStarted = true;
    }

    private void put2(char a, char b) {
        ensure(2);
        bytes[length++] = (byte) a;
        bytes[length++] = (byte) b;
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
