package org.bulwark.core.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {

    private static List<List<String>> parse(String text) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CsvRecordReader csv = new CsvRecordReader(new StringReader(text), "test.csv")) {
            List<String> row;
            while ((row = csv.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void packageFormat() throws IOException {
        assertThat(parse("code,name,provinceCode\n5223,\"黔西南布依族苗族自治州\",52\n"))
                .containsExactly(List.of("code", "name", "provinceCode"), List.of("5223", "黔西南布依族苗族自治州", "52"));
    }

    @Test
    void quotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        assertThat(parse("a,\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\",\"\"\n"))
                .containsExactly(List.of("a", "x, y", "say \"hi\"", "two\nlines", ""));
    }

    @Test
    void crlfBomBlankLinesEmptyFieldsAndNoFinalNewline() throws IOException {
        assertThat(parse("\uFEFFcode,name\r\n\r\n11,\r\n,\n12,\"天津市\""))
                .containsExactly(List.of("code", "name"), List.of("11", ""), List.of("", ""), List.of("12", "天津市"));
        assertThat(parse("")).isEmpty();
    }

    @Test
    void recordLineCountsQuotedLineBreaks() throws IOException {
        try (CsvRecordReader csv = new CsvRecordReader(new StringReader("h\n\"a\nb\"\nc\n"), "t.csv")) {
            csv.next();
            assertThat(csv.recordLine()).isEqualTo(1);
            csv.next();
            assertThat(csv.recordLine()).isEqualTo(2);
            assertThat(csv.next()).containsExactly("c");
            assertThat(csv.recordLine()).isEqualTo(4);
        }
    }

    @Test
    void malformedInput() {
        assertThatThrownBy(() -> parse("a,\"open\n"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("unterminated");
        assertThatThrownBy(() -> parse("a,\"x\"y\n"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("after closing quote")
                .hasMessageContaining("test.csv line 1");
    }

    @Test
    void longInputCrossesBufferBoundaries() throws IOException {
        StringBuilder sb = new StringBuilder("code,name\n");
        for (int i = 0; i < 20_000; i++) {
            sb.append(100000 + i).append(",\"名字,").append(i).append("\"\n");
        }
        List<List<String>> rows = parse(sb.toString());
        assertThat(rows).hasSize(20_001);
        assertThat(rows.get(20_000)).containsExactly("119999", "名字,19999");
    }
}
