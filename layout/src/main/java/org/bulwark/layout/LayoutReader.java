package org.bulwark.layout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;

/**
 * Reads a file of the layout row by row, a row group at a time: the four input tables as their row records (the
 * generator's copy reads them so), any file as parquet-java's generic groups in the file's own schema (the tools read
 * the Spark job's hits so, whose schema Spark writes, not {@link ParquetLayout}).
 */
public final class LayoutReader {

    private LayoutReader() {}

    /** Hands each household of a layout file, in the file's order, to {@code rows}. */
    public static void households(Path file, Consumer<HouseholdRow> rows) {
        read(file, RowConverters::households, rows);
    }

    /** Hands each person of a layout file, in the file's order, to {@code rows}. */
    public static void persons(Path file, Consumer<PersonRow> rows) {
        read(file, RowConverters::persons, rows);
    }

    /** Hands each income of a layout file, in the file's order, to {@code rows}. */
    public static void incomes(Path file, Consumer<IncomeRow> rows) {
        read(file, RowConverters::incomes, rows);
    }

    /** Hands each record of a layout file, in the file's order, to {@code rows}. */
    public static void records(Path file, Consumer<RecordRow> rows) {
        read(file, RowConverters::records, rows);
    }

    /** Hands each row of {@code file}, in the file's order, to {@code rows}. */
    public static void read(Path file, Consumer<Group> rows) {
        read(file, GroupRecordConverter::new, rows);
    }

    private static <T> void read(Path file, Function<MessageType, RecordMaterializer<T>> rowsOf, Consumer<T> rows) {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<T> group =
                        new ColumnIOFactory().getColumnIO(schema).getRecordReader(pages, rowsOf.apply(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    rows.accept(group.read());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + ": " + e.getMessage(), e);
        }
    }
}
