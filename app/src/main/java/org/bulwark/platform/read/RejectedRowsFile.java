package org.bulwark.platform.read;

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
 * A file of the rows an import refused, as they were sent, with the row's number added before the file's own
 * columns and the reason after: fixed and sent back as it is, the readers leave the two added columns out (see
 * {@link #dataColumns}). Cells that a spreadsheet would run as formulas are neutralised.
 */
public final class RejectedRowsFile {

    /** The column with the reasons, added after the file's own columns. */
    public static final String REASON_COLUMN = "错误原因";
    /** The column with the row's number in the file that was sent, added before the file's own columns. */
    public static final String ROW_COLUMN = "原行号";
    /** The same columns as files written before they were Chinese only, which may still be sent back. */
    private static final Set<String> ADDED_COLUMNS = Set.of(REASON_COLUMN, ROW_COLUMN, "错误原因 / reason", "原行号 / row");

    /** A refused row: its number in the file sent, its cells under {@code columns}, and why. */
    public record Rejected(long rowNumber, List<String> cells, String reason) {}

    private RejectedRowsFile() {}

    /** Whether the header cell is one a rejected-rows file adds. */
    public static boolean added(String column) {
        return column != null && ADDED_COLUMNS.contains(column.strip());
    }

    /** The header without the columns a rejected-rows file adds. */
    public static List<String> dataColumns(List<String> header) {
        return header.stream().filter(column -> !added(column)).toList();
    }

    /** CSV in UTF-8 with a byte-order mark, so that Excel shows the Chinese right; CRLF line ends. */
    public static void writeCsv(List<String> columns, List<Rejected> rows, OutputStream out) throws IOException {
        OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\ufeff');
        // not closed: the caller owns the stream
        CsvWriter printer =
                CsvStyles.writer(CsvStyles.SPREADSHEET, LineDelimiter.CRLF).build(writer);
        try {
            printer.writeRecord(header(columns));
            for (Rejected row : rows) {
                printer.writeRecord(values(row));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        printer.flush();
    }

    /** The same as an Excel workbook. */
    public static void writeXlsx(List<String> columns, List<Rejected> rows, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            var sheet = workbook.createSheet("退回的行");
            var head = sheet.createRow(0);
            List<String> header = header(columns);
            for (int i = 0; i < header.size(); i++) {
                head.createCell(i).setCellValue(header.get(i));
            }
            int r = 1;
            for (Rejected row : rows) {
                var line = sheet.createRow(r++);
                List<String> values = values(row);
                for (int i = 0; i < values.size(); i++) {
                    line.createCell(i).setCellValue(values.get(i));
                }
            }
            workbook.write(out);
        }
    }

    private static List<String> header(List<String> columns) {
        List<String> header = new ArrayList<>();
        header.add(ROW_COLUMN);
        header.addAll(columns);
        header.add(REASON_COLUMN);
        return header;
    }

    private static List<String> values(Rejected row) {
        List<String> values = new ArrayList<>();
        values.add(String.valueOf(row.rowNumber()));
        row.cells().forEach(cell -> values.add(neutralise(cell)));
        values.add(neutralise(row.reason()));
        return values;
    }

    /** A cell starting with = + - @ would run as a formula in a spreadsheet; a leading apostrophe stops it. */
    public static String neutralise(String value) {
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
