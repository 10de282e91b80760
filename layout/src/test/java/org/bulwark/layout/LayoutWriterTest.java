package org.bulwark.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesTheFourTablesUnderTheProvincePartitionOnlyOnceClosed() throws IOException {
        Path households = dir.resolve("households/province=52/part-520102.parquet");
        try (LayoutWriter writer = new LayoutWriter(dir, "520102")) {
            writer.household(new HouseholdRow(7, "520102001001", "MONITORED"));
            assertThat(households).doesNotExist();
        }
        for (String table : List.of("households", "persons", "incomes", "records")) {
            assertThat(dir.resolve(table + "/province=52/part-520102.parquet")).exists();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.map(file -> file.getFileName().toString())).noneMatch(name -> name.startsWith("."));
        }
        assertThat(read(households)).singleElement().satisfies(row -> {
            assertThat(row.getLong("household_id", 0)).isEqualTo(7);
            assertThat(row.getString("category", 0)).isEqualTo("MONITORED");
        });
    }

    @Test
    void keepsAbsentValuesAbsentAndDatesAsDaysAndFieldsAsAMap() throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("amount", "1200.0");
        fields.put("note", null);
        try (LayoutWriter writer = new LayoutWriter(dir, "61")) {
            writer.person(new PersonRow(3, 7, "610102001001", null, LocalDate.of(1950, 3, 1), null));
            writer.record(new RecordRow(
                    11,
                    "MEDICAL",
                    null,
                    null,
                    "610102195003010011",
                    null,
                    "610102000000",
                    LocalDate.of(2026, 1, 5),
                    fields));
        }
        Group person = read(dir.resolve("persons/province=61/part-61.parquet")).get(0);
        assertThat(person.getFieldRepetitionCount("id_number")).isZero();
        assertThat(person.getFieldRepetitionCount("labour_capacity")).isZero();
        assertThat(person.getInteger("birth_date", 0))
                .isEqualTo((int) LocalDate.of(1950, 3, 1).toEpochDay());
        Group record = read(dir.resolve("records/province=61/part-61.parquet")).get(0);
        assertThat(record.getFieldRepetitionCount("household_id")).isZero();
        assertThat(record.getString("region_code", 0)).isEqualTo("610102000000");
        Group map = record.getGroup("fields", 0);
        assertThat(map.getFieldRepetitionCount("key_value")).isEqualTo(2);
        assertThat(map.getGroup("key_value", 0).getString("value", 0)).isEqualTo("1200.0");
        assertThat(map.getGroup("key_value", 1).getFieldRepetitionCount("value"))
                .isZero();
    }

    private static List<Group> read(Path file) {
        List<Group> rows = new ArrayList<>();
        LayoutReader.read(file, rows::add);
        return rows;
    }
}
