package org.bulwark.layout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Writes one region's rows as the Parquet layout the Spark job reads ({@link ParquetLayout}): {@code <dir>/<table>/
 * province=<PP>/part-<name>.parquet} for households, persons, incomes and records, streaming (a row group at a time),
 * each file written under a hidden name and renamed when complete, so an interrupted run leaves no half file that
 * Spark reads. The Spark module's generator writes a county with it, the tools' {@code export-parquet} a region.
 */
public final class LayoutWriter implements RegionSink, AutoCloseable {

    private static final int ROW_GROUP_BYTES = 32 << 20;

    private final List<Part> parts = new ArrayList<>();
    private final Part households;
    private final Part persons;
    private final Part incomes;
    private final Part records;

    /**
     * Opens the four files of a region under {@code dir}: {@code name} starts with the province's two digits (a
     * region's code prefix, or a county's code with a suffix of its own) and names the files.
     */
    public LayoutWriter(Path dir, String name) {
        households = open(dir, name, ParquetLayout.HOUSEHOLDS);
        persons = open(dir, name, ParquetLayout.PERSONS);
        incomes = open(dir, name, ParquetLayout.INCOMES);
        records = open(dir, name, ParquetLayout.RECORDS);
    }

    private Part open(Path dir, String name, MessageType schema) {
        Part part = new Part(ParquetLayout.partition(dir, schema, name), name, schema);
        parts.add(part);
        return part;
    }

    @Override
    public void household(HouseholdRow h) {
        households.write(households
                .row()
                .append("household_id", h.id())
                .append("village_code", h.villageCode())
                .append("category", h.category()));
    }

    @Override
    public void person(PersonRow p) {
        Group row = persons.row()
                .append("person_id", p.id())
                .append("household_id", p.householdId())
                .append("village_code", p.villageCode());
        if (p.idNumber() != null) {
            row.append("id_number", p.idNumber());
        }
        if (p.birthDate() != null) {
            row.append("birth_date", day(p.birthDate()));
        }
        if (p.labourCapacity() != null) {
            row.append("labour_capacity", p.labourCapacity());
        }
        persons.write(row);
    }

    @Override
    public void income(IncomeRow i) {
        incomes.write(incomes.row()
                .append("household_id", i.householdId())
                .append("village_code", i.villageCode())
                .append("year", i.year())
                .append("net_income", i.netIncome()));
    }

    @Override
    public void record(RecordRow r) {
        Group row = records.row().append("record_id", r.id()).append("category", r.category());
        if (r.householdId() != null) {
            row.append("household_id", r.householdId());
        }
        if (r.personId() != null) {
            row.append("person_id", r.personId());
        }
        appendIfPresent(row, "id_number", r.idNumber());
        appendIfPresent(row, "village_code", r.villageCode());
        appendIfPresent(row, "region_code", r.regionCode());
        row.append("record_date", day(r.date()));
        Group fields = row.addGroup("fields");
        for (Map.Entry<String, String> field : r.fields().entrySet()) {
            Group entry = fields.addGroup("key_value").append("key", field.getKey());
            appendIfPresent(entry, "value", field.getValue());
        }
        records.write(row);
    }

    private static void appendIfPresent(Group row, String field, String value) {
        if (value != null) {
            row.append(field, value);
        }
    }

    private static int day(LocalDate date) {
        return (int) date.toEpochDay();
    }

    /** Completes the four files. */
    @Override
    public void close() {
        for (Part part : parts) {
            part.close();
        }
    }

    private static final class Part {
        private final SimpleGroupFactory factory;
        private final Path hidden;
        private final Path file;
        private final ParquetWriter<Group> writer;

        Part(Path dir, String name, MessageType schema) {
            try {
                Files.createDirectories(dir);
                file = dir.resolve("part-" + name + ".parquet");
                hidden = dir.resolve(".part-" + name + ".parquet.tmp");
                Files.deleteIfExists(hidden);
                factory = new SimpleGroupFactory(schema);
                // parquet's own configuration: nothing here reads Hadoop's
                writer = ExampleParquetWriter.builder(new LocalOutputFile(hidden))
                        .withConf(new PlainParquetConfiguration())
                        .withType(schema)
                        .withCompressionCodec(CompressionCodecName.SNAPPY)
                        .withRowGroupSize(ROW_GROUP_BYTES)
                        .build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Group row() {
            return factory.newGroup();
        }

        void write(Group row) {
            try {
                writer.write(row);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void close() {
            try {
                writer.close();
                Files.move(hidden, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
