package org.bulwark.onboarding;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.bulwark.core.exchange.FieldSpec;
import org.bulwark.core.exchange.TableTemplate;
import org.bulwark.platform.read.ImportTemplate;

/**
 * An exported registry file in a template's shape: the template's headers, then the rows. In .xlsx numbers are
 * numbers, dates dates and text text (so identity and household numbers keep their digits), streamed so a county of
 * a million persons does not sit in memory as cells; in .csv UTF-8 with a byte-order mark so that Excel reads the
 * Chinese right.
 */
final class RegistryExportFiles {

    private static final int WINDOW = 200;

    private RegistryExportFiles() {}

    /** The rows (cells by the template's field positions) as .xlsx, with a notes sheet; {@code out} stays open. */
    static void xlsx(TableTemplate template, List<String[]> rows, String notes, OutputStream out) throws IOException {
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
            Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(template.label()));
            List<FieldSpec> fields = template.fields();
            Row first = sheet.createRow(0);
            for (int column = 0; column < fields.size(); column++) {
                Cell cell = first.createCell(column);
                cell.setCellValue(fields.get(column).label());
                cell.setCellStyle(header);
                sheet.setColumnWidth(
                        column, Math.max(12, fields.get(column).label().length() * 2 + 4) * 256);
            }
            sheet.createFreezePane(0, 1);
            int number = 1;
            for (String[] cells : rows) {
                Row row = sheet.createRow(number++);
                for (int column = 0; column < fields.size(); column++) {
                    if (cells[column] != null) {
                        write(row.createCell(column), fields.get(column), cells[column], text, date);
                    }
                }
            }
            Sheet about = workbook.createSheet(ImportTemplate.NOTES_SHEET);
            about.createRow(0).createCell(0).setCellValue(notes);
            workbook.write(out);
        } finally {
            workbook.close();
        }
    }

    private static void write(Cell cell, FieldSpec field, String value, CellStyle text, CellStyle date) {
        switch (field.type()) {
            case INTEGER, DECIMAL -> cell.setCellValue(new BigDecimal(value).doubleValue());
            case DATE -> {
                cell.setCellValue(LocalDate.parse(value));
                cell.setCellStyle(date);
            }
            default -> {
                cell.setCellValue(value);
                cell.setCellStyle(text);
            }
        }
    }

    /** The rows as .csv through {@link RegistryCsvWriter}; {@code out} stays open. */
    static void csv(TableTemplate template, Iterable<String[]> rows, OutputStream out) throws IOException {
        RegistryCsvWriter writer = RegistryCsvWriter.open(template, out);
        for (String[] cells : rows) {
            writer.row(cells);
        }
        writer.flush();
    }
}
