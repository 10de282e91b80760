package org.bulwark.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rejected rows' CSV, byte for byte as officers have been getting it: BOM, CRLF, the same quoting. */
class ErrorFileTest {

    @Test
    void writesBomHeaderAndRowsWithCrlfAndMinimalQuotes() throws IOException {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("姓名", "王建国");
        raw.put("备注", "房屋失火, 财物损毁");
        raw.put("金额", "=1+2");
        raw.put("说明", "他说\"救急\"");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ErrorFile.writeCsv(
                List.of("姓名", "备注", "金额", "说明", "空"),
                List.of(new RejectedRow(3, "身份证号码无效", raw), new RejectedRow(7, "", Map.of())),
                out);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("\uFEFF"
                        + "原行号,姓名,备注,金额,说明,空,错误原因\r\n"
                        + "3,王建国,\"房屋失火, 财物损毁\",'=1+2,\"他说\"\"救急\"\"\",,身份证号码无效\r\n"
                        + "7,,,,,,\r\n");
    }

    @Test
    void quotesAnEmptyFirstCellAndCellsStartingWithACommentLikeCharacterOrEndingInABlank() throws IOException {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("a", "#1");
        raw.put("b", " 前后有空格 ");
        raw.put("c", "两行\n文字");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ErrorFile.writeCsv(List.of("a", "b", "c"), List.of(new RejectedRow(2, "x", raw)), out);

        assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("2,\"#1\",\" 前后有空格 \",\"两行\n文字\",x\r\n");
    }
}
