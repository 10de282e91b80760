package org.bulwark.exchange.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bulwark.platform.ChangeCounters;
import org.bulwark.platform.database.BinaryCopyRows;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The content hashes of the records a category already holds, so that a record sent again is not stored twice:
 * for a large batch all of them, read from the parts that can hold the category — a part of its own keeps them as
 * one sorted value ({@link StoredHashes}, V21), the shared part (and a part attached before V21) in its index —
 * where PostgreSQL's merge of the batch with them cost more, growing with them; for a small batch only those equal to
 * one of its own hashes, looked up by index in every part.
 *
 * <p>The hashes are held in {@linkplain Level levels}: the parts of the category's earlier batches gathered once and
 * kept for the next batch (see {@link PartCache}), and the parts new since with the shared part, gathered for this
 * batch; the kept level takes the new parts in once they grow to a quarter of it. Gathering every part for every
 * batch cost a share of each batch that grew with the earlier records.
 */
final class EarlierRecords {

    private final List<Level> levels = new ArrayList<>();
    /** The counter of changed or deleted records ({@code records_changed}, V12) the hashes were read under. */
    private long changesSeen = -1;

    private EarlierRecords() {}

    /**
     * The hashes of parts of their own read for earlier batches, by part, for as long as no record was changed or
     * deleted (V12's counter {@code records_changed}): a part's records are written once, when it is attached, so
     * its hashes stay what they were. The shared part, which every small batch adds to, is always read.
     */
    static final class PartCache {
        private long changes = -1;
        /** Parts' hashes read and not yet gathered into their category's kept level. */
        private final Map<Long, long[][]> runs = new HashMap<>();
        /** By category: the level gathered from the parts of its own batches named with it. */
        private final Map<String, Kept> kept = new HashMap<>();

        private int partsRead;

        /** Parts whose hashes were read from the database so far (tests). */
        int partsRead() {
            return partsRead;
        }

        /**
         * Keeps the hashes of a part a batch has just stored, as they were written, so that the next batch need not
         * read them (16 MB a million): unless a record was changed or deleted since {@code changesSeen}, the counter
         * the batch read its earlier hashes under.
         */
        synchronized void stored(long changesSeen, long part, long[][] run) {
            if (changes == changesSeen) {
                runs.put(part, run);
            }
        }
    }

    /**
     * Reads every content hash of the category from the parts that can hold it: the shared part and the parts of
     * the category's own large batches (those in {@code cache} from there).
     */
    static EarlierRecords readAll(Connection connection, JdbcClient jdbc, String category, PartCache cache)
            throws SQLException {
        return read(connection, jdbc, category, cache, null);
    }

    /**
     * The hashes of a small batch's records that the category holds already: those of the parts of the category's
     * own batches from memory or as kept whole (see {@link #readAll}; such a part has no index by content: building
     * it cost more than it saved), and those of the shared part looked up one by one in its index.
     */
    static EarlierRecords lookUp(
            Connection connection, JdbcClient jdbc, String category, List<byte[]> hashes, PartCache cache)
            throws SQLException {
        return read(connection, jdbc, category, cache, hashes);
    }

    /** Reads the own parts' hashes and the shared part's: all of them, or ({@code asked} not null) those asked. */
    private static EarlierRecords read(
            Connection connection, JdbcClient jdbc, String category, PartCache cache, List<byte[]> asked)
            throws SQLException {
        List<Long> parts = parts(jdbc, category, asked == null);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        long changes = ChangeCounters.read(jdbc, ChangeCounters.RECORDS_CHANGED);
        Kept kept = keptLevel(cache, changes, category, parts);
        PartRuns runs = new PartRuns(cache, changes);
        runs.sortOut(parts, kept);
        runs.readKeptWhole(copy);
        runs.readFromIndexes(copy, jdbc, category);
        kept = runs.gather(category, kept);
        if (asked != null) {
            runs.fresh.add(lookUpShared(jdbc, category, asked));
        }
        EarlierRecords earlier = new EarlierRecords();
        earlier.changesSeen = changes;
        if (kept != null) {
            earlier.levels.add(kept.level());
        }
        earlier.levels.add(Level.of(runs.fresh));
        return earlier;
    }

    /**
     * The parts that can hold the category's records: those of its own large batches, attached, and (when all
     * hashes are read) the shared part, first.
     */
    private static List<Long> parts(JdbcClient jdbc, String category, boolean withShared) {
        List<Long> parts = new ArrayList<>();
        if (withShared) {
            parts.add(RecordStore.SHARED_PART);
        }
        parts.addAll(jdbc.sql("""
                select b.id from exchange_batch b
                join pg_class c on c.relname = 'department_record_p' || b.id
                join pg_inherits i on i.inhrelid = c.oid and i.inhparent = 'department_record'::regclass
                where b.category = :c
                """).param("c", category).query(Long.class).list());
        return parts;
    }

    /**
     * The category's kept level, if it is still good: the cache is emptied when a record was changed or deleted
     * since it was filled, and a level that holds a part no longer attached is not used.
     */
    private static Kept keptLevel(PartCache cache, long changes, String category, List<Long> parts) {
        synchronized (cache) {
            if (cache.changes != changes) {
                cache.runs.clear();
                cache.kept.clear();
                cache.changes = changes;
            }
            Kept kept = cache.kept.get(category);
            return kept != null && !parts.containsAll(kept.parts()) ? null : kept;
        }
    }

    /** The counter of changed or deleted records these hashes were read under (see {@link PartCache#stored}). */
    long changesSeen() {
        return changesSeen;
    }

    /** A category's kept level and the parts it holds. */
    private record Kept(Set<Long> parts, Level level) {}

    /**
     * The hashes of one read, by part, as they are found: in memory, kept whole (V21) or in a part's index. The
     * parts outside the kept level end up either gathered into a new kept level or {@link #fresh}, for this batch.
     */
    private static final class PartRuns {
        private final PartCache cache;
        private final long changes;
        /** The own parts' hashes not in the kept level, by part, in the order of the parts. */
        private final Map<Long, long[][]> ownRuns = new LinkedHashMap<>();
        /** The parts whose hashes are not in memory. */
        private final Set<Long> unread = new LinkedHashSet<>();
        /** The runs for this batch only: the shared part's and the own parts' not gathered into the kept level. */
        final List<long[][]> fresh = new ArrayList<>();

        PartRuns(PartCache cache, long changes) {
            this.cache = cache;
            this.changes = changes;
        }

        /** Takes the parts' hashes from memory where it has them, leaving the others to be read. */
        void sortOut(List<Long> parts, Kept kept) {
            for (long part : parts) {
                if (kept != null && kept.parts().contains(part)) {
                    continue;
                }
                long[][] run;
                synchronized (cache) {
                    run = part == RecordStore.SHARED_PART ? null : cache.runs.get(part);
                }
                if (run != null) {
                    ownRuns.put(part, run);
                } else {
                    unread.add(part);
                }
            }
        }

        /** Reads the parts' hashes kept whole (V21): one value of 16 bytes per record each. */
        void readKeptWhole(CopyManager copy) throws SQLException {
            List<Long> toRead = new ArrayList<>(unread);
            toRead.add(-1L);
            String stored = "select part, hashes from department_record_hashes where part in ("
                    + String.join(", ", toRead.stream().map(String::valueOf).toList()) + ")";
            try (BinaryCopyRows rows = new BinaryCopyRows(copy, stored)) {
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
                    ownRuns.put(part, new long[][] {runHigh, runLow});
                    remember(part, new long[][] {runHigh, runLow});
                    rows.skip(length);
                }
            }
        }

        /**
         * Reads the rest from the parts' indexes, in hash order: the shared part's, and those of any part whose hashes
         * are not kept whole (one attached before V21).
         */
        void readFromIndexes(CopyManager copy, JdbcClient jdbc, String category) throws SQLException {
            long[] hash = new long[2];
            jdbc.sql("set local enable_seqscan = off").update();
            jdbc.sql("set local enable_bitmapscan = off").update();
            for (long part : unread) {
                String select = part == RecordStore.SHARED_PART
                        ? "select row_hash from department_record_shared where category = " + literal(category)
                                + " order by row_hash"
                        : "select row_hash from department_record_p" + part + " order by row_hash";
                Run run = new Run();
                try (BinaryCopyRows rows = new BinaryCopyRows(copy, select)) {
                    while (rows.next()) {
                        if (rows.hash(hash)) {
                            run.add(hash[0], hash[1]);
                        }
                    }
                }
                long[][] arrays = run.arrays();
                if (part == RecordStore.SHARED_PART) {
                    fresh.add(arrays);
                } else {
                    ownRuns.put(part, arrays);
                    remember(part, arrays);
                }
            }
            jdbc.sql("set local enable_seqscan to default").update();
            jdbc.sql("set local enable_bitmapscan to default").update();
        }

        /**
         * The own parts not kept yet: gathered into the kept level once they come to a quarter of it (so that each
         * hash is gathered only a few times however many batches follow), else kept for this batch beside it.
         * Returns the kept level to use.
         */
        Kept gather(String category, Kept kept) {
            long keptSize = kept == null ? 0 : kept.level().size;
            long newSize =
                    ownRuns.values().stream().mapToLong(run -> run[0].length).sum();
            if (ownRuns.isEmpty() || newSize * 4 < keptSize) {
                fresh.addAll(ownRuns.values());
                return kept;
            }
            List<long[][]> all = new ArrayList<>(ownRuns.values());
            Set<Long> keptParts = new HashSet<>(ownRuns.keySet());
            if (kept != null) {
                all.add(kept.level().run());
                keptParts.addAll(kept.parts());
            }
            Kept gathered = new Kept(Set.copyOf(keptParts), Level.of(all));
            synchronized (cache) {
                if (cache.changes == changes) {
                    cache.kept.put(category, gathered);
                    // their hashes live on in the kept level
                    cache.runs.keySet().removeAll(gathered.parts());
                }
            }
            return gathered;
        }

        private void remember(long part, long[][] run) {
            synchronized (cache) {
                cache.partsRead++;
                if (cache.changes == changes) {
                    cache.runs.put(part, run);
                }
            }
        }
    }

    /** Which of {@code hashes} (16 bytes each) the shared part holds for the category, looked up in its index. */
    private static long[][] lookUpShared(JdbcClient jdbc, String category, List<byte[]> hashes) {
        Run found = new Run();
        if (hashes.isEmpty()) {
            return found.arrays();
        }
        HexFormat hex = HexFormat.of();
        // a lookup in the (row_hash, category) index per row: hashing or sorting the category's records costs far
        // more for a small batch, and the planner, without statistics for the whole table, may choose that
        jdbc.sql("set local enable_hashjoin = off").update();
        jdbc.sql("set local enable_mergejoin = off").update();
        jdbc.sql("""
                select d.row_hash from unnest(cast(:hashes as text[])) as u(h)
                join department_record_shared d on d.row_hash = decode(u.h, 'hex') and d.category = :c
                """)
                .param("hashes", hashes.stream().map(hex::formatHex).toArray(String[]::new))
                .param("c", category)
                .query((rs, n) -> {
                    byte[] h = rs.getBytes(1);
                    if (h.length == 16) {
                        found.add(RecordRows.longAt(h, 0), RecordRows.longAt(h, 8));
                    }
                    return null;
                })
                .list();
        jdbc.sql("set local enable_hashjoin to default").update();
        jdbc.sql("set local enable_mergejoin to default").update();
        return found.arrays();
    }

    int size() {
        return levels.stream().mapToInt(level -> level.size).sum();
    }

    /** The hashes of runs ({high, low} each), as if read from as many parts. */
    static EarlierRecords ofRuns(List<long[][]> runs) {
        EarlierRecords earlier = new EarlierRecords();
        earlier.levels.add(Level.of(runs));
        return earlier;
    }

    /** The hashes of runs gathered into levels, one level per list of runs (tests). */
    static EarlierRecords ofLevels(List<List<long[][]>> levels) {
        EarlierRecords earlier = new EarlierRecords();
        levels.forEach(runs -> earlier.levels.add(Level.of(runs)));
        return earlier;
    }

    /** Which of {@code count} hashes the category holds (see {@link Level#containsAll}), each level in turn. */
    void containsAll(long[] high, long[] low, int count, int[] scratch, boolean[] found) {
        Arrays.fill(found, 0, count, false);
        for (Level level : levels) {
            level.containsAll(high, low, count, scratch, found);
        }
    }

    /**
     * Hashes gathered from runs (one per part) into one array grouped by their leading bits — a counting sort: one
     * pass counts each group, one places the hashes, whatever the number of parts — with the groups indexed, so that
     * a lookup scans about eight hashes. Hashes placed at random into a hash set instead cost far more, in cache
     * misses, and so did a set placed by leading bits (each run sweeping the whole table; BENCHMARKS.md). Within a
     * run the groups come in order, so each run writes front to back; a level is such a run too.
     */
    static final class Level {
        /** The hashes, grouped by their leading {@link #bits} bits (in no order within a group), in two halves. */
        private final long[] high;

        private final long[] low;
        private final int size;
        /** Where the hashes with each value of their leading {@link #bits} bits start; the next start ends them. */
        private final int[] start;

        private final int bits;

        private Level(long[] high, long[] low, int[] start, int bits) {
            this.high = high;
            this.low = low;
            this.size = high.length;
            this.start = start;
            this.bits = bits;
        }

        static Level of(List<long[][]> runs) {
            int total = 0;
            for (long[][] run : runs) {
                total += run[0].length;
            }
            int bits = Math.max(1, Math.min(24, 64 - Long.numberOfLeadingZeros(Math.max(1, total / 8))));
            int shift = 64 - bits;
            int[] start = new int[(1 << bits) + 1];
            for (long[][] run : runs) {
                for (long h : run[0]) {
                    start[(int) (h >>> shift) + 1]++;
                }
            }
            for (int b = 0; b < 1 << bits; b++) {
                start[b + 1] += start[b];
            }
            int[] next = Arrays.copyOf(start, 1 << bits);
            long[] high = new long[total];
            long[] low = new long[total];
            for (long[][] run : runs) {
                long[] runHigh = run[0];
                long[] runLow = run[1];
                for (int i = 0; i < runHigh.length; i++) {
                    int at = next[(int) (runHigh[i] >>> shift)]++;
                    high[at] = runHigh[i];
                    low[at] = runLow[i];
                }
            }
            return new Level(high, low, start, bits);
        }

        /** The level's hashes as a run, grouped as they are (to be gathered into a larger level). */
        long[][] run() {
            return new long[][] {high, low};
        }

        /**
         * Marks in {@code found} which of {@code count} hashes the level holds ({@code found[i]} for
         * {@code high[i], low[i]}; others are left as they are). Looked up in passes
         * over the whole chunk: the places of the hashes' groups are all looked up first, then the groups, so that the
         * processor waits for many of these misses at once instead of one after the other (one lookup at a time
         * spent most of its time waiting; BENCHMARKS.md).
         */
        void containsAll(long[] high, long[] low, int count, int[] scratch, boolean[] found) {
            int shift = 64 - bits;
            for (int i = 0; i < count; i++) {
                scratch[i] = start[(int) (high[i] >>> shift)];
            }
            for (int i = 0; i < count; i++) {
                int end = start[(int) (high[i] >>> shift) + 1];
                for (int at = scratch[i]; at < end; at++) {
                    if (this.high[at] == high[i] && this.low[at] == low[i]) {
                        found[i] = true;
                        break;
                    }
                }
            }
        }
    }

    /** Hashes collected one at a time. */
    private static final class Run {
        private long[] high = new long[1024];
        private long[] low = new long[1024];
        private int size;

        void add(long hashHigh, long hashLow) {
            if (size == high.length) {
                high = Arrays.copyOf(high, size * 2);
                low = Arrays.copyOf(low, size * 2);
            }
            high[size] = hashHigh;
            low[size++] = hashLow;
        }

        long[][] arrays() {
            return new long[][] {Arrays.copyOf(high, size), Arrays.copyOf(low, size)};
        }
    }

    /** A category code as an SQL literal (codes are lower snake case; quotes are doubled all the same). */
    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
