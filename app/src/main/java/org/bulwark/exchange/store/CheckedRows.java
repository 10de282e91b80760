package org.bulwark.exchange.store;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bulwark.core.exchange.RowProblem;
import org.bulwark.core.exchange.RowValidator;
import org.bulwark.core.exchange.ValidatedRow;
import org.bulwark.platform.read.Cells;
import org.bulwark.platform.read.RowSource;

/**
 * Reads a batch's rows on a thread of its own, checks each (its values against the category, its content hash
 * against the rows before it in the file) and hands them over in chunks, in file order, to the thread that matches
 * and stores them. On this machine's two cores, reading and checking a million rows (about half of the import's
 * Java work) then runs beside matching and encoding them, and PostgreSQL's COPY beside both.
 */
final class CheckedRows implements AutoCloseable {

    /** One row of the file, checked: valid (its typed values by field position, and its hash) or with its reasons. */
    record Row(long number, Map<String, String> cells, Object[] values, String problem, long hashHigh, long hashLow) {}

    private static final int CHUNK = 1024;
    /**
     * Chunks the reading thread may run ahead by: enough to keep reading while the importing thread reads the
     * registry and the earlier hashes, few enough that the rows waiting stay out of the old generation (BENCHMARKS.md:
     * 256 cost more to collect than the overlap gained).
     */
    private static final int QUEUED_CHUNKS = 64;

    private static final Object END = new Object();

    private final BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
    private final Thread thread;
    private volatile boolean stopped;
    private boolean ended;
    private int total;
    private volatile long cpuNanos;

    private CheckedRows(RowSource source, RowValidator validator, RecordRows records, String name) {
        this.thread = new Thread(() -> read(source, validator, records), name);
        this.thread.setDaemon(true);
    }

    /** Starts reading {@code source} on a new thread. */
    static CheckedRows start(RowSource source, RowValidator validator, RecordRows records, String threadName) {
        CheckedRows rows = new CheckedRows(source, validator, records, threadName);
        rows.thread.start();
        return rows;
    }

    /**
     * The next chunk of rows in file order, or null after the last. Rethrows what reading failed with (a
     * {@link org.bulwark.platform.read.FileRejectedException} for a file that breaks off part-way).
     */
    @SuppressWarnings("unchecked")
    List<Row> next() {
        if (ended) {
            return null;
        }
        Object item;
        try {
            item = chunks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        }
        if (item == END) {
            ended = true;
            return null;
        }
        if (item instanceof RuntimeException e) {
            ended = true;
            throw e;
        }
        if (item instanceof Error e) {
            ended = true;
            throw e;
        }
        List<Row> chunk = (List<Row>) item;
        total += chunk.size();
        return chunk;
    }

    /** Rows handed over so far. */
    int total() {
        return total;
    }

    /** Stops the reading thread (after a failure elsewhere) and waits for it. */
    @Override
    public void close() {
        stopped = true;
        chunks.clear();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void read(RowSource source, RowValidator validator, RecordRows records) {
        try {
            Checker checker = new Checker(source.header(), validator, records);
            List<Row> chunk = new ArrayList<>(CHUNK);
            Iterator<RowSource.Row> rows = source.rows();
            while (!stopped && rows.hasNext()) {
                chunk.add(checker.check(rows.next()));
                if (chunk.size() == CHUNK) {
                    checker.markDuplicates(chunk);
                    hand(chunk);
                    chunk = new ArrayList<>(CHUNK);
                }
            }
            if (!chunk.isEmpty()) {
                checker.markDuplicates(chunk);
                hand(chunk);
            }
            cpuNanos = threadCpu();
            hand(END);
        } catch (RuntimeException | Error e) {
            cpuNanos = threadCpu();
            hand(e);
        }
    }

    /** CPU time the reading thread used, once it has ended. */
    long cpuNanos() {
        return cpuNanos;
    }

    static long threadCpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private void hand(Object item) {
        try {
            while (!stopped && !chunks.offer(item, 100, TimeUnit.MILLISECONDS)) {
                // the other side is busy; try again unless it gave up
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Checks rows one at a time, in file order (the duplicates within the file are found in that order). */
    static final class Checker {

        private final List<String> header;
        private final RowValidator validator;
        private final RecordRows records;
        private final Map<String, String> headerToField;
        /** The field position of each header column, or -1. */
        private final int[] fieldOfColumn;

        private final int fields;
        private final BatchDuplicates seen = new BatchDuplicates();
        private long[] lows = new long[0];
        /** What touching the table read, kept so that the reads are not optimised away. */
        long touched;

        private final List<RowProblem> problems = new ArrayList<>();

        Checker(List<String> header, RowValidator validator, RecordRows records) {
            this.header = header;
            this.validator = validator;
            this.records = records;
            this.headerToField = validator.headerToField(header);
            this.fields = validator.schema().fields().size();
            this.fieldOfColumn = new int[header.size()];
            for (int i = 0; i < header.size(); i++) {
                String field = headerToField.get(header.get(i));
                fieldOfColumn[i] = field == null ? -1 : records.position(field);
            }
        }

        Row check(RowSource.Row row) {
            Object[] values = new Object[fields];
            problems.clear();
            boolean valid;
            if (row.cells() instanceof Cells cells && cells.header() == header) {
                // a CSV row under the checked header: its cells by position, no map to build
                String[] byField = new String[fields];
                for (int i = 0; i < fieldOfColumn.length; i++) {
                    if (fieldOfColumn[i] >= 0) {
                        byField[fieldOfColumn[i]] = cells.value(i);
                    }
                }
                valid = validator.validate(row.number(), byField, values, problems);
            } else {
                ValidatedRow validated = validator.validate(row.number(), byField(row.cells()));
                validated.values().forEach((field, value) -> values[records.position(field)] = value);
                problems.addAll(validated.problems());
                valid = problems.isEmpty();
            }
            if (!valid) {
                return new Row(row.number(), row.cells(), null, RecordStore.describe(problems), 0, 0);
            }
            byte[] hash = records.hash(values);
            long high = RecordRows.longAt(hash, 0);
            long low = RecordRows.longAt(hash, 8);
            return new Row(row.number(), row.cells(), values, null, high, low);
        }

        /**
         * Turns the rows of a chunk that repeat an earlier row of the file into "与本文件第 N 行完全相同", in file order.
         * The places of the chunk's hashes in the table are touched first, all of them, so that the processor waits
         * for those misses side by side rather than one row after the other (a fifth of the reading thread's time).
         */
        void markDuplicates(List<Row> chunk) {
            int n = chunk.size();
            if (lows.length < n) {
                lows = new long[n];
            }
            int valid = 0;
            for (Row row : chunk) {
                if (row.values() != null) {
                    lows[valid++] = row.hashLow();
                }
            }
            seen.ensureRoom(valid);
            touched += seen.touch(lows, valid);
            for (int i = 0; i < n; i++) {
                Row row = chunk.get(i);
                if (row.values() == null) {
                    continue;
                }
                int first = seen.putIfAbsent(row.hashHigh(), row.hashLow(), (int) row.number());
                if (first > 0) {
                    chunk.set(i, new Row(row.number(), row.cells(), null, "与本文件第 " + first + " 行完全相同（重复行）", 0, 0));
                }
            }
        }

        private Map<String, String> byField(Map<String, String> cells) {
            Map<String, String> byField = new HashMap<>();
            cells.forEach((column, value) -> {
                String field = headerToField.get(column);
                if (field != null) {
                    byField.put(field, value);
                }
            });
            return byField;
        }
    }
}
