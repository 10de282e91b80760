package org.bulwark.platform.read;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bulwark.core.exchange.CategorySchema;
import org.bulwark.core.exchange.FieldSpec;
import org.bulwark.core.exchange.FieldType;
import org.bulwark.core.exchange.TableTemplate;

/**
 * The .xlsx import template of a category: the first sheet has the Chinese labels as headers (bold, required ones in
 * red), a sample row from the catalogue's examples, text format on text columns (so identity numbers, household
 * numbers and village codes stay text), date format on date columns and drop-down lists on choice and yes/no
 * columns; a second sheet explains each column. The first sheet is what {@link XlsxRowSource} reads back.
 */
public final class ImportTemplate {

    /** The name of the sheet that explains the columns. */
    public static final String NOTES_SHEET = "填写说明";

    // Excel refuses an explicit drop-down list longer than this
    private static final int MAX_LIST_CHARS = 255;
    private static final int MAX_COLUMN_WIDTH = 60;

    private ImportTemplate() {}

    /** Writes the template of {@code category} to {@code out}, which stays open. */
    public static void write(CategorySchema category, OutputStream out) throws IOException {
        write(category.template(), category.label() + "（" + category.departmentLabel() + "）导入说明", out);
    }

    /** Writes the template of a table to {@code out}, which stays open; {@code heading} titles its notes sheet. */
    public static void write(TableTemplate category, String heading, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            Sheet data = workbook.createSheet(WorkbookUtil.createSafeSheetName(category.label()));
            Row header = data.createRow(0);
            Row sample = data.createRow(1);
            List<FieldSpec> fields = category.fields();
            for (int column = 0; column < fields.size(); column++) {
                FieldSpec field = fields.get(column);
                Cell label = header.createCell(column);
                label.setCellValue(field.label());
                label.setCellStyle(field.required() ? styles.requiredHeader : styles.header);
                CellStyle columnStyle = styles.forColumn(field);
                data.setDefaultColumnStyle(column, columnStyle);
                writeSample(sample.createCell(column), field, columnStyle);
                addDropDown(data, column, field);
                data.setColumnWidth(
                        column,
                        Math.min(MAX_COLUMN_WIDTH, Math.max(12, field.label().length() * 2 + 4)) * 256);
            }
            data.createFreezePane(0, 1);
            TemplateNotes.write(workbook.createSheet(NOTES_SHEET), category, heading, styles.header);
            workbook.write(out);
        }
    }

    private static void writeSample(Cell cell, FieldSpec field, CellStyle style) {
        String example = field.example();
        if (example == null) {
            return; // an optional field without an example stays empty, as it may in a real file
        }
        cell.setCellStyle(style);
        switch (field.type()) {
            case INTEGER, DECIMAL -> cell.setCellValue(new BigDecimal(example).doubleValue());
            case DATE -> cell.setCellValue(LocalDate.parse(example));
            // the word the drop-down offers, not the code: the sample shows what an official picks
            case CHOICE -> cell.setCellValue(field.choiceLabel(example));
            default -> cell.setCellValue(example);
        }
    }

    private static void addDropDown(Sheet sheet, int column, FieldSpec field) {
        List<String> values = switch (field.type()) {
            case CHOICE -> field.choiceWords();
            case BOOLEAN -> List.of("是", "否");
            default -> List.of();
        };
        if (values.isEmpty() || String.join(",", values).length() > MAX_LIST_CHARS) {
            return;
        }
        DataValidationHelper helper = sheet.getDataValidationHelper();
        int lastRow = SpreadsheetVersion.EXCEL2007.getLastRowIndex();
        DataValidation validation = helper.createValidation(
                helper.createExplicitListConstraint(values.toArray(String[]::new)),
                new CellRangeAddressList(1, lastRow, column, column));
        validation.setShowErrorBox(true);
        validation.createErrorBox("不是可填的值", "请从下拉列表中选择：" + String.join("、", values));
        validation.setSuppressDropDownArrow(true); // in .xlsx, "true" shows the arrow
        sheet.addValidationData(validation);
    }

    /** The few cell styles of a template, made once per workbook. */
    private static final class Styles {

        final CellStyle header;
        final CellStyle requiredHeader;
        final CellStyle text;
        final CellStyle date;
        final CellStyle general;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font boldRed = workbook.createFont();
            boldRed.setBold(true);
            boldRed.setColor(IndexedColors.RED.getIndex());
            header = workbook.createCellStyle();
            header.setFont(bold);
            requiredHeader = workbook.createCellStyle();
            requiredHeader.setFont(boldRed);
            text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            general = workbook.createCellStyle();
        }

        CellStyle forColumn(FieldSpec field) {
            if (field.type() == FieldType.DATE) {
                return date;
            }
            // text columns keep what is typed: 18-digit identity numbers would otherwise lose their last digits
            return field.type() == FieldType.TEXT || field.type() == FieldType.CHOICE ? text : general;
        }
    }
}
