package org.bulwark.bench;

import java.nio.charset.StandardCharsets;

/**
 * Rows in PostgreSQL's COPY text format, appended to a buffer: tab-separated, {@code \N} for null, backslash, tab and
 * line breaks escaped. Written by hand because it is a few lines and runs for every one of tens of millions of cells.
 */
final class CopyText {

    private final StringBuilder out;
    private boolean rowStarted;

    CopyText(int capacity) {
        this.out = new StringBuilder(capacity);
    }

    CopyText cell(Object value) {
        if (rowStarted) {
            out.append('\t');
        }
        rowStarted = true;
        if (value == null) {
            out.append("\\N");
            return this;
        }
        String text = value.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return this;
    }

    CopyText cell(long value) {
        if (rowStarted) {
            out.append('\t');
        }
        rowStarted = true;
        out.append(value);
        return this;
    }

    void endRow() {
        out.append('\n');
        rowStarted = false;
    }

    int length() {
        return out.length();
    }

    /** The rows so far as UTF-8, and an empty buffer. */
    byte[] drain() {
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        out.setLength(0);
        return bytes;
    }
}
