package org.bulwark.cluster;

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
import org.apache.parquet.schema.MessageTypeParser;
import org.bulwark.screening.ScreeningInputRows;

/**
 * Writes a region's screening inputs as the Spark job's Parquet layout (docs/spark.md): {@code <dir>/<table>/
 * province=<PP>/part-<region>.parquet} for households, persons, incomes and records, the schemas the Spark module's
 * generator writes. Each file is written under a hidden name and renamed once complete, so an interrupted export
 * leaves no half file that Spark would read.
 */
public final class ParquetLayoutWriter implements ScreeningInputRows, AutoCloseable {

    static final MessageType HOUSEHOLDS = MessageTypeParser.parseMessageType("""
            message households {
              required int64 household_id;
              required binary village_code (STRING);
              required binary category (STRING);
            }""");
    static final MessageType PERSONS = MessageTypeParser.parseMessageType("""
            message persons {
              required int64 person_id;
              required int64 household_id;
              required binary village_code (STRING);
              optional binary id_number (STRING);
              optional int32 birth_date (DATE);
              optional binary labour_capacity (STRING);
            }""");
    static final MessageType INCOMES = MessageTypeParser.parseMessageType("""
            message incomes {
              required int64 household_id;
              required binary village_code (STRING);
              required int32 year;
              required double net_income;
            }""");
    static final MessageType RECORDS = MessageTypeParser.parseMessageType("""
            message records {
              required int64 record_id;
              required binary category (STRING);
              optional int64 household_id;
              optional int64 person_id;
              optional binary id_number (STRING);
              optional binary village_code (STRING);
              optional binary region_code (STRING);
              required int32 record_date (DATE);
              required group fields (MAP) {
                repeated group key_value {
                  required binary key (STRING);
                  optional binary value (STRING);
                }
              }
            }""");

    private static final int ROW_GROUP_BYTES = 32 << 20;

    private final List<Part> parts = new ArrayList<>();
    private final Part households;
    private final Part persons;
    private final Part incomes;
    private final Part records;

    /** Opens the four files of the region (a code prefix of at least the province's two digits) under {@code dir}. */
    public ParquetLayoutWriter(Path dir, String regionPrefix) {
        String province = "province=" + regionPrefix.substring(0, 2);
        households = open(dir.resolve("households").resolve(province), regionPrefix, HOUSEHOLDS);
        persons = open(dir.resolve("persons").resolve(province), regionPrefix, PERSONS);
        incomes = open(dir.resolve("incomes").resolve(province), regionPrefix, INCOMES);
        records = open(dir.resolve("records").resolve(province), regionPrefix, RECORDS);
    }

    private Part open(Path dir, String name, MessageType schema) {
        Part part = new Part(dir, name, schema);
        parts.add(part);
        return part;
    }

    @Override
    public void household(Household h) {
        households.write(households
                .row()
                .append("household_id", h.id())
                .append("village_code", h.villageCode())
                .append("category", h.category().name()));
    }

    @Override
    public void person(Person p) {
        Group row = persons.row()
                .append("person_id", p.id())
                .append("household_id", p.householdId())
                .append("village_code", p.villageCode());
        if (p.birthDate() != null) {
            row.append("birth_date", day(p.birthDate()));
        }
        if (p.labourCapacity() != null) {
            row.append("labour_capacity", p.labourCapacity().name());
        }
        persons.write(row);
    }

    @Override
    public void income(Income i) {
        incomes.write(incomes.row()
                .append("household_id", i.householdId())
                .append("village_code", i.villageCode())
                .append("year", i.year())
                .append("net_income", i.netIncome()));
    }

    @Override
    public void record(Record r) {
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
