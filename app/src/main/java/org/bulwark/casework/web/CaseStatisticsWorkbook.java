package org.bulwark.casework.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bulwark.casework.CaseFigures;
import org.bulwark.casework.CaseStatistics;
import org.springframework.context.MessageSource;

/**
 * The casework statistics page as an Excel workbook: the same figures under the same Chinese headings, one sheet for
 * the regions one level down and one for each breakdown, so that a township can hand it on without re-typing.
 */
final class CaseStatisticsWorkbook {

    private final MessageSource messages;
    private final Locale locale;

    CaseStatisticsWorkbook(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    void write(CaseStatistics s, OutputStream out) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            CellStyle bold = bold(book);
            CellStyle count = book.createCellStyle();
            count.setDataFormat(book.createDataFormat().getFormat("#,##0"));
            writeRegions(book.createSheet(text("stats.sheet.regions")), s, bold, count);
            writeKeys(book.createSheet(text("stats.byType")), s.byType(), "casework.type.", bold, count);
            writeKeys(book.createSheet(text("stats.byRisk")), s.byRisk(), "casework.risk.", bold, count);
            writeKeys(book.createSheet(text("stats.byStep")), s.openByStep(), "casework.step.", bold, count);
            book.write(out);
        }
    }

    private void writeRegions(Sheet sheet, CaseStatistics s, CellStyle bold, CellStyle count) {
        Row title = sheet.createRow(0);
        title.createCell(0)
                .setCellValue(text("stats.title") + " · " + s.total().regionName() + " · "
                        + text("stats.period", s.from(), s.to()));
        title.getCell(0).setCellStyle(bold);
        String[] headers = {
            text("cases.region"),
            text("stats.identified") + text("stats.unit.households"),
            text("stats.identified") + text("stats.unit.persons"),
            text("stats.monitored") + text("stats.unit.households"),
            text("stats.monitored") + text("stats.unit.persons"),
            text("stats.eliminated") + text("stats.unit.households"),
            text("stats.eliminated") + text("stats.unit.persons"),
            text("stats.reentered.header")
        };
        header(sheet.createRow(1), bold, headers);
        int r = 2;
        for (CaseFigures part : s.parts()) {
            figures(sheet.createRow(r++), part, part.regionName(), count);
        }
        figures(sheet.createRow(r), s.total(), text("stats.total"), count);
        sheet.setColumnWidth(0, 24 * 256);
    }

    private static void figures(Row row, CaseFigures f, String label, CellStyle count) {
        row.createCell(0).setCellValue(label);
        long[] values = {
            f.identifiedHouseholds(),
            f.identifiedPersons(),
            f.monitoredHouseholds(),
            f.monitoredPersons(),
            f.eliminatedHouseholds(),
            f.eliminatedPersons(),
            f.reenteredHouseholds()
        };
        for (int i = 0; i < values.length; i++) {
            row.createCell(i + 1).setCellValue(values[i]);
            row.getCell(i + 1).setCellStyle(count);
        }
    }

    private void writeKeys(Sheet sheet, Map<String, Long> counts, String labelPrefix, CellStyle bold, CellStyle count) {
        header(
                sheet.createRow(0),
                bold,
                List.of(text("stats.item"), text("stats.count")).toArray(String[]::new));
        int r = 1;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(text(labelPrefix + e.getKey()));
            row.createCell(1).setCellValue(e.getValue());
            row.getCell(1).setCellStyle(count);
        }
        sheet.setColumnWidth(0, 24 * 256);
    }

    private static void header(Row row, CellStyle bold, String[] headers) {
        for (int i = 0; i < headers.length; i++) {
            row.createCell(i).setCellValue(headers[i]);
            row.getCell(i).setCellStyle(bold);
        }
    }

    private static CellStyle bold(XSSFWorkbook book) {
        Font font = book.createFont();
        font.setBold(true);
        CellStyle style = book.createCellStyle();
        style.setFont(font);
        return style;
    }
}
