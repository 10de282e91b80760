package org.bulwark.core.csv;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadsheetCsvWriterTest {

    @Test
    void writesAByteOrderMarkCrlfAndCellsThatReadBackAsWritten() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SpreadsheetCsvWriter writer = SpreadsheetCsvWriter.open(out)) {
            writer.row("户编号", "住址", "备注");
            writer.row("5223240010010001", "三组, 12号", null);
            writer.row(null, "他说\"好\"", "#不是注释");
        }
        byte[] bytes = out.toByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("户编号,住址,备注\r\n").contains("\r\n5223240010010001,\"三组, 12号\",\r\n");
        List<List<String>> rows = CsvReader.builder().ofCsvRecord(text).stream()
                .map(CsvRecord::getFields)
                .toList();
        assertThat(rows)
                .containsExactly(
                        List.of("户编号", "住址", "备注"),
                        List.of("5223240010010001", "三组, 12号", ""),
                        List.of("", "他说\"好\"", "#不是注释"));
    }

    @Test
    void flushLeavesTheStreamOpenForWhatFollows() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SpreadsheetCsvWriter writer = SpreadsheetCsvWriter.open(out);
        writer.row("a", "b");
        writer.flush();
        assertThat(out.size()).isEqualTo(3 + "a,b\r\n".length());
    }
}
