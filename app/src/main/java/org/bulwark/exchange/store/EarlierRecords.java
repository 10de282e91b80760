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

    private long[] slots;
    private int size;
    /** 64 minus the number of bits that index a slot. */
    private int shift;
    /** The all-zero hash, which marks an empty slot, when held. */
    private boolean zero;

    private EarlierRecords(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slots = new long[capacity * 2];
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    /**
     * Reads every content hash of the category from the parts that can hold it: the shared part and the parts of
     * the category's own large batches. Returns also how many were read.
     */
    static EarlierRecords readAll(Connection connection, JdbcClient jdbc, String category) throws SQLException {
        List<Long> parts = new ArrayList<>(List.of(RecordStore.SHARED_PART));
        parts.addAll(jdbc.sql("""
                select b.id from exchange_batch b
                join pg_class c on c.relname = 'department_record_p' || b.id
                join pg_inherits i on i.inhrelid = c.oid and i.inhparent = 'department_record'::regclass
                where b.category = :c
                """).param("c", category).query(Long.class).list());
        double estimate = jdbc.sql("""
                select coalesce(sum(greatest(c.reltuples, 0)), 0) from pg_inherits i join pg_class c on c.oid = i.inhrelid
                where i.inhparent = 'department_record'::regclass
                  and (c.relname = 'department_record_shared' or c.relname = any(cast(:names as text[])))
                """).param("names", parts.stream().map(p -> "department_record_p" + p).toArray(String[]::new))
                .query(Double.class).single();
        EarlierRecords earlier = new EarlierRecords((int) Math.min(estimate + 1024, 1 << 28));
        long[] hash = new long[2];
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        // the parts' hashes kept whole (V21): one value of 16 bytes per record each, sorted
        java.util.Set<Long> unread = new java.util.LinkedHashSet<>(parts);
        String kept = "select part, hashes from department_record_hashes where part in ("
                + String.join(", ", parts.stream().map(String::valueOf).toList()) + ")";
        try (CopyOutRows rows = new CopyOutRows(copy, kept)) {
            while (rows.next()) {
                unread.remove(rows.int8(-1));
                int length = rows.valueLength();
                byte[] bytes = rows.row();
                for (int at = rows.at(), end = at + Math.max(0, length); at + 16 <= end; at += 16) {
                    earlier.add(RecordRows.longAt(bytes, at), RecordRows.longAt(bytes, at + 8));
                }
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
            try (CopyOutRows rows = new CopyOutRows(copy, select)) {
                while (rows.next()) {
                    if (rows.hash(hash)) {
                        earlier.add(hash[0], hash[1]);
                    }
                }
            }
        }
        jdbc.sql("set local enable_seqscan to default").update();
        jdbc.sql("set local enable_bitmapscan to default").update();
        return earlier;
    }

    /** Looks up which of {@code hashes} (16 bytes each) the category holds already, by index. */
    static EarlierRecords lookUp(JdbcClient jdbc, String category, List<byte[]> hashes) {
        EarlierRecords earlier = new EarlierRecords(16);
        if (hashes.isEmpty()) {
            return earlier;
        }
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
                        earlier.add(RecordRows.longAt(h, 0), RecordRows.longAt(h, 8));
                    }
                    return null;
                }).list();
        jdbc.sql("set local enable_hashjoin to default").update();
        jdbc.sql("set local enable_mergejoin to default").update();
        return earlier;
    }

    int size() {
        return size + (zero ? 1 : 0);
    }

    boolean contains(long high, long low) {
        if (high == 0 && low == 0) {
            return zero;
        }
        int mask = (slots.length >> 1) - 1;
        int slot = (int) (high >>> shift);
        while (true) {
            long h = slots[slot << 1];
            long l = slots[(slot << 1) + 1];
            if (h == 0 && l == 0) {
                return false;
            }
            if (h == high && l == low) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
    }

    void add(long high, long low) {
        if (high == 0 && low == 0) {
            zero = true;
            return;
        }
        if ((size + 1) * 2 > (slots.length >> 1)) {
            grow();
        }
        int mask = (slots.length >> 1) - 1;
        int slot = (int) (high >>> shift);
        while (true) {
            long h = slots[slot << 1];
            long l = slots[(slot << 1) + 1];
            if (h == 0 && l == 0) {
                slots[slot << 1] = high;
                slots[(slot << 1) + 1] = low;
                size++;
                return;
            }
            if (h == high && l == low) {
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        shift--;
        size = 0;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0 || old[i + 1] != 0) {
                add(old[i], old[i + 1]);
            }
        }
    }

    /** A category code as an SQL literal (codes are lower snake case; quotes are doubled all the same). */
    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
