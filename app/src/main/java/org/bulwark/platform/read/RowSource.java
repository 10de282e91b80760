package org.bulwark.platform.read;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of an uploaded file, read one at a time so that a file of a million rows needs little memory. Closing the
 * source closes the stream it reads and deletes any temporary file.
 */
public interface RowSource extends AutoCloseable {

    /** The non-blank header cells, stripped, in file order (for JSON the keys of the first object). */
    List<String> header();

    /**
     * The data rows, in file order; a single pass, so every call returns the same iterator. Its {@code hasNext} and
     * {@code next} throw {@link FileRejectedException} when the rest of the file turns out too large or malformed,
     * and {@link java.io.UncheckedIOException} when reading fails.
     */
    Iterator<Row> rows();

    /** Releases the stream and any temporary file. */
    @Override
    void close();

    /**
     * One data row of a file.
     *
     * @param number the row's number: in CSV and Excel the spreadsheet row (the header is row 1, blank rows count),
     *               in JSON the object's position in the array (the first object is 1)
     * @param cells  the cell text, stripped, by header cell in header order ({@code ""} for an empty cell); in JSON by
     *               the object's own keys
     */
    record Row(long number, Map<String, String> cells) {

        /** Copies the cells, keeping their order ({@link Cells} are unmodifiable already and kept). */
        public Row {
            cells = cells instanceof Cells ? cells : Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        }
    }
}
