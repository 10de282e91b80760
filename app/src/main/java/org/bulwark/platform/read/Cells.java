package org.bulwark.platform.read;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The cells of one row of a file with a header, as an unmodifiable map in header order, held as two arrays: a reader
 * of a million rows should not build two hash maps per row, and the importer reads the cells by position.
 */
public final class Cells extends AbstractMap<String, String> {

    private final List<String> header;
    private final String[] values;

    /**
     * @param header the distinct column names, in file order
     * @param values the cell of each column, by position ({@code ""} for an empty cell); kept, not copied
     */
    Cells(List<String> header, String[] values) {
        if (header.size() != values.length) {
            throw new IllegalArgumentException(values.length + " cells for " + header.size() + " columns");
        }
        this.header = header;
        this.values = values;
    }

    /** The columns, in file order. */
    public List<String> header() {
        return header;
    }

    /** The cell of the column at {@code position} in {@link #header()}. */
    public String value(int position) {
        return values[position];
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public String get(Object key) {
        int position = header.indexOf(key);
        return position < 0 ? null : values[position];
    }

    @Override
    public boolean containsKey(Object key) {
        return header.contains(key);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return values.length;
            }

            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(header.get(i), values[i]);
                    }
                };
            }
        };
    }

    /** Unmodifiable: a row's cells are what the file said. */
    @Override
    public String put(String key, String value) {
        throw new UnsupportedOperationException("a row's cells cannot be changed");
    }

    static boolean distinct(List<String> header) {
        return header.stream().distinct().count() == header.size();
    }
}
