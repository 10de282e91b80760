package org.bulwark.platform.read;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/** Iterates over rows read on demand by a function that returns null at the end of the file. */
final class RowIterator implements Iterator<RowSource.Row> {

    private final Supplier<RowSource.Row> reader;
    private RowSource.Row next;
    private boolean ended;

    RowIterator(Supplier<RowSource.Row> reader) {
        this.reader = reader;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !ended) {
            next = reader.get();
            ended = next == null;
        }
        return next != null;
    }

    @Override
    public RowSource.Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RowSource.Row row = next;
        next = null;
        return row;
    }
}
