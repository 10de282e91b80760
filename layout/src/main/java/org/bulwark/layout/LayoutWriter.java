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
import java.util.function.BiConsumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes one region's rows as the Parquet layout the Spark job reads ({@link ParquetLayout}): {@code <dir>/<table>/
 * province=<PP>/part-<name>.parquet} for households, persons, incomes and records, streaming (a row group at a time),
 * each file written under a hidden name and renamed when complete, so an interrupted run leaves no half file that
 * Spark reads. The Spark module's generator writes a county with it (and its copy a source file again), the tools'
 * {@code export-parquet} a region. Rows go field by field into Parquet's record consumer ({@link RowWriteSupport}).
 */
public final class LayoutWriter implements RegionSink, AutoCloseable {

    private static final int ROW_GROUP_BYTES = 32 << 20;

    private final List<Part<?>> parts = new ArrayList<>();
    private final Part<HouseholdRow> households;
    private final Part<PersonRow> persons;
    private final Part<IncomeRow> incomes;
    private final Part<RecordRow> records;

    /**
     * Opens the four files of a region under {@code dir}: {@code name} starts with the province's two digits (a
     * region's code prefix, or a county's code with a suffix of its own) and names the files.
     */
    public LayoutWriter(Path dir, String name) {
        households = open(dir, name, ParquetLayout.HOUSEHOLDS, LayoutWriter::writeHousehold);
        persons = open(dir, name, ParquetLayout.PERSONS, LayoutWriter::writePerson);
        incomes = open(dir, name, ParquetLayout.INCOMES, LayoutWriter::writeIncome);
        records = open(dir, name, ParquetLayout.RECORDS, LayoutWriter::writeRecord);
    }

    private <T> Part<T> open(Path dir, String name, MessageType schema, BiConsumer<RecordConsumer, T> writeRow) {
        Part<T> part =
                new Part<>(ParquetLayout.partition(dir, schema, name), name, new RowWriteSupport<>(schema, writeRow));
        parts.add(part);
        return part;
    }

    @Override
    public void household(HouseholdRow h) {
        households.write(h);
    }

    @Override
    public void person(PersonRow p) {
        persons.write(p);
    }

    @Override
    public void income(IncomeRow i) {
        incomes.write(i);
    }

    @Override
    public void record(RecordRow r) {
        records.write(r);
    }

    private static void writeHousehold(RecordConsumer out, HouseholdRow h) {
        longField(out, "household_id", 0, h.id());
        stringField(out, "village_code", 1, h.villageCode());
        stringField(out, "category", 2, h.category());
    }

    private static void writePerson(RecordConsumer out, PersonRow p) {
        longField(out, "person_id", 0, p.id());
        longField(out, "household_id", 1, p.householdId());
        stringField(out, "village_code", 2, p.villageCode());
        stringField(out, "id_number", 3, p.idNumber());
        if (p.birthDate() != null) {
            intField(out, "birth_date", 4, day(p.birthDate()));
        }
        stringField(out, "labour_capacity", 5, p.labourCapacity());
    }

    private static void writeIncome(RecordConsumer out, IncomeRow i) {
        longField(out, "household_id", 0, i.householdId());
        stringField(out, "village_code", 1, i.villageCode());
        intField(out, "year", 2, i.year());
        out.startField("net_income", 3);
        out.addDouble(i.netIncome());
        out.endField("net_income", 3);
    }

    private static void writeRecord(RecordConsumer out, RecordRow r) {
        longField(out, "record_id", 0, r.id());
        stringField(out, "category", 1, r.category());
        if (r.householdId() != null) {
            longField(out, "household_id", 2, r.householdId());
        }
        if (r.personId() != null) {
            longField(out, "person_id", 3, r.personId());
        }
        stringField(out, "id_number", 4, r.idNumber());
        stringField(out, "village_code", 5, r.villageCode());
        stringField(out, "region_code", 6, r.regionCode());
        intField(out, "record_date", 7, day(r.date()));
        out.startField("fields", 8);
        out.startGroup();
        if (!r.fields().isEmpty()) {
            out.startField("key_value", 0);
            for (Map.Entry<String, String> field : r.fields().entrySet()) {
                out.startGroup();
                stringField(out, "key", 0, field.getKey());
                stringField(out, "value", 1, field.getValue());
                out.endGroup();
            }
            out.endField("key_value", 0);
        }
        out.endGroup();
        out.endField("fields", 8);
    }

    private static void longField(RecordConsumer out, String name, int index, long value) {
        out.startField(name, index);
        out.addLong(value);
        out.endField(name, index);
    }

    private static void intField(RecordConsumer out, String name, int index, int value) {
        out.startField(name, index);
        out.addInteger(value);
        out.endField(name, index);
    }

    /** An optional text is left out when null; the schema says which are required. */
    private static void stringField(RecordConsumer out, String name, int index, String value) {
        if (value != null) {
            out.startField(name, index);
            out.addBinary(Binary.fromString(value));
            out.endField(name, index);
        }
    }

    private static int day(LocalDate date) {
        return (int) date.toEpochDay();
    }

    /** Completes the four files. */
    @Override
    public void close() {
        for (Part<?> part : parts) {
            part.close();
        }
    }

    private static final class Part<T> {
        private final Path hidden;
        private final Path file;
        private final ParquetWriter<T> writer;

        Part(Path dir, String name, RowWriteSupport<T> support) {
            try {
                Files.createDirectories(dir);
                file = dir.resolve("part-" + name + ".parquet");
                hidden = dir.resolve(".part-" + name + ".parquet.tmp");
                Files.deleteIfExists(hidden);
                // parquet's own configuration: nothing here reads Hadoop's
                writer = new Builder<>(new LocalOutputFile(hidden), support)
                        .withConf(new PlainParquetConfiguration())
                        .withCompressionCodec(CompressionCodecName.SNAPPY)
                        .withRowGroupSize(ROW_GROUP_BYTES)
                        .build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void write(T row) {
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

    private static final class Builder<T> extends ParquetWriter.Builder<T, Builder<T>> {
        private final RowWriteSupport<T> support;

        Builder(OutputFile file, RowWriteSupport<T> support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder<T> self() {
            return this;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(Configuration conf) {
            return support;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(ParquetConfiguration conf) {
            return support;
        }
    }
}
