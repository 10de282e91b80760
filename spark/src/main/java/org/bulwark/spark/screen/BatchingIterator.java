package org.bulwark.spark.screen;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;

/**
 * Reads a sorted partition group by group into batches and hands out each batch's hits before reading on, so a
 * partition of millions of households is never held at once.
 */
abstract class BatchingIterator implements Iterator<Row> {

    private final Iterator<Row> input;
    private final ArrayDeque<Row> ready = new ArrayDeque<>();
    private boolean finished;

    BatchingIterator(Iterator<Row> input) {
        this.input = input;
    }

    /** Takes one input row; returns the hits of a batch it completed (before adding the row), else an empty list. */
    abstract List<Row> accept(Row row);

    /** The hits of the last batch, at the end of the input. */
    abstract List<Row> finish();

    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && input.hasNext()) {
            ready.addAll(accept(input.next()));
        }
        if (ready.isEmpty() && !finished) {
            finished = true;
            ready.addAll(finish());
        }
        return !ready.isEmpty();
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }
}
