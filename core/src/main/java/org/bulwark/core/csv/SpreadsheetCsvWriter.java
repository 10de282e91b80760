package org.bulwark.core.csv;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * A CSV file for people who open it in a spreadsheet and send it back: UTF-8 with a byte-order mark (so that Excel
 * reads the Chinese right), CRLF, quoted as {@link CsvStyles#SPREADSHEET} says. The files the platform hands out in
 * an import's template (exports, generated onboarding files) are written through it, so that each is one the import
 * takes again as it is.
 */
public final class SpreadsheetCsvWriter implements Closeable {

    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final CsvWriter csv;

    private SpreadsheetCsvWriter(OutputStream out) throws IOException {
        out.write(BYTE_ORDER_MARK);
        this.csv = CsvStyles.writer(CsvStyles.SPREADSHEET, LineDelimiter.CRLF)
                .build(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    /** A writer to {@code out}, the byte-order mark written; closing it closes {@code out}. */
    public static SpreadsheetCsvWriter open(OutputStream out) throws IOException {
        return new SpreadsheetCsvWriter(out);
    }

    /** Writes a row; a null cell is left empty. */
    public void row(String... cells) {
        csv.writeRecord(cells);
    }

    /** Sends what is written on to {@code out}, which stays open (for a response the container closes). */
    public void flush() throws IOException {
        csv.flush();
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
