package org.bulwark.exchange.store;

import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Streams COPY text to PostgreSQL from a thread of its own, so that reading and checking the file (this machine's
 * first core) and PostgreSQL parsing and storing the rows (its second core) run side by side. The reading thread
 * fills a buffer and hands it over; the copying thread writes it to the connection. The connection is used by the
 * copying thread only between {@link #open} and {@link #finish}, and by nobody else meanwhile.
 */
final class CopyPipe<B extends CopyBuffer> implements AutoCloseable {

    /** Bytes a buffer collects before it is handed over: large enough to amortise the hand-over, small enough to overlap. */
    static final int BUFFER_BYTES = 1 << 20;

    private final CopyBuffer end = new CopyText(0);
    private final BlockingQueue<CopyBuffer> full = new ArrayBlockingQueue<>(4);
    private final BlockingQueue<B> empty = new ArrayBlockingQueue<>(6);
    private final Thread thread;
    private final CopyIn copy;
    private volatile Throwable failure;
    private long rowsCopied;
    private long waitNanos;
    private volatile long cpuNanos;
    private B current;

    private CopyPipe(CopyIn copy, String name, IntFunction<B> buffers) {
        this.copy = copy;
        for (int i = 0; i < 5; i++) {
            empty.add(buffers.apply(BUFFER_BYTES + (BUFFER_BYTES >> 2)));
        }
        this.current = empty.poll();
        this.thread = new Thread(this::drain, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Starts {@code copySql} ({@code COPY … FROM STDIN}) on the connection and the thread that feeds it, with buffers
     * made by {@code buffers} (given their capacity).
     */
    static <B extends CopyBuffer> CopyPipe<B> open(
            CopyManager manager, String copySql, String threadName, IntFunction<B> buffers) throws SQLException {
        return new CopyPipe<>(manager.copyIn(copySql), threadName, buffers);
    }

    /** The buffer to append the next row to. */
    B row() {
        return current;
    }

    /** Hands the buffer over when it is full; call after each row. */
    void rowDone() throws SQLException {
        if (current.length() >= BUFFER_BYTES) {
            handOver();
        }
    }

    /**
     * Sends what is left, ends the COPY and waits for PostgreSQL to have stored every row.
     *
     * @return the rows PostgreSQL reports as copied
     */
    long finish() throws SQLException {
        if (current.length() > 0) {
            handOver();
        }
        put(end);
        join();
        rethrow();
        return rowsCopied;
    }

    /** CPU time of the copying thread, once the copy has finished. */
    long cpuNanos() {
        return cpuNanos;
    }

    /** Nanoseconds the reading thread waited for a free buffer: time PostgreSQL was the slower side. */
    long waitNanos() {
        return waitNanos;
    }

    /** After a failure while reading: ends the COPY (keeping what was sent, for the caller to discard) and the thread. */
    @Override
    public void close() {
        if (thread.isAlive()) {
            full.clear();
            try {
                full.put(end);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            join();
        }
    }

    private void handOver() throws SQLException {
        put(current);
        long start = System.nanoTime();
        try {
            B next = null;
            while (next == null) {
                rethrow();
                next = empty.poll(100, TimeUnit.MILLISECONDS);
            }
            current = next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        }
        waitNanos += System.nanoTime() - start;
    }

    private void put(CopyBuffer buffer) throws SQLException {
        try {
            while (!full.offer(buffer, 100, TimeUnit.MILLISECONDS)) {
                rethrow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        }
    }

    private void drain() {
        boolean ended = false;
        try {
            while (true) {
                CopyBuffer buffer = full.take();
                if (buffer == end) {
                    ended = true;
                    break;
                }
                if (failure == null) {
                    copy.writeToCopy(buffer.bytes(), 0, buffer.length());
                }
                buffer.clear();
                @SuppressWarnings("unchecked") // only buffers of type B are handed over, besides the end marker
                B emptied = (B) buffer;
                empty.put(emptied);
            }
            rowsCopied = copy.endCopy();
            cpuNanos = CheckedRows.threadCpu();
        } catch (Throwable e) {
            failure = e;
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException cancel) {
                e.addSuppressed(cancel);
            }
            // take what the reading thread still hands over until it ends the pipe (it sees the failure and stops);
            // when the failure came after the end (endCopy failed), there is nothing more to wait for
            try {
                while (!ended && full.take() != end) {
                    // discard
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        }
    }

    private void rethrow() throws SQLException {
        Throwable e = failure;
        if (e instanceof SQLException sql) {
            throw sql;
        }
        if (e != null) {
            throw new IllegalStateException("copying to the database failed: " + e.getMessage(), e);
        }
    }
}
