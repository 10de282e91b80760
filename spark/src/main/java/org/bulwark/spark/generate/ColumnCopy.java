package org.bulwark.spark.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Copies one file of the layout as another province, column by column: each row's values go from a column reader
 * straight to a column writer, rewritten where they carry an id or a code ({@link ProvinceCopy}), without assembling
 * records: parquet-java's record assembly both ways took about half as much CPU again (measured on a 20,000-household
 * source copied five times). One row group is written per row group read, so memory holds one row group per file.
 * Rows whose county the filter refuses (the last pass's counties past the target) are skipped in every column.
 */
final class ColumnCopy {

    private static final int ROW_GROUP_BYTES = 32 << 20;
    private static final int PAGE_BYTES = 1 << 20;
    private static final int COLUMN_INDEX_TRUNCATE = 64;
    private static final Set<String> IDS = Set.of("household_id", "person_id", "record_id");
    private static final Set<String> CODES = Set.of("village_code", "region_code");
    private static final String ID_NUMBER = "id_number";

    private ColumnCopy() {}

    /**
     * Copies {@code source} to {@code target} (written under a hidden name, renamed when complete) as {@code copy}
     * says, keeping the rows whose county {@code keep} accepts (null: all); the rows written.
     */
    static long copy(Path source, Path target, ProvinceCopy copy, Predicate<String> keep) {
        Path hidden = target.resolveSibling("." + target.getFileName() + ".tmp");
        CodecFactory codecs = new CodecFactory(new PlainParquetConfiguration(), PAGE_BYTES);
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(source))) {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(hidden);
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            ParquetProperties properties = properties();
            ParquetFileWriter writer = new ParquetFileWriter(
                    new LocalOutputFile(hidden),
                    schema,
                    ParquetFileWriter.Mode.CREATE,
                    ROW_GROUP_BYTES,
                    0,
                    null,
                    properties);
            writer.start();
            long rows = 0;
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                rows += copyRowGroup(pages, schema, writer, codecs, properties, copy, keep);
            }
            writer.end(Map.of());
            Files.move(hidden, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("copying " + source + ": " + e.getMessage(), e);
        } finally {
            codecs.release();
        }
    }

    /**
     * Snappy pages as the layout's writer makes them, but without a dictionary for the ids and identity numbers,
     * which never repeat within a file (hashing them only to fall back to plain pages cost about a tenth of the
     * copy's CPU), nor the size statistics no reader of the layout uses.
     */
    private static ParquetProperties properties() {
        ParquetProperties.Builder builder = ParquetProperties.builder()
                .withPageSize(PAGE_BYTES)
                .withDictionaryPageSize(PAGE_BYTES)
                .withSizeStatisticsEnabled(false);
        for (String column : List.of("person_id", "record_id", ID_NUMBER)) {
            builder.withDictionaryEncoding(column, false);
        }
        return builder.build();
    }

    private static long copyRowGroup(
            PageReadStore pages,
            MessageType schema,
            ParquetFileWriter writer,
            CodecFactory codecs,
            ParquetProperties properties,
            ProvinceCopy copy,
            Predicate<String> keep)
            throws IOException {
        ColumnReadStoreImpl read =
                new ColumnReadStoreImpl(pages, new GroupRecordConverter(schema).getRootConverter(), schema, "bulwark");
        ColumnChunkPageWriteStore pageStore = new ColumnChunkPageWriteStore(
                codecs.getCompressor(CompressionCodecName.SNAPPY),
                schema,
                new HeapByteBufferAllocator(),
                COLUMN_INDEX_TRUNCATE,
                true);
        ColumnWriteStore write = properties.newColumnWriteStore(schema, pageStore);
        List<Column> columns = columns(schema, read, write, copy);
        ColumnReader village = reader(columns, "village_code");
        ColumnReader region = reader(columns, "region_code");
        long kept = 0;
        for (long row = 0; row < pages.getRowCount(); row++) {
            boolean keepRow = keep == null || keep.test(county(village, region));
            for (Column column : columns) {
                column.row(keepRow);
            }
            if (keepRow) {
                write.endRecord();
                kept++;
            }
        }
        if (kept > 0) {
            writer.startBlock(kept);
            write.flush();
            pageStore.flushToFileWriter(writer);
            writer.endBlock();
        }
        write.close();
        pageStore.close();
        return kept;
    }

    /** A top-level column's reader (a store gives each column one reader only), or null. */
    private static ColumnReader reader(List<Column> columns, String name) {
        for (Column column : columns) {
            String[] path = column.reader.getDescriptor().getPath();
            if (path.length == 1 && path[0].equals(name)) {
                return column.reader;
            }
        }
        return null;
    }

    /** The county of the reader's current row: its village's first six digits, else its region's. */
    private static String county(ColumnReader village, ColumnReader region) {
        ColumnReader place =
                village.getCurrentDefinitionLevel() == village.getDescriptor().getMaxDefinitionLevel()
                        ? village
                        : region;
        if (place == null
                || place.getCurrentDefinitionLevel() < place.getDescriptor().getMaxDefinitionLevel()) {
            return "";
        }
        Binary code = place.getBinary();
        return code.length() < 6 ? "" : new String(code.getBytesUnsafe(), 0, 6, StandardCharsets.US_ASCII);
    }

    private static List<Column> columns(
            MessageType schema, ColumnReadStoreImpl read, ColumnWriteStore write, ProvinceCopy copy) {
        List<Column> columns = new ArrayList<>();
        List<ColumnDescriptor> descriptors = schema.getColumns();
        for (int i = 0; i < descriptors.size(); i++) {
            ColumnDescriptor descriptor = descriptors.get(i);
            String[] path = descriptor.getPath();
            String name = path[path.length - 1];
            ColumnReader reader = read.getColumnReader(descriptor);
            ColumnWriter writer = write.getColumnWriter(descriptor);
            if (path.length == 3 && name.equals("key") && i + 1 < descriptors.size()) {
                ColumnDescriptor value = descriptors.get(++i);
                columns.add(
                        new MapColumn(reader, writer, read.getColumnReader(value), write.getColumnWriter(value), copy));
            } else if (IDS.contains(name)) {
                columns.add(new Column(reader, writer, Value.ID, copy));
            } else if (CODES.contains(name)) {
                columns.add(new Column(reader, writer, Value.CODE, copy));
            } else if (ID_NUMBER.equals(name)) {
                columns.add(new Column(reader, writer, Value.ID_NUMBER, copy));
            } else {
                columns.add(new Column(reader, writer, Value.SAME, copy));
            }
        }
        return columns;
    }

    private enum Value {
        SAME,
        ID,
        CODE,
        ID_NUMBER
    }

    /** A column's reader and writer, moving one row's values at a time. */
    private static class Column {
        final ColumnReader reader;
        final ColumnWriter writer;
        final int maxDefinition;
        final long total;
        final ProvinceCopy copy;
        private final Value value;
        private final PrimitiveType.PrimitiveTypeName type;
        private Binary lastCode;
        private Binary lastCodeCopied;
        long read;

        Column(ColumnReader reader, ColumnWriter writer, Value value, ProvinceCopy copy) {
            this.reader = reader;
            this.writer = writer;
            this.value = value;
            this.type = reader.getDescriptor().getPrimitiveType().getPrimitiveTypeName();
            this.copy = copy;
            this.maxDefinition = reader.getDescriptor().getMaxDefinitionLevel();
            this.total = reader.getTotalValueCount();
        }

        /** Moves (or skips) the current row's values: one, or a repeated field's several. */
        void row(boolean keep) {
            do {
                int repetition = reader.getCurrentRepetitionLevel();
                int definition = reader.getCurrentDefinitionLevel();
                if (definition < maxDefinition) {
                    if (keep) {
                        writer.writeNull(repetition, definition);
                    }
                } else if (!keep) {
                    reader.skip();
                } else {
                    write(repetition, definition);
                }
                reader.consume();
                read++;
            } while (read < total && reader.getCurrentRepetitionLevel() != 0);
        }

        void write(int repetition, int definition) {
            switch (type) {
                case INT64 ->
                    writer.write(
                            value == Value.ID ? copy.id(reader.getLong()) : reader.getLong(), repetition, definition);
                case INT32 -> writer.write(reader.getInteger(), repetition, definition);
                case DOUBLE -> writer.write(reader.getDouble(), repetition, definition);
                case FLOAT -> writer.write(reader.getFloat(), repetition, definition);
                case BOOLEAN -> writer.write(reader.getBoolean(), repetition, definition);
                default ->
                    writer.write(
                            switch (value) {
                                case CODE -> code(reader.getBinary());
                                case ID_NUMBER -> copy.idNumber(reader.getBinary());
                                default -> reader.getBinary();
                            },
                            repetition,
                            definition);
            }
        }

        /** A village or region code: rows of a village follow each other, so the last one is kept. */
        private Binary code(Binary code) {
            if (!code.equals(lastCode)) {
                lastCode = code.copy();
                lastCodeCopied = copy.code(lastCode);
            }
            return lastCodeCopied;
        }
    }

    /** A map's keys and values, moved together: a value carrying a code is rewritten by its key. */
    private static final class MapColumn extends Column {
        private final ColumnReader values;
        private final ColumnWriter valueWriter;
        private final int valueMaxDefinition;

        MapColumn(
                ColumnReader keys,
                ColumnWriter keyWriter,
                ColumnReader values,
                ColumnWriter valueWriter,
                ProvinceCopy copy) {
            super(keys, keyWriter, Value.SAME, copy);
            this.values = values;
            this.valueWriter = valueWriter;
            this.valueMaxDefinition = values.getDescriptor().getMaxDefinitionLevel();
        }

        @Override
        void row(boolean keep) {
            do {
                int repetition = reader.getCurrentRepetitionLevel();
                int definition = reader.getCurrentDefinitionLevel();
                int valueDefinition = values.getCurrentDefinitionLevel();
                if (!keep) {
                    if (definition == maxDefinition) {
                        reader.skip();
                    }
                    if (valueDefinition == valueMaxDefinition) {
                        values.skip();
                    }
                } else if (definition == maxDefinition) {
                    Binary key = reader.getBinary();
                    writer.write(key, repetition, definition);
                    if (valueDefinition == valueMaxDefinition) {
                        valueWriter.write(copy.field(key, values.getBinary()), repetition, valueDefinition);
                    } else {
                        valueWriter.writeNull(repetition, valueDefinition);
                    }
                } else {
                    writer.writeNull(repetition, definition);
                    valueWriter.writeNull(repetition, valueDefinition);
                }
                reader.consume();
                values.consume();
                read++;
            } while (read < total && reader.getCurrentRepetitionLevel() != 0);
        }
    }
}
