package org.bulwark.core.region;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimal RFC 4180 CSV reader (core has no dependencies): comma separated, fields optionally
 * quoted with {@code "}, a doubled quote inside a quoted field is a literal quote, quoted fields
 * may contain commas and line breaks, records end with LF or CRLF, a leading UTF-8 BOM is skipped
 * and blank lines are ignored. A quote inside an unquoted field is kept literally; an unterminated
 * quoted field and text after a closing quote are errors.
 */
final class CsvRecordReader implements Closeable {

    private final Reader in;
    private final String source;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private boolean started;
    private long line = 1;
    private long recordLine;

    CsvRecordReader(Reader in, String source) {
        this.in = in;
        this.source = source;
    }

    /** Line (1-based) on which the record last returned by {@link #next()} started. */
    long recordLine() {
        return recordLine;
    }

    private int read() throws IOException {
        if (pos == len) {
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                len = 0;
                return -1;
            }
        }
        return buf[pos++];
    }

    private void unread() {
        pos--;
    }

    /** The next record's fields, or {@code null} at end of input. */
    List<String> next() throws IOException {
        if (!started) {
            started = true;
            if (read() != '\uFEFF' && len > 0) {
                unread();
            }
        }
        int c;
        // skip blank lines
        while (true) {
            c = read();
            if (c == '\n') {
                line++;
            } else if (c == '\r') {
                // tolerated as part of CRLF
            } else {
                break;
            }
        }
        if (c == -1) {
            return null;
        }
        unread();
        recordLine = line;
        List<String> fields = new ArrayList<>(8);
        StringBuilder sb = new StringBuilder(32);
        while (true) {
            c = read();
            if (c == '"') {
                readQuoted(sb);
                c = read();
                if (c != ',' && c != '\n' && c != '\r' && c != -1) {
                    throw error("unexpected character '" + (char) c + "' after a closing quote");
                }
            } else {
                while (c != ',' && c != '\n' && c != '\r' && c != -1) {
                    sb.append((char) c);
                    c = read();
                }
            }
            fields.add(sb.toString());
            sb.setLength(0);
            if (c == ',') {
                continue;
            }
            if (c == '\r') {
                int d = read();
                if (d != '\n') {
                    if (d != -1) {
                        unread();
                    }
                    throw error("carriage return not followed by line feed");
                }
                c = '\n';
            }
            if (c == '\n') {
                line++;
            }
            return fields;
        }
    }

    private void readQuoted(StringBuilder sb) throws IOException {
        long startLine = line;
        while (true) {
            int c = read();
            if (c == -1) {
                throw new IOException(source + ": unterminated quoted field starting on line " + startLine);
            }
            if (c == '"') {
                int d = read();
                if (d == '"') {
                    sb.append('"');
                    continue;
                }
                if (d != -1) {
                    unread();
                }
                return;
            }
            if (c == '\n') {
                line++;
            }
            sb.append((char) c);
        }
    }

    private IOException error(String message) {
        return new IOException(source + " line " + line + ": malformed CSV, " + message);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
