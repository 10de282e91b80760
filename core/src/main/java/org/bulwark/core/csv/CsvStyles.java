package org.bulwark.core.csv;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategy;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The ways Bulwark writes CSV, all with FastCSV. FastCSV always quotes a cell holding a comma, a quote or a line
 * break; the strategies here add what each kind of file quoted before, so that the files stay byte for byte the same.
 * No style has a comment character: FastCSV would quote a first cell starting with it, which none of the files did
 * (U+FFFF is a noncharacter, never part of text).
 */
public final class CsvStyles {

    /** Stands for "no comment character" (see above). */
    public static final char NO_COMMENT = '\uFFFF';

    /** Quotes a cell with blanks at its edges too: a reader that strips cells would otherwise lose them. */
    public static final QuoteStrategy EDGE_BLANKS = new QuoteStrategy() {
        @Override
        public boolean quoteValue(int lineNo, int fieldIdx, String value) {
            return Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1));
        }
    };

    /**
     * What spreadsheets are sent (and the generated registry was written with, by commons-csv's default format): an
     * empty first cell is quoted, so that a record of one empty cell is not an empty line, and so is a cell that
     * starts with a character up to {@code #} (a blank, {@code !}, {@code "} or {@code #}, which some readers take
     * for a comment) or ends with a character up to the space. A missing (null) cell is empty and never quoted.
     */
    public static final QuoteStrategy SPREADSHEET = new QuoteStrategy() {
        @Override
        public boolean quoteEmpty(int lineNo, int fieldIdx) {
            return fieldIdx == 0;
        }

        @Override
        public boolean quoteValue(int lineNo, int fieldIdx, String value) {
            return value.charAt(0) <= '#' || value.charAt(value.length() - 1) <= ' ';
        }
    };

    /**
     * PostgreSQL's {@code COPY ... (format csv)}: every value quoted, a null an empty unquoted cell, which COPY reads
     * back as NULL (an empty quoted cell is the empty string).
     */
    public static final QuoteStrategy POSTGRESQL = new QuoteStrategy() {
        @Override
        public boolean quoteEmpty(int lineNo, int fieldIdx) {
            return true;
        }

        @Override
        public boolean quoteValue(int lineNo, int fieldIdx, String value) {
            return true;
        }
    };

    private CsvStyles() {}

    /** A FastCSV writer builder: comma, double quote, no comment character, the strategy and line ends given. */
    public static CsvWriter.CsvWriterBuilder writer(QuoteStrategy quoting, LineDelimiter lineEnds) {
        return CsvWriter.builder()
                .commentCharacter(NO_COMMENT)
                .quoteStrategy(quoting)
                .lineDelimiter(lineEnds);
    }

    /** Values as cells: each as its {@code toString()}, a null kept (an empty cell). */
    public static String[] cells(Object... values) {
        String[] cells = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = values[i] == null ? null : values[i].toString();
        }
        return cells;
    }

    /** One record of {@link #POSTGRESQL} with its line end appended to {@code out}. */
    public static void postgresRow(StringBuilder out, Object... values) {
        StringWriter text = new StringWriter();
        try (CsvWriter csv = writer(POSTGRESQL, LineDelimiter.LF).bufferSize(0).build(text)) {
            csv.writeRecord(cells(values));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.append(text.getBuffer());
    }
}
