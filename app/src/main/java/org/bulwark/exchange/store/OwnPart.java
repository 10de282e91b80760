package org.bulwark.exchange.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.bulwark.exchange.ImportPhases;
import org.bulwark.platform.ChangeCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A batch's part of {@code department_record} of its own, through its life inside the import's transaction: created
 * empty (so that {@code COPY … FREEZE} may load it), then either attached with its indexes and its hashes, or — when
 * fewer records than a part is worth were stored — emptied into the shared part and dropped; and dropped when the
 * import fails. Kept apart from {@link RecordStore} so that each step of the life cycle reads on its own.
 */
final class OwnPart {

    private static final Logger log = LoggerFactory.getLogger(RecordStore.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final long batchId;
    private final String table;
    private boolean created;

    OwnPart(JdbcClient jdbc, DataSource dataSource, long batchId) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.batchId = batchId;
        this.table = "department_record_p" + batchId;
    }

    String table() {
        return table;
    }

    /** Whether the part exists (in the import's transaction) and is still this batch's own. */
    boolean created() {
        return created;
    }

    /** Creates the part, empty and not yet attached. */
    void create(boolean villageWide) {
        jdbc.sql("create table " + table + " (like department_record including defaults)")
                .update();
        // lets the part be attached without a scan that proves every row belongs to it; and it holds its
        // own batch's records only, which stands for a foreign key to the batch (V22: none on such parts)
        jdbc.sql("alter table " + table + " add constraint " + table + "_part check (part = " + batchId
                        + " and batch_id = " + batchId + ")")
                .update();
        if (!villageWide) {
            // every row names a person: PostgreSQL leaves the part out of a search for village-wide records
            jdbc.sql("alter table " + table + " add constraint " + table + "_person check (id_number is not " + "null)")
                    .update();
        }
        created = true;
    }

    /**
     * Keeps the hashes of the part's records with it (V21), sorted, and hands them to the cache once the import is
     * committed: the next batch of the category then need not read them back.
     */
    void keepHashes(
            String category,
            StoredHashes written,
            EarlierRecords.PartCache cache,
            long changesSeen,
            ImportPhases phases) {
        long[][] run = written.sortedRun();
        // the part's rows took their ids from the sequence in this session, in order: the last is its highest
        jdbc.sql("""
                insert into department_record_hashes (part, category, hashes, last_id)
                values (:p, :c, :h, currval('department_record_id_seq'))
                """)
                .param("p", batchId)
                .param("c", category)
                .param("h", StoredHashes.bytes(run))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache.stored(changesSeen, batchId, run);
            }
        });
        phases.lap("hashes kept");
    }

    /**
     * Fewer records than a part of its own is worth: they go into the shared part, whose indexes take them, and the
     * part is dropped.
     */
    void moveToShared(int accepted, ImportPhases phases) {
        if (accepted > 0) {
            jdbc.sql("insert into department_record (id, " + RecordRows.COLUMNS + ", stored_at) select id, "
                            + RecordRows.COLUMNS.replaceFirst("part", RecordStore.SHARED_PART + " as part")
                            + ", stored_at from " + table)
                    .update();
        }
        jdbc.sql("drop table " + table).update();
        created = false;
        phases.lap("moved to the shared part");
    }

    /** Drops the part after a failure, if it was created; a failure to drop it is added to the cause. */
    void dropAfter(Exception cause) {
        if (!created) {
            return;
        }
        try {
            jdbc.sql("drop table if exists " + table).update();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * Builds the part's indexes in one sorted pass each and makes it a part of the table. Indexes are each part's own
     * (V22), and a part of its own holds one batch of one category, so it gets only those asked of it: the id (the
     * screening store's reads of records after a given id; a block range index, as the ids rise with the rows, its
     * highest kept with its hashes), households and unregistered persons (incremental screening, the
     * household file), unregistered persons' records by region (figures; registered ones are found through their
     * household, so a whole index by region is not worth its build) and, where the category allows them,
     * village-wide records. No primary key: its source rows are those of one file, unique by construction. No index
     * by content: its hashes are kept whole with it (V21), which is how every later batch reads them
     * ({@link EarlierRecords}). What each left-out index cost to build is in BENCHMARKS.md.
     */
    void attach(int rows, boolean villageWide, ImportPhases phases) {
        for (String index : RecordStore.OWN_PART_INDEXES) {
            jdbc.sql("create index on " + table + " " + index).update();
        }
        if (villageWide) {
            jdbc.sql("create index on " + table + " " + RecordStore.VILLAGE_WIDE_INDEX)
                    .update();
        }
        phases.lap("indexes built");
        jdbc.sql("alter table department_record attach partition " + table + " for values in (" + batchId + ")")
                .update();
        // the rows went into the part before it was attached, so no trigger of department_record counted them: the
        // screening store learns of new records from this counter (V12)
        ChangeCounters.add(jdbc, ChangeCounters.RECORDS_INSERTED, rows);
        phases.lap("attached");
        analyzeAfterCommit(phases);
    }

    /**
     * Statistics for the screening that follows the batch: ANALYZE reads a sample and needs nothing of the
     * transaction, so it runs right after the commit on its own connection (time the batch need not wait for). No
     * VACUUM: COPY FREEZE left every page all-visible, so the next batch reads the part's hash index without
     * touching its rows.
     */
    private void analyzeAfterCommit(ImportPhases phases) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public int getOrder() {
                return Ordered.HIGHEST_PRECEDENCE + 1;
            }

            @Override
            public void afterCommit() {
                analyze();
                phases.lap("committed, then the new part analysed");
            }
        });
    }

    private void analyze() {
        try (Connection own = dataSource.getConnection();
                Statement statement = own.createStatement()) {
            own.setAutoCommit(true);
            statement.execute("analyze " + table);
        } catch (SQLException e) {
            // the batch is stored; autovacuum will do this later
            log.warn("analyze of {} after its import failed: {}", table, e.getMessage());
        }
    }
}
