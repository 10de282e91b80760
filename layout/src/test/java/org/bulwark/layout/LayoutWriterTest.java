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

    @Test
    void readsTheFourTablesBackAsTheRowsWritten() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id_number", "610102195003010011");
        fields.put("note", null);
        HouseholdRow household = new HouseholdRow(7, "610102001001", "MONITORED");
        PersonRow registered =
                new PersonRow(3, 7, "610102001001", "610102195003010011", LocalDate.of(1950, 3, 1), "FULL");
        PersonRow unknown = new PersonRow(4, 7, "610102001001", null, null, null);
        IncomeRow income = new IncomeRow(7, "610102001001", 2025, 8700.5);
        RecordRow matched = new RecordRow(
                11,
                "MEDICAL",
                7L,
                3L,
                "610102195003010011",
                "610102001001",
                "610102001001",
                LocalDate.of(2026, 1, 5),
                fields);
        RecordRow unmatched =
                new RecordRow(12, "WATER", null, null, null, null, "610102000000", LocalDate.of(2026, 2, 1), Map.of());
        try (LayoutWriter writer = new LayoutWriter(dir, "61")) {
            writer.household(household);
            writer.person(registered);
            writer.person(unknown);
            writer.income(income);
            writer.record(matched);
            writer.record(unmatched);
        }
        List<HouseholdRow> households = new ArrayList<>();
        LayoutReader.households(dir.resolve("households/province=61/part-61.parquet"), households::add);
        List<PersonRow> persons = new ArrayList<>();
        LayoutReader.persons(dir.resolve("persons/province=61/part-61.parquet"), persons::add);
        List<IncomeRow> incomes = new ArrayList<>();
        LayoutReader.incomes(dir.resolve("incomes/province=61/part-61.parquet"), incomes::add);
        List<RecordRow> records = new ArrayList<>();
        LayoutReader.records(dir.resolve("records/province=61/part-61.parquet"), records::add);

        assertThat(households).containsExactly(household);
        assertThat(persons).containsExactly(registered, unknown);
        assertThat(incomes).containsExactly(income);
        assertThat(records).containsExactly(matched, unmatched);
        assertThat(records.get(0).fields()).containsExactlyEntriesOf(fields);
    }

    private static List<Group> read(Path file) {
        List<Group> rows = new ArrayList<>();
        LayoutReader.read(file, rows::add);
        return rows;
    }
}
