package org.bulwark.core.generate.feeds;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes each category's rows to {@code <category>.csv} in a folder: UTF-8, RFC 4180 (comma separated, CRLF line
 * ends, a cell quoted when it holds a comma, quote or line break, quotes doubled), with the field names as header. The
 * columns of a category are those given to the constructor, else the keys of its first row, in their order.
 */
public final class FeedCsvWriter implements FeedSink, Closeable {

    private static final int BUFFER_CHARS = 1 << 16;

    private final Path folder;
    private final Map<String, List<String>> columns;
    private final Map<String, Writer> writers = new LinkedHashMap<>();
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
            Writer writer = writers.get(category);
            if (writer == null) {
                writer = open(category, row);
            }
            List<String> names = columns.get(category);
            int present = 0;
            for (String name : names) {
                present += row.containsKey(name) ? 1 : 0;
            }
            if (present != row.size()) {
                throw new IllegalArgumentException("a row of " + category + " has fields beyond its columns "
                        + names + ": " + row.keySet());
            }
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    writer.write(',');
                }
                String value = row.get(names.get(i));
                writeCell(writer, value == null ? "" : value);
            }
            writer.write("\r\n");
            rowCounts.merge(category, 1L, Long::sum);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + category + ".csv", e);
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
        for (Writer writer : writers.values()) {
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

    private Writer open(String category, Map<String, String> firstRow) throws IOException {
        // the code becomes a file name: letters, digits and underscores only, so it cannot leave the folder
        if (!category.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("category code " + category + " is not a safe file name");
        }
        List<String> names = columns.computeIfAbsent(category, c -> List.copyOf(firstRow.keySet()));
        Writer writer = new BufferedWriter(Files.newBufferedWriter(folder.resolve(category + ".csv"),
                StandardCharsets.UTF_8), BUFFER_CHARS);
        writers.put(category, writer);
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writeCell(writer, names.get(i));
        }
        writer.write("\r\n");
        return writer;
    }

    private static void writeCell(Writer writer, String value) throws IOException {
        if (!needsQuotes(value)) {
            writer.write(value);
            return;
        }
        writer.write('"');
        writer.write(value.replace("\"", "\"\""));
        writer.write('"');
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        // a reader that strips cells would lose blanks at the edges unless they are quoted
        return !value.isEmpty() && (Character.isWhitespace(value.charAt(0))
                || Character.isWhitespace(value.charAt(value.length() - 1)));
    }
}
