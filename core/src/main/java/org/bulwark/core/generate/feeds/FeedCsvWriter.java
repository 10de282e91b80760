package org.bulwark.core.generate.feeds;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bulwark.core.csv.CsvStyles;

/**
 * Writes each category's rows to {@code <category>.csv} in a folder with FastCSV: UTF-8, RFC 4180 (comma separated,
 * CRLF line ends, a cell quoted when it holds a comma, quote or line break, or has blanks at its edges, quotes doubled),
 * with the field names as header. The
 * columns of a category are those given to the constructor, else the keys of its first row, in their order.
 */
public final class FeedCsvWriter implements FeedSink, Closeable {

    private final Path folder;
    private final Map<String, List<String>> columns;
    private final Map<String, CsvWriter> writers = new LinkedHashMap<>();
    private final Map<String, Long> rowCounts = new LinkedHashMap<>();
    private boolean closed;

    /** A writer into {@code folder} (created if missing) that takes each category's columns from its first row. */
    public FeedCsvWriter(Path folder) throws IOException {
        this(folder, Map.of());
    }

    /** A writer into {@code folder} (created if missing) with fixed columns per category code. */
    public FeedCsvWriter(Path folder, Map<String, List<String>> columns) throws IOException {
        this.folder = Files.createDirectories(Objects.requireNonNull(folder, "folder"));
        this.columns = new LinkedHashMap<>();
        columns.forEach((category, names) -> this.columns.put(category, List.copyOf(names)));
    }

    /**
     * Appends a row to its category's file.
     *
     * @throws IllegalArgumentException when the row has a field that is not a column of its file
     * @throws UncheckedIOException     when the file cannot be written
     * @throws IllegalStateException    after {@link #close()}
     */
    @Override
    public void record(String category, Map<String, String> row) {
        if (closed) {
            // reopening would overwrite the file written so far
            throw new IllegalStateException("the writer is closed");
        }
        try {
            CsvWriter writer = writers.get(category);
            if (writer == null) {
                writer = open(category, row);
            }
            List<String> names = columns.get(category);
            int present = 0;
            for (String name : names) {
                present += row.containsKey(name) ? 1 : 0;
            }
            if (present != row.size()) {
                throw new IllegalArgumentException(
                        "a row of " + category + " has fields beyond its columns " + names + ": " + row.keySet());
            }
            List<String> cells = new ArrayList<>(names.size());
            for (String name : names) {
                cells.add(row.get(name));
            }
            writer.writeRecord(cells);
            rowCounts.merge(category, 1L, Long::sum);
        } catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException(
                    "cannot write " + category + ".csv",
                    e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e);
        }
    }

    /** Rows written so far per category, in the order the files were opened. */
    public Map<String, Long> rowCounts() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(rowCounts));
    }

    /** Flushes and closes every file. */
    @Override
    public void close() throws IOException {
        closed = true;
        IOException failure = null;
        for (CsvWriter writer : writers.values()) {
            try {
                writer.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        writers.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private CsvWriter open(String category, Map<String, String> firstRow) throws IOException {
        // the code becomes a file name: letters, digits and underscores only, so it cannot leave the folder
        if (!category.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("category code " + category + " is not a safe file name");
        }
        List<String> names = columns.computeIfAbsent(category, c -> List.copyOf(firstRow.keySet()));
        CsvWriter writer = CsvStyles.writer(CsvStyles.EDGE_BLANKS, LineDelimiter.CRLF)
                .build(folder.resolve(category + ".csv"), StandardCharsets.UTF_8);
        writers.put(category, writer);
        writer.writeRecord(names);
        return writer;
    }
}
