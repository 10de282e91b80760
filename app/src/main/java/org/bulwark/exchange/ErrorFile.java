package org.bulwark.exchange;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.bulwark.core.csv.CsvStyles;

/**
 * The rejected rows as the officer sent them, with a reason column added, to fix and send again. Cells that a
 * spreadsheet would run as formulas are neutralised.
 */
public final class ErrorFile {

    /** The column with the reasons, added after the file's own columns. */
    public static final String REASON_COLUMN = "错误原因";
    /** The column with the row's number in the file that was sent, added before the file's own columns. */
    public static final String ROW_COLUMN = "原行号";
    /** The same columns as files written before they were Chinese only, which may still be sent back. */
    private static final Set<String> ADDED_COLUMNS = Set.of(REASON_COLUMN, ROW_COLUMN, "错误原因 / reason", "原行号 / row");

    private ErrorFile() {}

    /**
     * The header without the columns this file adds: what a corrected rejected-rows file, sent back as it is, holds of
     * the department's own data. Those columns are dropped here, and the rows' cells under them are ignored because
     * they stand for no field.
     */
    public static List<String> dataColumns(List<String> header) {
        return header.stream()
                .filter(column -> column == null || !ADDED_COLUMNS.contains(column.strip()))
                .toList();
    }

    /** CSV in UTF-8 with a byte-order mark, so that Excel shows the Chinese right; CRLF line ends. */
    public static void writeCsv(List<String> header, List<RejectedRow> rows, OutputStream out) throws IOException {
        OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\ufeff');
        // not closed: the caller owns the stream
        CsvWriter printer =
                CsvStyles.writer(CsvStyles.SPREADSHEET, LineDelimiter.CRLF).build(writer);
        try {
            printer.writeRecord(columns(header));
            for (RejectedRow row : rows) {
                printer.writeRecord(values(header, row));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        printer.flush();
    }

    /** The same as an Excel workbook. */
    public static void writeXlsx(List<String> header, List<RejectedRow> rows, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            var sheet = workbook.createSheet("退回的行");
            var head = sheet.createRow(0);
            List<String> columns = columns(header);
            for (int i = 0; i < columns.size(); i++) {
                head.createCell(i).setCellValue(columns.get(i));
            }
            int r = 1;
            for (RejectedRow row : rows) {
                var line = sheet.createRow(r++);
                List<String> values = values(header, row);
                for (int i = 0; i < values.size(); i++) {
                    line.createCell(i).setCellValue(values.get(i));
                }
            }
            workbook.write(out);
        }
    }

    private static List<String> columns(List<String> header) {
        List<String> columns = new ArrayList<>();
        columns.add(ROW_COLUMN);
        columns.addAll(dataColumns(header));
        columns.add(REASON_COLUMN);
        return columns;
    }

    private static List<String> values(List<String> header, RejectedRow row) {
        List<String> values = new ArrayList<>();
        values.add(String.valueOf(row.rowNumber()));
        for (String column : dataColumns(header)) {
            values.add(neutralise(row.raw().getOrDefault(column, "")));
        }
        values.add(neutralise(row.reasons()));
        return values;
    }

    /** A cell starting with = + - @ would run as a formula in a spreadsheet; a leading apostrophe stops it. */
    static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        boolean number = value.matches("-?[0-9]+(\\.[0-9]+)?");
        return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
                        && !number
                ? "'" + value
                : value;
    }
}
