package org.bulwark.casework.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bulwark.casework.QuarterlyMeasure;
import org.bulwark.casework.QuarterlyReport;
import org.bulwark.casework.QuarterlyReport.HouseholdsAndPersons;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.casework.RiskType;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.region.RegionLevel;
import org.springframework.context.MessageSource;

/**
 * The quarterly figures as the workbook a county hands upward: 汇总 (per township, by monitoring type), 风险类型 (the
 * households under monitoring at the quarter's end by risk type) and 说明 (what each figure means, who made it when).
 */
final class QuarterlyWorkbook {

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final MessageSource messages;
    private final Locale locale;
    private final ZoneId zone;
    private CellStyle bold;
    private CellStyle count;

    QuarterlyWorkbook(MessageSource messages, Locale locale, ZoneId zone) {
        this.messages = messages;
        this.locale = locale;
        this.zone = zone;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** The file name: the region, the title and the quarter. */
    String fileName(QuarterlyReport r) {
        return r.regionName() + "-" + text("quarterly.title") + "-" + quarter(r) + ".xlsx";
    }

    private String quarter(QuarterlyReport r) {
        return text(
                "quarterly.quarter",
                String.valueOf(r.quarter().year()),
                r.quarter().quarter());
    }

    void write(QuarterlyReport r, OutputStream out) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Font font = book.createFont();
            font.setBold(true);
            bold = book.createCellStyle();
            bold.setFont(font);
            bold.setAlignment(HorizontalAlignment.CENTER);
            count = book.createCellStyle();
            count.setDataFormat(book.createDataFormat().getFormat("#,##0"));
            summary(book.createSheet(text("quarterly.sheet.summary")), r);
            risks(book.createSheet(text("quarterly.sheet.risks")), r);
            notes(book.createSheet(text("quarterly.sheet.notes")), r);
            book.write(out);
        }
    }

    private List<String> groups() {
        List<String> groups = new ArrayList<>(List.of(QuarterlyReport.ALL_TYPES));
        for (MonitoringType type : MonitoringType.values()) {
            groups.add(type.name());
        }
        return groups;
    }

    private String groupLabel(String group) {
        return text(group.equals(QuarterlyReport.ALL_TYPES) ? "quarterly.group.ALL" : "casework.type." + group);
    }

    private void summary(Sheet sheet, QuarterlyReport r) {
        title(sheet, r);
        int width = QuarterlyMeasure.values().length * 2;
        Row groupRow = sheet.createRow(1);
        Row measureRow = sheet.createRow(2);
        Row unitRow = sheet.createRow(3);
        firstColumn(sheet, r, groupRow);
        int col = 1;
        for (String group : groups()) {
            text(groupRow, col, groupLabel(group), bold);
            sheet.addMergedRegion(new CellRangeAddress(1, 1, col, col + width - 1));
            for (QuarterlyMeasure m : QuarterlyMeasure.values()) {
                text(measureRow, col, text("quarterly.measure." + m.name()), bold);
                sheet.addMergedRegion(new CellRangeAddress(2, 2, col, col + 1));
                text(unitRow, col++, text("quarterly.households"), bold);
                text(unitRow, col++, text("quarterly.persons"), bold);
            }
        }
        int r0 = 4;
        for (QuarterlyReport.RegionRow row : r.rows()) {
            summaryRow(sheet.createRow(r0++), row, row.regionName());
        }
        summaryRow(sheet.createRow(r0), r.total(), text("quarterly.total", r.regionName()));
        sheet.createFreezePane(1, 4);
        sheet.setColumnWidth(0, 22 * 256);
    }

    private void summaryRow(Row row, QuarterlyReport.RegionRow figures, String label) {
        row.createCell(0).setCellValue(label);
        int col = 1;
        for (String group : groups()) {
            for (QuarterlyMeasure m : QuarterlyMeasure.values()) {
                HouseholdsAndPersons cell = figures.cell(group, m);
                number(row, col++, cell.households());
                number(row, col++, cell.persons());
            }
        }
    }

    private void risks(Sheet sheet, QuarterlyReport r) {
        title(sheet, r);
        Row note = sheet.createRow(1);
        note.createCell(0).setCellValue(text("quarterly.risks.note"));
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, 2 + RiskType.values().length * 2));
        Row head = sheet.createRow(2);
        Row units = sheet.createRow(3);
        firstColumn(sheet, r, head);
        int col = 1;
        List<String> labels = new ArrayList<>(List.of(text("quarterly.risks.monitored")));
        for (RiskType risk : RiskType.values()) {
            labels.add(text("casework.risk." + risk.name()));
        }
        for (String label : labels) {
            text(head, col, label, bold);
            sheet.addMergedRegion(new CellRangeAddress(2, 2, col, col + 1));
            text(units, col++, text("quarterly.households"), bold);
            text(units, col++, text("quarterly.persons"), bold);
        }
        int r0 = 4;
        for (QuarterlyReport.RegionRow row : r.rows()) {
            riskRow(sheet.createRow(r0++), row, row.regionName());
        }
        riskRow(sheet.createRow(r0), r.total(), text("quarterly.total", r.regionName()));
        sheet.createFreezePane(1, 4);
        sheet.setColumnWidth(0, 22 * 256);
    }

    private void riskRow(Row row, QuarterlyReport.RegionRow figures, String label) {
        row.createCell(0).setCellValue(label);
        HouseholdsAndPersons monitored = figures.cell(QuarterlyReport.ALL_TYPES, QuarterlyMeasure.MONITORED_AT_END);
        number(row, 1, monitored.households());
        number(row, 2, monitored.persons());
        int col = 3;
        for (RiskType risk : RiskType.values()) {
            number(row, col++, figures.risk(risk).households());
            number(row, col++, figures.risk(risk).persons());
        }
    }

    private void notes(Sheet sheet, QuarterlyReport r) {
        Row head = sheet.createRow(0);
        text(head, 0, text("quarterly.notes.item"), bold);
        text(head, 1, text("quarterly.notes.value"), bold);
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {text("quarterly.notes.region"), r.regionName()});
        lines.add(new String[] {text("quarterly.notes.quarter"), quarter(r)});
        lines.add(new String[] {
            text("quarterly.notes.period"),
            text("quarterly.notes.periodValue", r.from().toString(), r.to().toString())
        });
        lines.add(new String[] {
            text("quarterly.notes.generatedAt"),
            GENERATED.format(r.generatedAt().atZone(zone))
        });
        lines.add(new String[] {text("quarterly.notes.generatedBy"), r.generatedBy()});
        lines.add(new String[] {text("quarterly.notes.asOf"), text("quarterly.notes.asOfValue", r.to().toString())});
        lines.add(new String[] {text("quarterly.notes.type"), text("quarterly.notes.typeValue")});
        lines.add(new String[] {text("quarterly.notes.persons"), text("quarterly.notes.personsValue")});
        lines.add(new String[] {text("quarterly.notes.rows"), text("quarterly.notes.rowsValue")});
        for (QuarterlyMeasure m : QuarterlyMeasure.values()) {
            lines.add(new String[] {
                text("quarterly.notes.definition", text("quarterly.measure." + m.name())),
                text("quarterly.definition." + m.name())
            });
        }
        lines.add(new String[] {text("quarterly.sheet.risks"), text("quarterly.risks.note")});
        int i = 1;
        for (String[] line : lines) {
            Row row = sheet.createRow(i++);
            row.createCell(0).setCellValue(line[0]);
            row.createCell(1).setCellValue(line[1]);
        }
        sheet.setColumnWidth(0, 30 * 256);
        sheet.setColumnWidth(1, 100 * 256);
    }

    private void title(Sheet sheet, QuarterlyReport r) {
        Row title = sheet.createRow(0);
        title.createCell(0).setCellValue(text("quarterly.heading", r.regionName(), quarter(r)));
    }

    private void firstColumn(Sheet sheet, QuarterlyReport r, Row header) {
        RegionLevel level = RegionCode.parse(r.regionCode()).level();
        String label = text(level == RegionLevel.COUNTY ? "quarterly.column.TOWNSHIP" : "quarterly.column.VILLAGE");
        text(header, 0, label, bold);
        int rowIndex = header.getRowNum();
        sheet.addMergedRegion(new CellRangeAddress(rowIndex, rowIndex + (rowIndex == 1 ? 2 : 1), 0, 0));
    }

    private static void text(Row row, int col, String value, CellStyle style) {
        row.createCell(col).setCellValue(value);
        row.getCell(col).setCellStyle(style);
    }

    private void number(Row row, int col, long value) {
        row.createCell(col).setCellValue(value);
        row.getCell(col).setCellStyle(count);
    }
}
