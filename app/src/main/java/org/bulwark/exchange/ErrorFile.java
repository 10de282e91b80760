package org.bulwark.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.bulwark.platform.read.RejectedRowsFile;

/**
 * The rejected rows as the officer sent them, with a reason column added, to fix and send again: a
 * {@link RejectedRowsFile} of the department's columns. Cells that a spreadsheet would run as formulas are neutralised.
 */
public final class ErrorFile {

    /** The column with the reasons, added after the file's own columns. */
    public static final String REASON_COLUMN = RejectedRowsFile.REASON_COLUMN;
    /** The column with the row's number in the file that was sent, added before the file's own columns. */
    public static final String ROW_COLUMN = RejectedRowsFile.ROW_COLUMN;

    private ErrorFile() {}

    /**
     * The header without the columns this file adds: what a corrected rejected-rows file, sent back as it is, holds of
     * the department's own data. Those columns are dropped here, and the rows' cells under them are ignored because
     * they stand for no field.
     */
    public static List<String> dataColumns(List<String> header) {
        return RejectedRowsFile.dataColumns(header);
    }

    /** CSV in UTF-8 with a byte-order mark, so that Excel shows the Chinese right; CRLF line ends. */
    public static void writeCsv(List<String> header, List<RejectedRow> rows, OutputStream out) throws IOException {
        RejectedRowsFile.writeCsv(dataColumns(header), rejected(header, rows), out);
    }

    /** The same as an Excel workbook. */
    public static void writeXlsx(List<String> header, List<RejectedRow> rows, OutputStream out) throws IOException {
        RejectedRowsFile.writeXlsx(dataColumns(header), rejected(header, rows), out);
    }

    private static List<RejectedRowsFile.Rejected> rejected(List<String> header, List<RejectedRow> rows) {
        List<String> columns = dataColumns(header);
        return rows.stream()
                .map(row -> new RejectedRowsFile.Rejected(
                        row.rowNumber(),
                        columns.stream()
                                .map(column -> row.raw().getOrDefault(column, ""))
                                .toList(),
                        row.reasons()))
                .toList();
    }

    /** A cell starting with = + - @ would run as a formula in a spreadsheet; a leading apostrophe stops it. */
    static String neutralise(String value) {
        return RejectedRowsFile.neutralise(value);
    }
}
