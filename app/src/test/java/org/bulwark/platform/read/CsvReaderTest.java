package org.bulwark.platform.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading CSV uploads: encodings, blank lines, limits and broken files. */
class CsvReaderTest {

    private static final long LIMIT = 1 << 20;
    private static final String TEXT = """
            身份证号,姓名,结算日期,个人自付费用
            522324197804120319,王建国,2025-03-18,9529.65
            52232419900115002X,李秀英,2025/04/01,"1200"
            """;
    private static final Charset GBK = Charset.forName("GBK");

    @Test
    void utf8Utf8WithBomAndGbkReadTheSame() throws IOException {
        List<RowSource.Row> utf8 = rows(TEXT.getBytes(StandardCharsets.UTF_8));
        List<RowSource.Row> withBom =
                rows(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, TEXT.getBytes(StandardCharsets.UTF_8)));
        List<RowSource.Row> gbk = rows(TEXT.getBytes(GBK));

        assertThat(utf8).hasSize(2);
        assertThat(utf8.get(0).cells())
                .containsExactly(
                        Map.entry("身份证号", "522324197804120319"),
                        Map.entry("姓名", "王建国"),
                        Map.entry("结算日期", "2025-03-18"),
                        Map.entry("个人自付费用", "9529.65"));
        assertThat(withBom).isEqualTo(utf8);
        assertThat(gbk).isEqualTo(utf8);
    }

    @Test
    void headerComesWithoutTheByteOrderMark() throws IOException {
        byte[] bytes =
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, TEXT.getBytes(StandardCharsets.UTF_8));
        try (RowSource source = open(bytes)) {
            assertThat(source.header()).containsExactly("身份证号", "姓名", "结算日期", "个人自付费用");
        }
    }

    @Test
    void encodingIsDecidedAtTheFirstChineseEvenAfterTheFirst64Kilobytes() throws IOException {
        // the first 64 KB are ASCII, which both encodings share; the decision waits for the first other byte
        StringBuilder text = new StringBuilder("id,name\n");
        while (text.length() < CsvRowSource.PROBE_BYTES + 100) {
            text.append("1,a\n");
        }
        text.append("2,王芳\n");
        for (Charset charset : List.of(GBK, StandardCharsets.UTF_8)) {
            List<RowSource.Row> rows = rows(text.toString().getBytes(charset));

            assertThat(rows.get(rows.size() - 1).cells()).as(charset.name()).containsEntry("name", "王芳");
            assertThat(rows).hasSize((int) text.chars().filter(c -> c == '\n').count() - 1);
        }
    }

    @Test
    void rowNumbersAreSpreadsheetRowsAndBlankLinesAreSkipped() throws IOException {
        String text = "a,b\n1,2\n\n , \n3,4\n";

        assertThat(rows(text.getBytes(StandardCharsets.UTF_8)))
                .extracting(RowSource.Row::number)
                .containsExactly(2L, 5L);
    }

    @Test
    void cellsAreStrippedAndShortRowsFilledWithEmptyCells() throws IOException {
        RowSource.Row row = rows("a, b ,c\n 1 ,\u3000x\u3000\n".getBytes(StandardCharsets.UTF_8))
                .get(0);

        assertThat(row.cells()).containsExactly(Map.entry("a", "1"), Map.entry("b", "x"), Map.entry("c", ""));
    }

    @Test
    void quotedValuesMayHoldCommasQuotesAndLineBreaks() throws IOException {
        RowSource.Row row = rows("a,b\n\"x, \"\"y\"\"\",\"line1\nline2\"\n".getBytes(StandardCharsets.UTF_8))
                .get(0);

        assertThat(row.cells()).containsExactly(Map.entry("a", "x, \"y\""), Map.entry("b", "line1\nline2"));
    }

    @Test
    void columnsWithABlankHeaderAreLeftOut() throws IOException {
        try (RowSource source = open("a,,b,\n1,note,2,\n".getBytes(StandardCharsets.UTF_8))) {
            assertThat(source.header()).containsExactly("a", "b");
            assertThat(source.rows().next().cells()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        }
    }

    @Test
    void tabSeparatedTextIsReadToo() throws IOException {
        assertThat(rows("a\tb\n1\t2\n".getBytes(StandardCharsets.UTF_8)).get(0).cells())
                .containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
    }

    @Test
    void headerOnlyFileHasNoRows() throws IOException {
        try (RowSource source = open("a,b\n".getBytes(StandardCharsets.UTF_8))) {
            assertThat(source.header()).containsExactly("a", "b");
            assertThat(source.rows().hasNext()).isFalse();
        }
    }

    @Test
    void emptyFileIsRejectedAsEmpty() {
        assertRejected(new byte[0], "empty", "文件是空的");
    }

    @Test
    void fileOfBlankLinesIsRejectedAsEmpty() {
        assertRejected("\n \n,,\n".getBytes(StandardCharsets.UTF_8), "empty", "文件没有列名行");
    }

    @Test
    void fileOfExactlyTheLimitIsReadAndOneByteMoreIsTooLarge() throws IOException {
        byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);

        try (RowSource source = CsvRowSource.open(new ByteArrayInputStream(bytes), bytes.length)) {
            assertThat(drain(source)).hasSize(2);
        }
        assertThatThrownBy(() -> {
                    try (RowSource source = CsvRowSource.open(new ByteArrayInputStream(bytes), bytes.length - 1)) {
                        drain(source);
                    }
                })
                .isInstanceOfSatisfying(
                        FileRejectedException.class, e -> assertThat(e.code()).isEqualTo("too_large"))
                .hasMessageContaining("文件超过了 " + (bytes.length - 1) + " 字节的上限");
    }

    @Test
    void largeFileIsRejectedWhileItIsRead() throws IOException {
        StringBuilder text = new StringBuilder("a,b\n");
        while (text.length() < 300_000) {
            text.append("1,2\n");
        }
        try (RowSource source = CsvRowSource.open(
                new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), 200_000)) {
            assertThatThrownBy(() -> drain(source))
                    .isInstanceOfSatisfying(
                            FileRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(FileRejectedException.Reason.TOO_LARGE));
        }
    }

    @Test
    void unclosedQuoteIsMalformed() {
        assertRejected("a,b\n1,\"2\n3,4\n".getBytes(StandardCharsets.UTF_8), "malformed", "CSV 文件在第");
    }

    @Test
    void quoteLeftOpenAtTheEndOfTheFileIsMalformedAndOneClosedThereIsNot() throws IOException {
        assertRejected("a,b\n1,2\n3,\"4".getBytes(StandardCharsets.UTF_8), "malformed", "引号直到文件结束都没有闭合");
        assertRejected("a,b\n1,\"2\n3,4\n\n".getBytes(StandardCharsets.UTF_8), "malformed", "引号直到文件结束都没有闭合");

        List<RowSource.Row> rows = rows("a,b\n1,\"x\ny\" \n\n".getBytes(StandardCharsets.UTF_8));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).cells()).containsExactly(Map.entry("a", "1"), Map.entry("b", "x\ny"));
    }

    @Test
    void textAfterAClosingQuoteIsMalformed() {
        assertRejected("a,b\n1,\"2\"x\n".getBytes(StandardCharsets.UTF_8), "malformed", "请检查值两边的引号");
    }

    @Test
    void rowWithMoreValuesThanColumnsIsMalformed() {
        assertRejected("a,b\n1,2,3\n".getBytes(StandardCharsets.UTF_8), "malformed", "第 2 行有 3 个值，但列名只有 2 列");
    }

    @Test
    void utf16TextIsRejectedWithAHint() {
        assertRejected(
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "a\tb".getBytes(StandardCharsets.UTF_16LE)),
                "malformed",
                "UTF-16");
    }

    @Test
    void workbookSentAsCsvIsRejected() {
        assertRejected(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0}, "malformed", "请以 .xlsx 文件上传");
    }

    @Test
    void bytesValidInNeitherEncodingAreMalformed() {
        // 0x80 alone is neither UTF-8 nor GB18030
        assertRejected(
                concat("a,b\n1,".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0x80, '\n'}),
                "malformed",
                "不符合文件的编码（UTF-8 或 GBK）");
    }

    @Test
    void closingTheSourceClosesTheUpload() throws IOException {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(TEXT.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        CsvRowSource.open(in, LIMIT).close();

        assertThat(closed[0]).isTrue();
    }

    private static void assertRejected(byte[] bytes, String code, String message) {
        assertThatThrownBy(() -> rows(bytes))
                .isInstanceOfSatisfying(
                        FileRejectedException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessageContaining(message);
    }

    private static List<RowSource.Row> rows(byte[] bytes) throws IOException {
        try (RowSource source = open(bytes)) {
            return drain(source);
        }
    }

    private static RowSource open(byte[] bytes) throws IOException {
        return CsvRowSource.open(new ByteArrayInputStream(bytes), LIMIT);
    }

    static List<RowSource.Row> drain(RowSource source) {
        List<RowSource.Row> rows = new ArrayList<>();
        source.rows().forEachRemaining(rows::add);
        return rows;
    }

    static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }
}
