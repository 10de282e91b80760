package org.bulwark.platform.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Reading Excel uploads: cell types, row numbers, limits and files that are not workbooks. */
class XlsxReaderTest {

    private static final long LIMIT = 10 << 20;

    @Test
    void readsTextDatesAndNumbersAsTheDepartmentTypedThem() throws IOException {
        byte[] bytes = workbook(new XSSFWorkbook(), (workbook, sheet) -> {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            header(sheet, "身份证号", "姓名", "结算日期", "村级区划代码", "个人自付费用", "住院天数", "是否参保");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("522324197804120319"); // typed as text: all 18 characters survive
            row.createCell(1).setCellValue("王建国");
            row.createCell(2).setCellValue(LocalDate.of(2025, 3, 18));
            row.getCell(2).setCellStyle(date);
            row.createCell(3).setCellValue(522324101001d); // a large number: no exponent, no ".0"
            row.createCell(4).setCellValue(9529.65);
            row.createCell(5).setCellValue(12);
            row.createCell(6).setCellValue(true);
        });

        try (RowSource source = open(bytes)) {
            assertThat(source.header()).containsExactly("身份证号", "姓名", "结算日期", "村级区划代码", "个人自付费用", "住院天数", "是否参保");
            List<RowSource.Row> rows = CsvReaderTest.drain(source);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).number()).isEqualTo(2);
            assertThat(rows.get(0).cells())
                    .containsExactly(
                            Map.entry("身份证号", "522324197804120319"),
                            Map.entry("姓名", "王建国"),
                            Map.entry("结算日期", "2025-03-18"),
                            Map.entry("村级区划代码", "522324101001"),
                            Map.entry("个人自付费用", "9529.65"),
                            Map.entry("住院天数", "12"),
                            Map.entry("是否参保", "true"));
        }
    }

    @Test
    void numbersAreShownAsExcelShowsThem() throws IOException {
        byte[] bytes = workbook(new XSSFWorkbook(), (workbook, sheet) -> {
            header(sheet, "a", "b", "c", "d");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(0.1 + 0.2); // 0.30000000000000004 in binary
            row.createCell(1).setCellValue(1.5e10);
            row.createCell(2).setCellValue(-0.0);
            row.createCell(3).setCellValue(0.000125);
        });

        assertThat(rows(bytes).get(0).cells())
                .containsExactly(
                        Map.entry("a", "0.3"),
                        Map.entry("b", "15000000000"),
                        Map.entry("c", "0"),
                        Map.entry("d", "0.000125"));
    }

    @Test
    void dateTimeCellGivesItsDate() throws IOException {
        byte[] bytes = workbook(new XSSFWorkbook(), (workbook, sheet) -> {
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d h:mm"));
            header(sheet, "date");
            sheet.createRow(1).createCell(0).setCellValue(LocalDateTime.of(2025, 6, 28, 14, 30));
            sheet.getRow(1).getCell(0).setCellStyle(dateTime);
        });

        assertThat(rows(bytes).get(0).cells()).containsExactly(Map.entry("date", "2025-06-28"));
    }

    @Test
    void formulaCellGivesItsCachedResult() throws IOException {
        byte[] bytes = workbook(new XSSFWorkbook(), (workbook, sheet) -> {
            header(sheet, "a", "b", "sum", "text");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(2);
            row.createCell(1).setCellValue(3);
            row.createCell(2).setCellFormula("A2+B2");
            row.createCell(3).setCellFormula("\"张\"&\"三\"");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });

        assertThat(rows(bytes).get(0).cells()).containsEntry("sum", "5").containsEntry("text", "张三");
    }

    @Test
    void aFormulaWithoutItsSavedResultIsRefusedNamingTheCell() {
        // a workbook written by a program and never opened in Excel: the formula is there, its result is not
        assertRejected(
                workbookOf((workbook, sheet) -> {
                    header(sheet, "a", "b", "sum");
                    Row row = sheet.createRow(1);
                    row.createCell(0).setCellValue(2);
                    row.createCell(1).setCellValue(3);
                    row.createCell(2).setCellFormula("A2+B2");
                }),
                "malformed",
                "单元格 C2（第 2 行，C 列）是公式，文件中没有保存公式的计算结果");
    }

    @Test
    void theDayThatNeverWas1900February29IsRefusedNamingTheCell() {
        assertRejected(
                workbookOf((workbook, sheet) -> {
                    CellStyle date = workbook.createCellStyle();
                    date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
                    header(sheet, "name", "date");
                    Row row = sheet.createRow(1);
                    row.createCell(0).setCellValue("x");
                    row.createCell(1).setCellValue(60);
                    row.getCell(1).setCellStyle(date);
                }),
                "malformed",
                "单元格 B2（第 2 行，B 列）的日期是 1900-02-29");
    }

    @Test
    void aHeaderMergedOverAColumnWithValuesIsRefusedNamingTheCell() {
        assertRejected(
                workbookOf((workbook, sheet) -> {
                    header(sheet, "身份证号", "姓名", "", "金额");
                    sheet.addMergedRegion(new CellRangeAddress(0, 0, 1, 2));
                    Row row = sheet.createRow(1);
                    row.createCell(0).setCellValue("522324197804120319");
                    row.createCell(1).setCellValue("王");
                    row.createCell(2).setCellValue("建国");
                    row.createCell(3).setCellValue(5);
                }),
                "malformed",
                "单元格 C2（第 2 行，C 列）有内容却没有对应的列名");
    }

    private static byte[] workbookOf(SheetFiller filler) {
        try {
            return workbook(new XSSFWorkbook(), filler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void inlineStringsOfStreamingWritersAreRead() throws IOException {
        // SXSSF, like many exporting systems, writes strings inline rather than in the shared table
        byte[] bytes = workbook(new SXSSFWorkbook(), (workbook, sheet) -> {
            header(sheet, "身份证号", "姓名");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("52232419900115002X");
            row.createCell(1).setCellValue("李秀英");
        });

        assertThat(rows(bytes).get(0).cells())
                .containsExactly(Map.entry("身份证号", "52232419900115002X"), Map.entry("姓名", "李秀英"));
    }

    @Test
    void blankRowsAreSkippedAndRowNumbersKept() throws IOException {
        byte[] bytes = workbook(new XSSFWorkbook(), (workbook, sheet) -> {
            header(sheet, "a", "b");
            sheet.createRow(1).createCell(0).setCellValue("x");
            sheet.createRow(2).createCell(1).setCellValue(" ");
            sheet.createRow(4).createCell(1).setCellValue("y");
        });

        List<RowSource.Row> rows = rows(bytes);
        assertThat(rows).extracting(RowSource.Row::number).containsExactly(2L, 5L);
        assertThat(rows.get(0).cells()).containsExactly(Map.entry("a", "x"), Map.entry("b", ""));
        assertThat(rows.get(1).cells()).containsExactly(Map.entry("a", ""), Map.entry("b", "y"));
    }

    @Test
    void headerMayStartBelowBlankRowsAndSkipBlankColumns() throws IOException {
        byte[] bytes = workbook(new XSSFWorkbook(), (workbook, sheet) -> {
            Row header = sheet.createRow(2);
            header.createCell(0).setCellValue(" a ");
            header.createCell(2).setCellValue("b");
            Row row = sheet.createRow(3);
            row.createCell(0).setCellValue("1");
            row.createCell(1).setCellValue("note");
            row.createCell(2).setCellValue("2");
        });

        try (RowSource source = open(bytes)) {
            assertThat(source.header()).containsExactly("a", "b");
            RowSource.Row row = source.rows().next();
            assertThat(row.number()).isEqualTo(4);
            assertThat(row.cells()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        }
    }

    @Test
    void onlyTheFirstSheetIsRead() throws IOException {
        byte[] bytes = workbook(new XSSFWorkbook(), (workbook, sheet) -> {
            header(sheet, "a");
            sheet.createRow(1).createCell(0).setCellValue("first");
            Sheet second = workbook.createSheet("second");
            header(second, "a");
            second.createRow(1).createCell(0).setCellValue("second");
        });

        assertThat(rows(bytes)).extracting(row -> row.cells().get("a")).containsExactly("first");
    }

    @Test
    void sheetWithoutRowsIsEmpty() throws IOException {
        byte[] bytes = workbook(new XSSFWorkbook(), (workbook, sheet) -> {});

        assertRejected(bytes, "empty", "没有列名行");
    }

    @Test
    void emptyFileIsEmpty() {
        assertRejected(new byte[0], "empty", "文件是空的");
    }

    @Test
    void textFileIsNotAWorkbook() {
        assertRejected("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "malformed", "文件不是 .xlsx 工作簿");
    }

    @Test
    void oldExcelWorkbookIsRefusedWithAHint() throws IOException {
        byte[] bytes = workbook(new HSSFWorkbook(), (workbook, sheet) -> header(sheet, "a"));

        assertRejected(bytes, "malformed", "请在 Excel 中另存为 .xlsx");
    }

    @Test
    void zipThatIsNotAWorkbookIsMalformed() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
        }

        assertRejected(out.toByteArray(), "malformed", "文件不是可以读取的 .xlsx 工作簿");
    }

    @Test
    void fileAboveTheLimitIsTooLarge() throws IOException {
        byte[] bytes = workbook(new XSSFWorkbook(), (workbook, sheet) -> header(sheet, "a"));

        try (RowSource source = XlsxRowSource.open(new ByteArrayInputStream(bytes), bytes.length)) {
            assertThat(source.header()).containsExactly("a");
        }
        assertThatThrownBy(() -> XlsxRowSource.open(new ByteArrayInputStream(bytes), bytes.length - 1))
                .isInstanceOfSatisfying(
                        FileRejectedException.class, e -> assertThat(e.code()).isEqualTo("too_large"));
    }

    @Test
    void zipBombIsTooLarge() throws IOException {
        byte[] honest = workbook(new XSSFWorkbook(), (workbook, sheet) -> header(sheet, "a"));
        // 8 MB of blanks inside the sheet's XML compress to a few KB: far beyond the 100-fold expansion allowed
        byte[] bomb = rewriteEntry(
                honest,
                "xl/worksheets/sheet1.xml",
                xml -> xml.replace("<sheetData>", " ".repeat(8 << 20) + "<sheetData>"));

        assertThat(bomb.length).isLessThan(200_000);
        assertRejected(bomb, "too_large", "工作簿解压后的数据量超过允许的上限");
    }

    @Test
    void externalEntitiesAreNotResolved() throws IOException {
        Path secret = Files.createTempFile("secret", ".txt");
        Files.writeString(secret, "TOP-SECRET");
        try {
            byte[] honest = workbook(new SXSSFWorkbook(), (workbook, sheet) -> {
                header(sheet, "a");
                sheet.createRow(1).createCell(0).setCellValue("x");
            });
            byte[] hostile = rewriteEntry(
                    honest,
                    "xl/worksheets/sheet1.xml",
                    xml -> xml.replaceFirst(
                                    "<worksheet",
                                    "<!DOCTYPE w [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]><worksheet")
                            .replace(">x<", ">&xxe;<"));

            assertThatThrownBy(() -> rows(hostile))
                    .isInstanceOf(FileRejectedException.class)
                    .hasMessageNotContaining("TOP-SECRET");
        } finally {
            Files.delete(secret);
        }
    }

    @Test
    void temporaryCopyIsDeletedOnClose() throws IOException {
        byte[] bytes = workbook(new XSSFWorkbook(), (workbook, sheet) -> header(sheet, "a"));
        XlsxRowSource source = XlsxRowSource.open(new ByteArrayInputStream(bytes), LIMIT);
        Path copy = source.temporaryFile();
        assertThat(copy).exists();

        source.close();

        assertThat(copy).doesNotExist();
    }

    private static void assertRejected(byte[] bytes, String code, String message) {
        assertThatThrownBy(() -> rows(bytes))
                .isInstanceOfSatisfying(
                        FileRejectedException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessageContaining(message);
    }

    private static List<RowSource.Row> rows(byte[] bytes) throws IOException {
        try (RowSource source = open(bytes)) {
            return CsvReaderTest.drain(source);
        }
    }

    private static RowSource open(byte[] bytes) throws IOException {
        return XlsxRowSource.open(new ByteArrayInputStream(bytes), LIMIT);
    }

    private static void header(Sheet sheet, String... labels) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < labels.length; i++) {
            row.createCell(i).setCellValue(labels[i]);
        }
    }

    /** Fills the first sheet of a new workbook and returns the file's bytes. */
    static byte[] workbook(Workbook workbook, SheetFiller filler) throws IOException {
        try (workbook) {
            filler.fill(workbook, workbook.createSheet("数据"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** The zip with one entry's text edited; read through the central directory, as SXSSF's entries need. */
    private static byte[] rewriteEntry(byte[] zipBytes, String name, UnaryOperator<String> edit) throws IOException {
        Path original = Files.createTempFile("workbook", ".xlsx");
        try {
            Files.write(original, zipBytes);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipFile in = new ZipFile(original.toFile());
                    ZipOutputStream zip = new ZipOutputStream(out)) {
                for (ZipEntry entry : Collections.list(in.entries())) {
                    byte[] content;
                    try (InputStream entryIn = in.getInputStream(entry)) {
                        content = entryIn.readAllBytes();
                    }
                    if (entry.getName().equals(name)) {
                        content = edit.apply(new String(content, StandardCharsets.UTF_8))
                                .getBytes(StandardCharsets.UTF_8);
                    }
                    zip.putNextEntry(new ZipEntry(entry.getName()));
                    zip.write(content);
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } finally {
            Files.delete(original);
        }
    }

    @FunctionalInterface
    interface SheetFiller {
        void fill(Workbook workbook, Sheet sheet);
    }
}
