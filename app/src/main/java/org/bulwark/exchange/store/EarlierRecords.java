package org.bulwark.exchange.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The content hashes of the records a category already holds, so that a record sent again is not stored twice:
 * for a large batch all of them, read from the parts that can hold the category — a part of its own keeps them as
 * one sorted value ({@link StoredHashes}, V21), the shared part (and a part attached before V21) in its index —
 * where PostgreSQL's merge of the batch with them cost 3.1 s for six million; for a small batch only those equal to
 * one of its own hashes, looked up by index in every part.
 * An open-addressing set of 128-bit keys in one array of longs, placed by their leading bits: PostgreSQL hands a
 * part's hashes over in index order, so they fill the table front to back instead of at random (random placement
 * of three million hashes cost about a second here, in cache misses).
 */
final class EarlierRecords {

    /** The hashes, grouped by their leading {@link #bits} bits (in no order within a group), in two halves. */
    private long[] high;
    private long[] low;
    private int size;
    /** Where the hashes with each value of their leading {@link #bits} bits start; the next one's start ends them. */
    private int[] start;
    private int bits;
    /** Runs read so far (one per part), gathered by {@link #seal}. */
    private final List<long[][]> runs = new ArrayList<>();

    private EarlierRecords() {
    }

    /**
     * The hashes of parts of their own read for earlier batches, by part, for as long as no record was changed or
     * deleted (V12's counter {@code records_changed}): a part's records are written once, when it is attached, so
     * its hashes stay what they were. The shared part, which every small batch adds to, is always read.
     */
    static final class PartCache {
        private long changes = -1;
        private final java.util.Map<Long, long[][]> runs = new java.util.HashMap<>();
        private int partsRead;

        /** Parts whose hashes were read from the database so far (tests). */
        int partsRead() {
            return partsRead;
        }
    }

    /**
     * Reads every content hash of the category from the parts that can hold it: the shared part and the parts of
     * the category's own large batches (those in {@code cache} from there).
     */
    static EarlierRecords readAll(Connection connection, JdbcClient jdbc, String category, PartCache cache)
            throws SQLException {
        List<Long> parts = new ArrayList<>(List.of(RecordStore.SHARED_PART));
        parts.addAll(jdbc.sql("""
                select b.id from exchange_batch b
                join pg_class c on c.relname = 'department_record_p' || b.id
                join pg_inherits i on i.inhrelid = c.oid and i.inhparent = 'department_record'::regclass
                where b.category = :c
                """).param("c", category).query(Long.class).list());
        EarlierRecords earlier = new EarlierRecords();
        long[] hash = new long[2];
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        long changes = jdbc.sql("select changes from screening_input_change where source = 'records_changed'")
                .query(Long.class).single();
        synchronized (cache) {
            if (cache.changes != changes) {
                cache.runs.clear();
                cache.changes = changes;
            }
        }
        java.util.Set<Long> unread = new java.util.LinkedHashSet<>();
        for (long part : parts) {
            long[][] run;
            synchronized (cache) {
                run = part == RecordStore.SHARED_PART ? null : cache.runs.get(part);
            }
            if (run != null) {
                earlier.runs.add(run);
            } else {
                unread.add(part);
            }
        }
        // the parts' hashes kept whole (V21): one value of 16 bytes per record each
        List<Long> toRead = new ArrayList<>(unread);
        toRead.add(-1L);
        String kept = "select part, hashes from department_record_hashes where part in ("
                + String.join(", ", toRead.stream().map(String::valueOf).toList()) + ")";
        try (CopyOutRows rows = new CopyOutRows(copy, kept)) {
            while (rows.next()) {
                long part = rows.int8(-1);
                unread.remove(part);
                int length = Math.max(0, rows.valueLength());
                byte[] bytes = rows.row();
                long[] runHigh = new long[length / 16];
                long[] runLow = new long[length / 16];
                for (int i = 0, at = rows.at(); i < runHigh.length; i++, at += 16) {
                    runHigh[i] = RecordRows.longAt(bytes, at);
                    runLow[i] = RecordRows.longAt(bytes, at + 8);
                }
                earlier.runs.add(new long[][] {runHigh, runLow});
                remember(cache, changes, part, new long[][] {runHigh, runLow});
                rows.skip(length);
            }
        }
        jdbc.sql("set local enable_seqscan = off").update();
        jdbc.sql("set local enable_bitmapscan = off").update();
        for (long part : unread) {
            String select = part == RecordStore.SHARED_PART
                    ? "select row_hash from department_record_shared where category = " + literal(category)
                    + " order by row_hash"
                    : "select row_hash from department_record_p" + part + " order by row_hash";
            Run run = new Run();
            try (CopyOutRows rows = new CopyOutRows(copy, select)) {
                while (rows.next()) {
                    if (rows.hash(hash)) {
                        run.add(hash[0], hash[1]);
                    }
                }
            }
            long[][] arrays = run.arrays();
            earlier.runs.add(arrays);
            if (part != RecordStore.SHARED_PART) {
                remember(cache, changes, part, arrays);
            }
        }
        jdbc.sql("set local enable_seqscan to default").update();
        jdbc.sql("set local enable_bitmapscan to default").update();
        earlier.seal();
        return earlier;
    }

    private static void remember(PartCache cache, long changes, long part, long[][] run) {
        synchronized (cache) {
            cache.partsRead++;
            if (cache.changes == changes) {
                cache.runs.put(part, run);
            }
        }
    }

    /** Looks up which of {@code hashes} (16 bytes each) the category holds already, by index. */
    static EarlierRecords lookUp(JdbcClient jdbc, String category, List<byte[]> hashes) {
        EarlierRecords earlier = new EarlierRecords();
        if (hashes.isEmpty()) {
            earlier.seal();
            return earlier;
        }
        Run found = new Run();
        HexFormat hex = HexFormat.of();
        // a lookup in each part's (row_hash, category) index per row: hashing or sorting the category's records
        // costs far more for a small batch, and the planner, without statistics for the whole table, may choose that
        jdbc.sql("set local enable_hashjoin = off").update();
        jdbc.sql("set local enable_mergejoin = off").update();
        jdbc.sql("""
                select d.row_hash from unnest(cast(:hashes as text[])) as u(h)
                join department_record d on d.row_hash = decode(u.h, 'hex') and d.category = :c
                """).param("hashes", hashes.stream().map(hex::formatHex).toArray(String[]::new)).param("c", category)
                .query((rs, n) -> {
                    byte[] h = rs.getBytes(1);
                    if (h.length == 16) {
                        found.add(RecordRows.longAt(h, 0), RecordRows.longAt(h, 8));
                    }
                    return null;
                }).list();
        jdbc.sql("set local enable_hashjoin to default").update();
        jdbc.sql("set local enable_mergejoin to default").update();
        earlier.runs.add(found.arrays());
        earlier.seal();
        return earlier;
    }

    int size() {
        return size;
    }

    /** The hashes of runs ({high, low} each), as if read from as many parts. */
    static EarlierRecords ofRuns(List<long[][]> runs) {
        EarlierRecords earlier = new EarlierRecords();
        earlier.runs.addAll(runs);
        earlier.seal();
        return earlier;
    }

    /**
     * Which of {@code count} hashes the category holds: {@code found[i]} for {@code high[i], low[i]}. The same as
     * {@link #contains} for each, but in passes over the whole chunk: the places of the hashes' groups are all
     * looked up first, then the groups, so that the processor waits for many of these misses at once instead of one
     * after the other (with 13 million earlier hashes one lookup at a time cost 0.4 µs a row, mostly waiting).
     */
    void containsAll(long[] high, long[] low, int count, int[] scratch, boolean[] found) {
        int shift = 64 - bits;
        for (int i = 0; i < count; i++) {
            scratch[i] = start[(int) (high[i] >>> shift)];
        }
        for (int i = 0; i < count; i++) {
            int at = scratch[i];
            int end = start[(int) (high[i] >>> shift) + 1];
            boolean hit = false;
            for (; at < end; at++) {
                if (this.high[at] == high[i] && this.low[at] == low[i]) {
                    hit = true;
                    break;
                }
            }
            found[i] = hit;
        }
    }

    /** Whether the category holds a record with this hash. */
    boolean contains(long hashHigh, long hashLow) {
        int bucket = (int) (hashHigh >>> (64 - bits));
        for (int i = start[bucket], end = start[bucket + 1]; i < end; i++) {
            if (high[i] == hashHigh && low[i] == hashLow) {
                return true;
            }
        }
        return false;
    }

    /**
     * Gathers the runs (one per part) into one array grouped by the hashes' leading bits — a counting sort: one pass
     * counts each group, one places the hashes, whatever the number of parts — and indexes the groups, so that a
     * lookup scans about eight hashes. Three million hashes placed at random into a hash set instead cost about a
     * second here, in cache misses; nine million in a set placed by leading bits (each run sweeping the whole
     * table) 0.8 s. Within a run the groups come in order, so each run writes front to back.
     */
    private void seal() {
        int total = 0;
        for (long[][] run : runs) {
            total += run[0].length;
        }
        size = total;
        bits = Math.max(1, Math.min(24, 64 - Long.numberOfLeadingZeros(Math.max(1, total / 8))));
        int shift = 64 - bits;
        start = new int[(1 << bits) + 1];
        for (long[][] run : runs) {
            for (long h : run[0]) {
                start[(int) (h >>> shift) + 1]++;
            }
        }
        for (int b = 0; b < 1 << bits; b++) {
            start[b + 1] += start[b];
        }
        int[] next = java.util.Arrays.copyOf(start, 1 << bits);
        high = new long[total];
        low = new long[total];
        for (long[][] run : runs) {
            long[] runHigh = run[0];
            long[] runLow = run[1];
            for (int i = 0; i < runHigh.length; i++) {
                int at = next[(int) (runHigh[i] >>> shift)]++;
                high[at] = runHigh[i];
                low[at] = runLow[i];
            }
        }
        runs.clear();
    }

    /** Hashes collected one at a time. */
    private static final class Run {
        private long[] high = new long[1024];
        private long[] low = new long[1024];
        private int size;

        void add(long hashHigh, long hashLow) {
            if (size == high.length) {
                high = java.util.Arrays.copyOf(high, size * 2);
                low = java.util.Arrays.copyOf(low, size * 2);
            }
            high[size] = hashHigh;
            low[size++] = hashLow;
        }

        long[][] arrays() {
            return new long[][] {java.util.Arrays.copyOf(high, size), java.util.Arrays.copyOf(low, size)};
        }
    }

    /** A category code as an SQL literal (codes are lower snake case; quotes are doubled all the same). */
    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
