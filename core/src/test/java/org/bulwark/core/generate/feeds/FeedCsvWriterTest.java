package org.bulwark.core.generate.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedCsvWriterTest {

    @TempDir
    Path folder;

    @Test
    void writesOneFilePerCategoryWithTheFirstRowsFieldsAsHeader() throws IOException {
        try (FeedCsvWriter writer = new FeedCsvWriter(folder)) {
            writer.record(
                    "death_record", row("id_number", "522324197804120319", "name", "王建国", "death_date", "2025-08-03"));
            writer.record("microcredit", row("household_number", "5223241010010023", "loan_date", "2024-03-20"));
            writer.record(
                    "death_record", row("id_number", "522324198511200563", "name", "李秀英", "death_date", "2025-09-01"));

            assertThat(writer.rowCounts()).containsExactly(Map.entry("death_record", 2L), Map.entry("microcredit", 1L));
        }

        assertThat(Files.readString(folder.resolve("death_record.csv"), StandardCharsets.UTF_8))
                .isEqualTo("id_number,name,death_date\r\n522324197804120319,王建国,2025-08-03\r\n"
                        + "522324198511200563,李秀英,2025-09-01\r\n");
        assertThat(Files.readString(folder.resolve("microcredit.csv")))
                .isEqualTo("household_number,loan_date\r\n5223241010010023,2024-03-20\r\n");
    }

    @Test
    void quotesCellsWithCommasQuotesLineBreaksOrEdgeBlanks() throws IOException {
        Map<String, String> tricky =
                row("reason", "房屋失火, 财物损毁", "note", "他说\"救急\"", "lines", "一\r\n二", "edges", " 空格 ", "plain", "3000.00");
        try (FeedCsvWriter writer = new FeedCsvWriter(folder)) {
            writer.record("temporary_assistance", tricky);
        }

        String text = Files.readString(folder.resolve("temporary_assistance.csv"));
        assertThat(text).endsWith("\"房屋失火, 财物损毁\",\"他说\"\"救急\"\"\",\"一\r\n二\",\" 空格 \",3000.00\r\n");
        assertThat(readCsv(text)).containsExactly(List.copyOf(tricky.keySet()), List.copyOf(tricky.values()));
    }

    @Test
    void givenColumnsFixTheHeaderAndMissingFieldsAreBlank() throws IOException {
        try (FeedCsvWriter writer = new FeedCsvWriter(
                folder,
                Map.of("housing_safety", List.of("household_number", "appraisal_date", "grade", "renovated_date")))) {
            writer.record("housing_safety", row("grade", "C", "household_number", "5223241010010023"));
        }

        assertThat(Files.readString(folder.resolve("housing_safety.csv")))
                .isEqualTo("household_number,appraisal_date,grade,renovated_date\r\n5223241010010023,,C,\r\n");
    }

    @Test
    void refusesARowWithAFieldOutsideItsFilesColumns() throws IOException {
        try (FeedCsvWriter writer = new FeedCsvWriter(folder)) {
            writer.record("death_record", row("id_number", "522324197804120319", "name", "王建国"));

            assertThatThrownBy(() -> writer.record(
                            "death_record", row("id_number", "522324197804120319", "death_date", "2025-08-03")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("death_date");
        }
        assertThat(Files.readAllLines(folder.resolve("death_record.csv"))).hasSize(2);
    }

    @Test
    void refusesACategoryCodeThatIsNotASafeFileName() throws IOException {
        try (FeedCsvWriter writer = new FeedCsvWriter(folder)) {
            assertThatThrownBy(() -> writer.record("../outside", row("a", "1")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Files.exists(folder.resolveSibling("outside.csv"))).isFalse();
    }

    @Test
    void refusesRowsOnceClosedRatherThanOverwriteAFile() throws IOException {
        FeedCsvWriter writer = new FeedCsvWriter(folder);
        writer.record("death_record", row("id_number", "522324197804120319"));
        writer.close();

        assertThatThrownBy(() -> writer.record("death_record", row("id_number", "522324198511200563")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(Files.readAllLines(folder.resolve("death_record.csv"))).hasSize(2);
    }

    @Test
    void generatedFeedsReadBackAsTheRowsThatWereWritten() throws IOException {
        CollectedRows collected = new CollectedRows();
        try (FeedCsvWriter writer = new FeedCsvWriter(folder, FeedCategory.columns())) {
            new DepartmentFeedGenerator(new FeedSettings(3L, FeedFixtures.AS_OF, 0.5, 0.5, 0.05))
                    .generate(FeedFixtures.households(400, 2L).iterator(), (category, row) -> {
                        collected.record(category, row);
                        writer.record(category, row);
                    });
        }

        for (FeedCategory category : FeedCategory.values()) {
            List<Map<String, String>> expected = collected.of(category.code());
            Path file = folder.resolve(category.code() + ".csv");
            if (expected.isEmpty()) {
                assertThat(file).doesNotExist();
                continue;
            }
            List<List<String>> lines = readCsv(Files.readString(file, StandardCharsets.UTF_8));
            assertThat(lines.get(0)).isEqualTo(category.fields());
            assertThat(lines.subList(1, lines.size()))
                    .isEqualTo(
                            expected.stream().map(r -> List.copyOf(r.values())).toList());
        }
    }

    private static Map<String, String> row(String... namesAndValues) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }

    /** A strict RFC 4180 reader: CRLF line ends, quoted cells may hold anything with quotes doubled. */
    private static List<List<String>> readCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && cell.isEmpty()) {
                i++;
                while (!(text.charAt(i) == '"' && (i + 1 == text.length() || text.charAt(i + 1) != '"'))) {
                    cell.append(text.charAt(i));
                    i += text.charAt(i) == '"' ? 2 : 1;
                }
                i++;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
                i++;
            } else if (c == '\r' && text.charAt(i + 1) == '\n') {
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i += 2;
            } else {
                cell.append(c);
                i++;
            }
        }
        assertThat(record).as("the text ends with a line break").isEmpty();
        return records;
    }
}
