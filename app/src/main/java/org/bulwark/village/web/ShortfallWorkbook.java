package org.bulwark.village.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bulwark.core.village.IndicatorCatalogue;
import org.bulwark.village.VillageShortfalls;
import org.springframework.context.MessageSource;

/**
 * The villages short of each indicator as an Excel sheet, one row per indicator and village (with its code, which a
 * spreadsheet needs to match rows), then the villages not reported: the overview's lists, to work through offline.
 */
final class ShortfallWorkbook {

    private ShortfallWorkbook() {}

    static void write(VillageShortfalls.Overview overview, MessageSource messages, Locale locale, OutputStream out)
            throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet(messages.getMessage("village.export.sheet", null, locale));
            int r = 0;
            Row title = sheet.createRow(r++);
            title.createCell(0)
                    .setCellValue(overview.region().name() + " · "
                            + messages.getMessage("village.shortfalls", null, locale) + " · "
                            + messages.getMessage("village.year", new Object[] {overview.year()}, locale));
            Row header = sheet.createRow(r++);
            String[] columns = {"village.indicator", "village.export.township", "village.village", "village.export.code"
            };
            for (int c = 0; c < columns.length; c++) {
                header.createCell(c).setCellValue(messages.getMessage(columns[c], null, locale));
            }
            for (VillageShortfalls.Shortfall s : overview.shortfalls()) {
                String name = IndicatorCatalogue.name(s.indicator(), locale);
                for (VillageShortfalls.Place p : s.villages()) {
                    row(sheet.createRow(r++), name, p);
                }
            }
            String notReported = messages.getMessage("village.export.notReported", null, locale);
            for (VillageShortfalls.Place p : overview.notReported()) {
                row(sheet.createRow(r++), notReported, p);
            }
            for (int c = 0; c < columns.length; c++) {
                sheet.setColumnWidth(c, 24 * 256);
            }
            book.write(out);
        }
    }

    private static void row(Row row, String what, VillageShortfalls.Place place) {
        row.createCell(0).setCellValue(what);
        row.createCell(1).setCellValue(place.township());
        row.createCell(2).setCellValue(place.village());
        row.createCell(3).setCellValue(place.code());
    }
}
