package org.bulwark.platform.read;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * Pulls the rows of one worksheet's XML ({@code xl/worksheets/sheetN.xml}) one at a time, as cell text: shared and
 * inline strings as written, numbers as plain decimals (as Excel shows them, to 15 significant digits, never with an
 * exponent), numbers in a date format as {@code yyyy-MM-dd}, booleans as {@code true}/{@code false}, formulas by their
 * cached result. A pull parser keeps one row in memory, whatever the size of the sheet.
 */
final class SheetRowReader {

    /** A row with at least one non-blank cell: its 1-based number and its cells by 0-based column. */
    record SheetRow(long number, List<String> cells) {}

    /** The last column a worksheet can have (XFD). */
    static final int MAX_COLUMN = 16_383;

    // Excel keeps 15 significant digits; the XML may carry the binary value's 17, e.g. 0.30000000000000004
    private static final MathContext EXCEL_PRECISION = new MathContext(15);
    // Excel's day 60 is 1900-02-29, which never was (Lotus 1-2-3's leap-year mistake, kept for compatibility)
    private static final int FEBRUARY_29_1900 = 60;

    private final XMLStreamReader xml;
    private final SharedStrings strings;
    private final StylesTable styles;
    private final Map<Integer, Boolean> dateStyles = new HashMap<>();
    private final List<String> mergedRanges = new ArrayList<>();
    private long lastRowNumber;
    private boolean ended;

    SheetRowReader(XMLStreamReader xml, SharedStrings strings, StylesTable styles) {
        this.xml = xml;
        this.strings = strings;
        this.styles = styles;
    }

    /** The next row that is not blank, or null after the last. */
    SheetRow next() throws XMLStreamException {
        while (!ended && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
                SheetRow row = readRow();
                if (row.cells().stream().anyMatch(cell -> cell != null && !cell.isBlank())) {
                    return row;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && "sheetData".equals(xml.getLocalName())) {
                ended = true;
                readMergedRanges();
            }
        }
        ended = true;
        return null;
    }

    /** The merged ranges of the sheet ({@code A1:B1}), known once {@link #next()} has returned null. */
    List<String> mergedRanges() {
        return mergedRanges;
    }

    /** Reads the part after the rows, where Excel lists the merged cells. */
    private void readMergedRanges() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && "mergeCell".equals(xml.getLocalName())) {
                String ref = xml.getAttributeValue(null, "ref");
                if (ref != null) {
                    mergedRanges.add(ref);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && "worksheet".equals(xml.getLocalName())) {
                return;
            }
        }
    }

    private SheetRow readRow() throws XMLStreamException {
        String r = xml.getAttributeValue(null, "r");
        long number = r == null ? lastRowNumber + 1 : Long.parseLong(r);
        lastRowNumber = number;
        List<String> cells = new ArrayList<>();
        int column = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && "c".equals(xml.getLocalName())) {
                String reference = xml.getAttributeValue(null, "r");
                column = reference == null ? column : columnIndex(reference);
                String value = readCell(number, column);
                while (cells.size() <= column) {
                    cells.add(null);
                }
                cells.set(column, value);
                column++;
            } else if (event == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName())) {
                break;
            }
        }
        return new SheetRow(number, cells);
    }

    private String readCell(long row, int column) throws XMLStreamException {
        String type = xml.getAttributeValue(null, "t");
        String style = xml.getAttributeValue(null, "s");
        String value = null;
        String inline = null;
        boolean formula = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "v" -> value = xml.getElementText();
                    case "is" -> inline = readInlineString();
                    case "f" -> {
                        formula = true;
                        skipElement();
                    }
                    default -> skipElement(); // extensions
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && "c".equals(xml.getLocalName())) {
                break;
            }
        }
        if (formula && value == null && inline == null) {
            // a workbook written by a program, never opened in Excel: reading it as empty would lose the value
            throw new FileRejectedException(
                    FileRejectedException.Reason.MALFORMED,
                    describeCell(row, column) + "是公式，文件中没有保存公式的计算结果；请在 Excel 中打开后重新保存，或把公式粘贴为数值");
        }
        return text(type, style, value, inline, row, column);
    }

    /** A cell as people find it: {@code cell C5 (row 5, column C)}. */
    static String describeCell(long row, int column) {
        String letters = columnName(column);
        return "单元格 " + letters + row + "（第 " + row + " 行，" + letters + " 列）";
    }

    /** The letters of a 0-based column: 0 is A, 26 is AA. */
    static String columnName(int column) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString();
    }

    private String text(String type, String style, String value, String inline, long row, int column) {
        if (type == null || "n".equals(type)) {
            return value == null ? "" : number(value, style, row, column);
        }
        return switch (type) {
            case "s" ->
                value == null
                        ? ""
                        : strings.getItemAt(Integer.parseInt(value.strip())).getString();
            case "inlineStr" -> inline != null ? inline : value == null ? "" : value;
            case "b" -> "1".equals(value) ? "true" : "false";
            case "d" -> value == null ? "" : value.substring(0, Math.min(10, value.length())); // ISO 8601
            default -> value == null ? "" : value; // "str" (a formula's text) and "e" (an error such as #N/A)
        };
    }

    private String number(String value, String style, long row, int column) {
        BigDecimal number = new BigDecimal(value.strip());
        if (style != null && isDateStyle(Integer.parseInt(style))) {
            double serial = number.doubleValue();
            if (serial >= FEBRUARY_29_1900 && serial < FEBRUARY_29_1900 + 1) {
                throw new FileRejectedException(
                        FileRejectedException.Reason.MALFORMED,
                        describeCell(row, column)
                                + "的日期是 1900-02-29（Excel 的第 60 天），这一天并不存在：Excel 误把 1900 年当作闰年；"
                                + "请填写真实日期");
            }
            if (DateUtil.isValidExcelDate(serial)) {
                LocalDateTime dateTime = DateUtil.getLocalDateTime(serial);
                return dateTime.toLocalDate().toString();
            }
        }
        String plain = number.round(EXCEL_PRECISION).stripTrailingZeros().toPlainString();
        return "-0".equals(plain) ? "0" : plain;
    }

    private boolean isDateStyle(int index) {
        return dateStyles.computeIfAbsent(index, i -> {
            if (styles == null || i >= styles.getNumCellStyles()) {
                return false;
            }
            XSSFCellStyle cellStyle = styles.getStyleAt(i);
            return DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
        });
    }

    /** The text of {@code <is>}: its {@code <t>}, or the {@code <t>} of each rich-text run, without phonetic hints. */
    private String readInlineString() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "t" -> text.append(xml.getElementText());
                    case "r" -> {} // a run: its <t> follows
                    default -> skipElement(); // run properties, phonetic runs
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && "is".equals(xml.getLocalName())) {
                break;
            }
        }
        return text.toString();
    }

    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** The 0-based column of a cell reference such as {@code AB12}; refuses one beyond the last column. */
    static int columnIndex(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c < 'A' || c > 'Z') {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
            if (column - 1 > MAX_COLUMN) {
                throw new IllegalArgumentException("cell reference " + reference + " is beyond the last column XFD");
            }
        }
        return column - 1;
    }
}
