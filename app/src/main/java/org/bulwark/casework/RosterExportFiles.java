package org.bulwark.casework;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.bulwark.core.csv.SpreadsheetCsvWriter;

/**
 * An exported roster in the template's shape: the template's headers, then one row per period. In .xlsx dates are
 * dates and everything else text (identity and household numbers keep their digits); in .csv UTF-8 with a byte-order
 * mark so that Excel reads the Chinese right. The registry export writes its files the same way.
 */
final class RosterExportFiles {

    private static final int WINDOW = 200;

    private RosterExportFiles() {}

    /** Whether the column holds dates (识别日期, 风险消除日期, 返贫日期, 措施N开始日期, 措施N结束日期). */
    static boolean dateColumn(String header) {
        return header.endsWith("日期");
    }

    /** The rows as .xlsx with the template's notes beside them; {@code out} stays open. */
    static void xlsx(List<String> headers, List<String[]> rows, List<String> notes, OutputStream out)
            throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        try {
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet sheet = workbook.createSheet(RosterTemplate.SHEET);
            Row first = sheet.createRow(0);
            for (int column = 0; column < headers.size(); column++) {
                Cell cell = first.createCell(column);
                cell.setCellValue(headers.get(column));
                cell.setCellStyle(header);
                sheet.setColumnWidth(column, 14 * 256);
            }
            sheet.createFreezePane(0, 1);
            int number = 1;
            for (String[] cells : rows) {
                Row row = sheet.createRow(number++);
                for (int column = 0; column < headers.size(); column++) {
                    if (cells[column] == null) {
                        continue;
                    }
                    Cell cell = row.createCell(column);
                    if (dateColumn(headers.get(column))) {
                        cell.setCellValue(LocalDate.parse(cells[column]));
                        cell.setCellStyle(date);
                    } else {
                        cell.setCellValue(cells[column]);
                        cell.setCellStyle(text);
                    }
                }
            }
            Sheet about = workbook.createSheet(RosterTemplate.NOTES);
            int r = 0;
            for (String line : notes) {
                about.createRow(r++).createCell(0).setCellValue(line);
            }
            about.setColumnWidth(0, 120 * 256);
            workbook.write(out);
        } finally {
            workbook.close();
        }
    }

    /** The rows as .csv through {@link SpreadsheetCsvWriter}; {@code out} stays open. */
    static void csv(List<String> headers, List<String[]> rows, OutputStream out) throws IOException {
        SpreadsheetCsvWriter writer = SpreadsheetCsvWriter.open(out);
        writer.row(headers.toArray(String[]::new));
        rows.forEach(writer::row);
        writer.flush();
    }
}
