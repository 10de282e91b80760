package org.bulwark.statistics.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.bulwark.statistics.FigureTable;
import org.bulwark.statistics.HouseholdsBehind;
import org.bulwark.statistics.Measure;
import org.springframework.context.MessageSource;

/** Dashboard tables and household lists as Excel workbooks, with the same labels and suppression as the page. */
final class TableWorkbook {

    private final MessageSource messages;
    private final Locale locale;

    TableWorkbook(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** One table: a title line, the header, a row per region or key, and the totals. */
    void writeTable(FigureTable table, String regionName, int year, OutputStream out) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
            Sheet sheet = book.createSheet(safeSheetName(text(table.titleKey(), year, year - 1)));
            Styles styles = new Styles(book);
            int r = 0;
            Row title = sheet.createRow(r++);
            title.createCell(0).setCellValue(regionName + " · " + text(table.titleKey(), year, year - 1));
            title.getCell(0).setCellStyle(styles.bold);
            Row header = sheet.createRow(r++);
            header.createCell(0).setCellValue(text(table.byRegion() ? "dashboard.region" : "dashboard.key"));
            for (int m = 0; m < table.measures().size(); m++) {
                header.createCell(m + 1)
                        .setCellValue(text(table.measures().get(m).labelKey(), year, year - 1));
            }
            for (int c = 0; c <= table.measures().size(); c++) {
                header.getCell(c).setCellStyle(styles.bold);
            }
            for (FigureTable.Row row : table.rows()) {
                write(sheet.createRow(r++), row, styles);
            }
            if (table.total() != null) {
                write(sheet.createRow(r++), table.total(), styles);
            }
            if (table.rows().stream().anyMatch(row -> row.cells().stream().anyMatch(FigureTable.Cell::suppressed))) {
                sheet.createRow(++r).createCell(0).setCellValue(text("dashboard.suppressed.note"));
            }
            sheet.setColumnWidth(0, 36 * 256);
            book.write(out);
        }
    }

    private void write(Row target, FigureTable.Row row, Styles styles) {
        target.createCell(0).setCellValue(row.label());
        for (int c = 0; c < row.cells().size(); c++) {
            FigureTable.Cell cell = row.cells().get(c);
            Cell out = target.createCell(c + 1);
            if (cell.suppressed()) {
                out.setCellValue(text("dashboard.suppressed"));
            } else if (cell.value() != null) {
                writeValue(out, cell, styles);
            }
        }
    }

    /** A rate is kept in percent on the page; Excel holds it as a fraction shown with its % sign, so sums work. */
    private static void writeValue(Cell out, FigureTable.Cell cell, Styles styles) {
        if (cell.measure().format() == Measure.Format.PERCENT) {
            out.setCellValue(cell.value().doubleValue() / 100);
            out.setCellStyle(styles.percent);
        } else {
            out.setCellValue(cell.value().doubleValue());
            out.setCellStyle(styles.integer);
        }
    }

    /** A household list: the figure it stands behind, then one row per household. */
    void writeHouseholds(String heading, List<HouseholdsBehind.Listed> households, OutputStream out)
            throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(500)) {
            Sheet sheet = book.createSheet(safeSheetName(text("dashboard.households.title")));
            Styles styles = new Styles(book);
            sheet.createRow(0).createCell(0).setCellValue(heading);
            Row header = sheet.createRow(1);
            String[] keys = {
                "household.number",
                "dashboard.township",
                "household.village",
                "household.category",
                "household.head",
                "household.members"
            };
            for (int i = 0; i < keys.length; i++) {
                header.createCell(i).setCellValue(text(keys[i]));
                header.getCell(i).setCellStyle(styles.bold);
            }
            int r = 2;
            for (HouseholdsBehind.Listed h : households) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(h.householdNumber());
                row.createCell(1).setCellValue(h.townshipName() == null ? "" : h.townshipName());
                row.createCell(2).setCellValue(h.villageName());
                row.createCell(3)
                        .setCellValue(
                                text("enum.HouseholdCategory." + h.category().name()));
                row.createCell(4).setCellValue(h.headName() == null ? "" : h.headName());
                row.createCell(5).setCellValue(h.members());
            }
            sheet.setColumnWidth(0, 20 * 256);
            book.write(out);
        }
    }

    private static String safeSheetName(String name) {
        String clean = name.replaceAll("[\\\\/?*\\[\\]:]", " ");
        return clean.length() > 31 ? clean.substring(0, 31) : clean;
    }

    /** The few cell styles the workbooks use. */
    private static final class Styles {
        final CellStyle bold;
        final CellStyle integer;
        final CellStyle percent;

        Styles(Workbook book) {
            Font font = book.createFont();
            font.setBold(true);
            bold = book.createCellStyle();
            bold.setFont(font);
            integer = book.createCellStyle();
            integer.setDataFormat(book.createDataFormat().getFormat("#,##0"));
            percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));
        }
    }
}
