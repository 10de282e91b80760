package org.bulwark.bench;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drops the secondary indexes, unique and foreign-key constraints of an empty table before a bulk load and builds
 * them again afterwards from the definitions PostgreSQL reported, so the loader follows whatever the migrations
 * define: building an index once over 30 million rows is many times faster than maintaining it row by row.
 */
final class BulkIndexes {

    private final JdbcClient jdbc;
    private final List<String> restore = new ArrayList<>();

    BulkIndexes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Suspends the table's indexes and constraints (other than its primary key) when it holds no rows. */
    boolean suspendIfEmpty(String table) {
        boolean empty = jdbc.sql("select not exists (select 1 from " + table + ")")
                .query(Boolean.class)
                .single();
        if (!empty) {
            return false;
        }
        List<String[]> constraints = jdbc.sql("""
                select conname, pg_get_constraintdef(oid) from pg_constraint
                where conrelid = cast(:t as regclass) and contype in ('u', 'f') order by contype desc, conname
                """)
                .param("t", table)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        List<String[]> indexes = jdbc.sql("""
                select i.indexname, i.indexdef from pg_indexes i
                where i.schemaname = current_schema() and i.tablename = :t
                  and not exists (select 1 from pg_constraint c where c.conname = i.indexname
                                  and c.conrelid = cast(:t as regclass))
                order by i.indexname
                """)
                .param("t", table)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        for (String[] constraint : constraints) {
            jdbc.sql("alter table " + table + " drop constraint " + constraint[0])
                    .update();
        }
        for (String[] index : indexes) {
            jdbc.sql("drop index " + index[0]).update();
        }
        // unique constraints first (they back foreign keys of other tables), then indexes, then foreign keys
        constraints.stream()
                .filter(c -> c[1].startsWith("UNIQUE"))
                .forEach(c -> restore.add("alter table " + table + " add constraint " + c[0] + " " + c[1]));
        // an index of a partitioned table is reported "ON ONLY" the parent, which would build no partition's index
        // and leave the parent's invalid: rebuilt on the whole table, it is built on every partition and attached
        indexes.forEach(index -> restore.add(index[1].replace(" ON ONLY ", " ON ")));
        constraints.stream()
                .filter(c -> !c[1].startsWith("UNIQUE"))
                .forEach(c -> restore.add("alter table " + table + " add constraint " + c[0] + " " + c[1]));
        return true;
    }

    /** Builds everything suspended, in the order suspended. */
    void restore() {
        for (String statement : restore) {
            jdbc.sql(statement).update();
        }
        restore.clear();
    }
}
