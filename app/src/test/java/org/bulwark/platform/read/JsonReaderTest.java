package org.bulwark.platform.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading JSON uploads: both shapes, scalar values, limits and broken files. */
class JsonReaderTest {

    private static final long LIMIT = 1 << 20;
    private static final String OBJECTS = """
            {"身份证号": "522324197804120319", "姓名": "王建国", "结算日期": "2025-03-18", "个人自付费用": 9529.65},
            {"身份证号": "52232419900115002X", "姓名": " 李秀英 ", "结算日期": "2025-04-01", "个人自付费用": 1200}
            """;

    @Test
    void wrappedRowsAndABareArrayReadTheSame() throws IOException {
        List<RowSource.Row> wrapped = rows("{\"category\": \"medical_settlement\", \"rows\": [" + OBJECTS + "]}");
        List<RowSource.Row> bare = rows("[" + OBJECTS + "]");

        assertThat(wrapped).hasSize(2);
        assertThat(wrapped.get(1).cells())
                .containsExactly(
                        Map.entry("身份证号", "52232419900115002X"),
                        Map.entry("姓名", "李秀英"),
                        Map.entry("结算日期", "2025-04-01"),
                        Map.entry("个人自付费用", "1200"));
        assertThat(bare).isEqualTo(wrapped);
    }

    @Test
    void headerIsTheKeysOfTheFirstObjectAndRowsArePositions() throws IOException {
        try (RowSource source = open("[" + OBJECTS + "]")) {
            assertThat(source.header()).containsExactly("身份证号", "姓名", "结算日期", "个人自付费用");
            assertThat(CsvReaderTest.drain(source))
                    .extracting(RowSource.Row::number)
                    .containsExactly(1L, 2L);
        }
    }

    @Test
    void propertiesAfterTheRowsAreSkipped() throws IOException {
        assertThat(rows("{\"rows\": [{\"a\": 1}], \"sent_by\": {\"department\": \"health\"}}"))
                .hasSize(1);
    }

    @Test
    void scalarsBecomePlainText() throws IOException {
        RowSource.Row row = rows("""
                [{"id": 522324101001, "big": 1.5E10, "small": 1.25e-4, "amount": 12.50, "yes": true, "no": false,
                  "none": null}]
                """).get(0);

        assertThat(row.cells())
                .containsExactly(
                        Map.entry("id", "522324101001"),
                        Map.entry("big", "15000000000"),
                        Map.entry("small", "0.000125"),
                        Map.entry("amount", "12.50"),
                        Map.entry("yes", "true"),
                        Map.entry("no", "false"),
                        Map.entry("none", ""));
    }

    @Test
    void laterObjectsMayHaveOtherKeys() throws IOException {
        List<RowSource.Row> rows = rows("[{\"a\": 1}, {\"b\": 2}]");

        assertThat(rows.get(1).cells()).containsExactly(Map.entry("b", "2"));
    }

    @Test
    void nestedValueIsMalformed() {
        assertRejected("[{\"a\": 1}, {\"a\": [1, 2]}]", "malformed", "第 2 个数据行：\"a\" 的值不是单个值");
    }

    @Test
    void elementThatIsNotAnObjectIsMalformed() {
        assertRejected("[{\"a\": 1}, 2]", "malformed", "第 2 个数据行不是对象");
    }

    @Test
    void keyGivenTwiceInOneObjectIsMalformed() {
        assertRejected("[{\"a\": 1, \"a\": 2}]", "malformed", "同一个对象中有重复的键");
    }

    @Test
    void objectWithoutRowsIsMalformed() {
        assertRejected("{\"data\": []}", "malformed", "对象中没有 \"rows\" 数组");
    }

    @Test
    void rowsThatAreNotAnArrayAreMalformed() {
        assertRejected("{\"rows\": {\"a\": 1}}", "malformed", "\"rows\" 应为对象数组");
    }

    @Test
    void textThatIsNotJsonIsMalformed() {
        assertRejected("a,b\n1,2\n", "malformed", "文件不是有效的 JSON（第 1 行");
    }

    @Test
    void truncatedJsonIsMalformed() {
        assertRejected("[{\"a\": 1}, {\"a\": ", "malformed", "文件不是有效的 JSON");
    }

    @Test
    void textAfterTheArrayIsMalformed() {
        assertRejected("[{\"a\": 1}] [", "malformed", "数据行结束后还有多余的内容");
    }

    @Test
    void emptyFileAndEmptyArrayAreEmpty() {
        assertRejected("", "empty", "文件是空的");
        assertRejected("  \n", "empty", "文件是空的");
        assertRejected("[]", "empty", "文件中没有数据行");
        assertRejected("{\"rows\": []}", "empty", "文件中没有数据行");
    }

    @Test
    void fileAboveTheLimitIsTooLarge() throws IOException {
        byte[] bytes = ("[" + OBJECTS + "]").getBytes(StandardCharsets.UTF_8);

        try (RowSource source = JsonRowSource.open(new ByteArrayInputStream(bytes), bytes.length)) {
            assertThat(CsvReaderTest.drain(source)).hasSize(2);
        }
        assertThatThrownBy(() -> {
                    try (RowSource source = JsonRowSource.open(new ByteArrayInputStream(bytes), bytes.length - 1)) {
                        CsvReaderTest.drain(source);
                    }
                })
                .isInstanceOfSatisfying(
                        FileRejectedException.class, e -> assertThat(e.code()).isEqualTo("too_large"));
    }

    private static void assertRejected(String json, String code, String message) {
        assertThatThrownBy(() -> rows(json))
                .isInstanceOfSatisfying(
                        FileRejectedException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessageContaining(message);
    }

    private static List<RowSource.Row> rows(String json) throws IOException {
        try (RowSource source = open(json)) {
            return CsvReaderTest.drain(source);
        }
    }

    private static RowSource open(String json) throws IOException {
        return JsonRowSource.open(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), LIMIT);
    }
}
