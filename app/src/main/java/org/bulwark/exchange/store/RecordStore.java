package org.bulwark.exchange.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.bulwark.core.exchange.CategorySchema;
import org.bulwark.core.exchange.RowProblem;
import org.bulwark.core.exchange.RowValidator;
import org.bulwark.core.exchange.ValidatedRow;
import org.bulwark.exchange.ImportPhases;
import org.bulwark.exchange.read.RowSource;
import org.bulwark.identity.RegionScope;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores a batch's rows, inside the import's transaction: every row is checked and streamed into a staging table
 * while the file is read, matched to the registry in SQL (a join, not a lookup per row), and the new records go
 * either into the shared part of {@code department_record} (small batches) or, for a large batch, into a part of its
 * own whose indexes are built once after the load and which is then attached. Index maintenance row by row into
 * one large table cost 25–50 µs a row here; building the indexes of a fresh part costs about 3 µs.
 *
 * <p>A record already stored by an earlier batch of the category (same content hash) is not stored again; imports of
 * one category take turns (a transaction-level advisory lock) so that two of them cannot both store the same record.
 */
@Component
public class RecordStore {

    /** The part of {@code department_record} that batches below the own-part threshold share. */
    static final long SHARED_PART = 0;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RecordStore.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private int ownPartRows;

    RecordStore(JdbcClient jdbc, DataSource dataSource,
                @Value("${bulwark.exchange.own-part-rows:100000}") int ownPartRows) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.ownPartRows = ownPartRows;
    }

    /** What to store: the batch, its category, how its rows are checked, and for whom. */
    public record Job(long batchId, CategorySchema schema, RowValidator validator, List<String> header,
                      RegionScope scope, boolean allOrNothing) {
    }

    /** What was stored. {@code unmatched}: stored records of residents the registry does not have. */
    public record Outcome(int total, int accepted, int rejected, int repeated, int unmatched, boolean ownPart) {
    }

    /** The fewest valid rows (after checking, before matching) that get a part of their own (a tuning knob; tests lower it). */
    void ownPartFrom(int rows) {
        this.ownPartRows = rows;
    }

    /**
     * Reads, checks and stores the rows. A {@link org.bulwark.exchange.read.FileRejectedException} from the reader
     * leaves nothing behind: rows rejected so far lived in the staging table only.
     */
    public Outcome store(Job job, RowSource source, ImportPhases phases) throws IOException {
        CategorySchema schema = job.schema();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('department_record'), hashtext(:c))")
                    .param("c", schema.code()).query().listOfRows();
            jdbc.sql("create temporary table if not exists incoming_record (source_row int, problem text, "
                    + "id_number text, household_number text, village_code text, name text, record_date date, "
                    + "amount numeric, fields text, row_hash bytea, raw text, repeated boolean) on commit drop").update();
            jdbc.sql("truncate incoming_record").update();
            // the matched batch, the hashes of a million rows and the sorts that build a part's indexes stay in memory
            jdbc.sql("set local work_mem = '256MB'").update();
            jdbc.sql("set local maintenance_work_mem = '256MB'").update();
            // the statements below are scans, hashes and sorts with simple expressions: compiling them (up to 0.8 s a
            // statement with JIT's optimisation) did not pay back; matching and storing a million rows measured
            // 5.5 s without JIT and 8.2-8.7 s with it, interleaved runs on the server
            jdbc.sql("set local jit = off").update();
            phases.lap("prepared");

            Staged staged = stage(job, source, connection, phases);
            // without statistics the planner takes "problem is null" for 0.5 % of the rows and looks a million rows
            // up one by one; with them it hashes a large batch against the registry and looks a small one up
            jdbc.sql("analyze incoming_record").update();
            phases.lap("staging analysed");

            String[] header = job.header().toArray(String[]::new);
            if (staged.rejected > 0) {
                jdbc.sql("insert into exchange_rejected_row (batch_id, row_number, reasons, raw) "
                                + "select :b, source_row, problem, " + RAW + " from incoming_record where problem is not null")
                        .param("b", job.batchId()).param("header", header).update();
                phases.lap("rejected rows kept");
            }
            boolean store = !(job.allOrNothing() && staged.rejected > 0);
            boolean ownPart = store && staged.valid >= ownPartRows;
            String target = ownPart ? "department_record_p" + job.batchId() : "department_record";
            if (ownPart) {
                jdbc.sql("create table " + target + " (like department_record including defaults)").update();
                // lets the part be attached without a scan that proves every row belongs to it
                jdbc.sql("alter table " + target + " add constraint " + target + "_part check (part = "
                        + job.batchId() + ")").update();
            }
            if (store) {
                markRepeated(schema.code(), staged.valid);
                phases.lap("compared with earlier records");
            }
            String sql = MATCH_AND_STORE.replace("{target}", target)
                    .replace("{byPerson}", String.valueOf(schema.field(StagedRows.ID_NUMBER).isPresent()))
                    .replace("{byHousehold}", String.valueOf(schema.field(StagedRows.HOUSEHOLD_NUMBER).isPresent()));
            Map<String, Object> result = jdbc.sql(sql)
                    .param("part", ownPart ? job.batchId() : SHARED_PART).param("batch", job.batchId())
                    .param("category", schema.code()).param("checkName", schema.nameField() != null)
                    .param("scope", job.scope().likePattern()).param("header", header).param("store", store)
                    .param("allOrNothing", job.allOrNothing()).query().singleRow();
            int unmatchable = ((Number) result.get("unmatchable")).intValue();
            int repeated = ((Number) result.get("repeated")).intValue();
            int accepted = ((Number) result.get("stored")).intValue();
            int unmatched = ((Number) result.get("unmatched")).intValue();
            phases.lap("matched and stored");
            int rejected = staged.rejected + unmatchable;
            if (ownPart && accepted == 0) {
                // nothing new to keep (every record stored before, or all-or-nothing turned down by matching)
                jdbc.sql("drop table " + target).update();
                ownPart = false;
            } else if (ownPart) {
                attach(target, job.batchId(), accepted, phases);
            }
            boolean kept = store && !(job.allOrNothing() && rejected > 0);
            return new Outcome(staged.total, kept ? accepted : 0, rejected,
                    kept ? repeated : 0, kept ? unmatched : 0, ownPart);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Marks the staged rows that an earlier batch of the category stored already (same content hash), by one of two
     * plans, whichever reads less: each row looked up in the (category, row_hash) index of every part (the batch
     * times the parts), or the batch sorted by hash and merged with those indexes read in order, index-only once a
     * part is vacuumed (see {@link #attach}) — the category's records. The planner has no statistics for the
     * partitioned table as a whole and, left alone, hashed every earlier hash or read the parts' rows: 12–25 s for a
     * million rows against 5 million earlier records, where the merge took 4.3 s; and 32.6 s for 50,000 rows against
     * 9 million, where the lookups took 5.0 s.
     */
    private void markRepeated(String category, int rows) {
        Map<String, Object> parts = jdbc.sql("""
                select count(*) as parts, coalesce(sum(greatest(c.reltuples, 0)), 0) as records
                from pg_inherits i join pg_class c on c.oid = i.inhrelid
                where i.inhparent = 'department_record'::regclass
                """).query().singleRow();
        // measured under load: a lookup about 9 µs (550,000 in 5.0 s), an entry read in order with the sort of the
        // batch about 0.9 µs (5 million in 4.3 s) — so one lookup is worth about ten entries
        boolean lookUp = (double) rows * ((Number) parts.get("parts")).longValue() * 10
                < ((Number) parts.get("records")).doubleValue();
        jdbc.sql(lookUp ? "set local enable_hashjoin = off" : "set local enable_nestloop = off").update();
        jdbc.sql(lookUp ? "set local enable_mergejoin = off" : "set local enable_hashjoin = off").update();
        if (!lookUp) {
            jdbc.sql("set local enable_seqscan = off").update();
        }
        int repeated = jdbc.sql("""
                create temporary table repeated_record on commit drop as
                select i.source_row from incoming_record i
                join department_record d on d.category = :c and d.row_hash = i.row_hash
                where i.problem is null
                """).param("c", category).update();
        for (String setting : List.of("enable_nestloop", "enable_hashjoin", "enable_mergejoin", "enable_seqscan")) {
            jdbc.sql("set local " + setting + " to default").update();
        }
        if (repeated > 0) {
            jdbc.sql("update incoming_record set repeated = true "
                    + "where source_row in (select source_row from repeated_record)").update();
        }
        jdbc.sql("drop table repeated_record").update();
    }

    /** Builds the part's indexes in one pass each (sorted, not row by row) and makes it a part of the table. */
    private void attach(String part, long batchId, int rows, ImportPhases phases) {
        jdbc.sql("alter table " + part + " add primary key (batch_id, source_row, part)").update();
        jdbc.sql("create index on " + part + " (category, row_hash)").update();
        jdbc.sql("create index on " + part + " (id)").update();
        jdbc.sql("create index on " + part + " (household_id) where household_id is not null").update();
        jdbc.sql("create index on " + part + " (id_number) where household_id is null and id_number is not null")
                .update();
        jdbc.sql("create index on " + part + " (category, region_code varchar_pattern_ops)").update();
        phases.lap("indexes built");
        jdbc.sql("alter table department_record attach partition " + part + " for values in (" + batchId + ")").update();
        phases.lap("attached");
        // the rows went into the part before it was attached, so no trigger of department_record counted them: the
        // screening store learns of new records from this counter (V12)
        jdbc.sql("update screening_input_change set changes = changes + :n where source = 'records_inserted'")
                .param("n", rows).update();
        // the screening that follows the batch plans its reads with these statistics
        jdbc.sql("analyze " + part).update();
        phases.lap("analysed");
        // Autovacuum gets to a new part late on a busy server; until it does, the part is not marked all-visible and
        // the next large batch of the category reads its rows instead of its (category, row_hash) index. VACUUM
        // cannot run inside the import's transaction, so it runs right after the commit, on its own connection.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public int getOrder() {
                return Ordered.HIGHEST_PRECEDENCE + 1;
            }

            @Override
            public void afterCommit() {
                vacuum(part);
                phases.lap("committed, then the new part vacuumed");
            }
        });
    }

    private void vacuum(String part) {
        try (Connection own = dataSource.getConnection(); Statement statement = own.createStatement()) {
            own.setAutoCommit(true);
            statement.execute("vacuum " + part);
        } catch (SQLException e) {
            // the batch is stored; autovacuum will do this later
            log.warn("vacuum of {} after its import failed: {}", part, e.getMessage());
        }
    }

    private record Staged(int total, int valid, int rejected) {
    }

    /** Reads and checks every row, streaming valid and rejected rows alike into the staging table. */
    private Staged stage(Job job, RowSource source, Connection connection, ImportPhases phases) throws IOException {
        RowValidator validator = job.validator();
        Map<String, String> headerToField = validator.headerToField(source.header());
        StagedRows encoder = new StagedRows(job.schema(), job.header());
        BatchDuplicates seen = new BatchDuplicates();
        int total = 0;
        int valid = 0;
        int rejected = 0;
        try (CopyPipe pipe = CopyPipe.open(connection.unwrap(PGConnection.class).getCopyAPI(),
                "copy incoming_record (" + StagedRows.COLUMNS + ") from stdin", "import-copy-" + job.batchId())) {
            for (RowSource.Row row : (Iterable<RowSource.Row>) source::rows) {
                total++;
                ValidatedRow validated = validator.validate(row.number(), byField(row.cells(), headerToField));
                if (!validated.problems().isEmpty()) {
                    encoder.rejected(pipe.row(), row.number(), describe(validated.problems()), row.cells());
                    rejected++;
                } else {
                    byte[] hash = encoder.hash(validated.values());
                    int first = seen.putIfAbsent(longAt(hash, 0), longAt(hash, 8), (int) row.number());
                    if (first > 0) {
                        encoder.rejected(pipe.row(), row.number(), "duplicate of row " + first + " in this file",
                                row.cells());
                        rejected++;
                    } else {
                        encoder.valid(pipe.row(), validated, row.cells());
                        valid++;
                    }
                }
                pipe.rowDone();
            }
            phases.lap("read and checked");
            pipe.finish();
            phases.add("of which waiting for the database", pipe.waitNanos());
            phases.lap("staged (rest of COPY)");
        } catch (SQLException e) {
            throw new IllegalStateException("staging batch " + job.batchId() + " failed: " + e.getMessage(), e);
        }
        return new Staged(total, valid, rejected);
    }

    private static long longAt(byte[] bytes, int offset) {
        long value = 0;
        for (int i = offset; i < offset + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xFF);
        }
        return value;
    }

    private static Map<String, String> byField(Map<String, String> cells, Map<String, String> headerToField) {
        Map<String, String> byField = new HashMap<>();
        cells.forEach((header, value) -> {
            String field = headerToField.get(header);
            if (field != null) {
                byField.put(field, value);
            }
        });
        return byField;
    }

    /** The problems of a row as one reason text. */
    public static String describe(List<RowProblem> problems) {
        StringBuilder text = new StringBuilder();
        for (RowProblem p : problems) {
            if (text.length() > 0) {
                text.append("; ");
            }
            text.append(p.field() == null ? "" : p.field() + ": ").append(p.message());
        }
        return text.toString();
    }

    /** The cells as sent, as the JSON object the file of rejected rows reads (see {@link StagedRows}). */
    private static final String RAW = """
            case when left(raw, 1) = chr(30)
                 then jsonb_object(cast(:header as text[]), trim_array(string_to_array(substr(raw, 2), chr(31)), 1))
                 else cast(raw as jsonb) end""";

    /**
     * The valid staged rows joined to their person (by identity number, the name agreeing) or household (by number),
     * each with what keeps it out (a person or household of another region, an unknown household number…) and the
     * region it belongs to. One join for the whole batch: the planner hashes the batch against the registry. A
     * category without identity numbers (or household numbers) leaves that join out ({@code false}), so that its
     * table is not read for nothing.
     */
    private static final String MATCH = """
            select m.*, case
                when m.person_id is not null and :checkName and m.name is not null and m.name <> m.registered_name
                    then 'name: ' || quote_literal(m.name) || ' does not match the registered name for this identity number'
                when m.household_id is not null and m.registered_village not like :scope
                    then case when m.id_number is not null
                              then 'id_number: this person is registered outside your region'
                              else 'household_number: this household is registered outside your region' end
                when m.id_number is null and m.household_number is not null and m.household_id is null
                    then 'household_number: no registered household has number ' || m.household_number
                when m.id_number is null and m.household_number is null and m.staged_village is not null
                     and m.staged_village not like :scope
                    then 'village_code: ' || m.staged_village || ' is outside your region'
                when m.id_number is null and m.household_number is null and m.staged_village is null
                    then 'the row names no key'
                end as match_problem,
                coalesce(m.registered_village, m.staged_village, substr(m.id_number, 1, 6) || '000000') as match_region
            from (
                select i.source_row, i.id_number, i.household_number, i.village_code as staged_village, i.name,
                       i.record_date, i.amount, i.fields, i.row_hash, i.raw, i.repeated,
                       p.id as person_id, coalesce(p.household_id, hh.id) as household_id,
                       p.name as registered_name, coalesce(h.village_code, hh.village_code) as registered_village
                from incoming_record i
                left join person p on {byPerson} and i.id_number is not null and p.id_number = i.id_number
                left join household h on {byPerson} and h.id = p.household_id
                left join household hh on {byHousehold} and i.id_number is null and i.household_number is not null
                                      and hh.household_number = i.household_number
                where i.problem is null
            ) m
            """;

    /**
     * Matches the batch once and, from that one result, keeps the rows matching turned down (with their reasons) and
     * stores the others that no earlier batch of the category stored (see {@link #markRepeated}); returns the counts. With all-or-nothing, one
     * turned-down row stores nothing.
     */
    private static final String MATCH_AND_STORE = """
            with m as materialized ({match}),
            rejected as (
                insert into exchange_rejected_row (batch_id, row_number, reasons, raw)
                select :batch, source_row, match_problem, {raw} from m where match_problem is not null
                returning 1),
            stored as (
                insert into {target} (part, batch_id, source_row, category, id_number, household_number, village_code,
                    person_id, household_id, region_code, record_date, amount, fields, row_hash)
                select :part, :batch, source_row, :category, id_number, household_number,
                    coalesce(registered_village, staged_village), person_id, household_id, match_region,
                    record_date, amount, cast(fields as json), row_hash
                from m
                where match_problem is null and repeated is not true and :store
                  and not (:allOrNothing and exists (select 1 from m x where x.match_problem is not null))
                returning household_id)
            select (select count(*) from rejected) as unmatchable,
                   (select count(*) from m where match_problem is null and repeated) as repeated, count(*) as stored,
                   count(*) filter (where household_id is null) as unmatched
            from stored
            """.replace("{match}", MATCH).replace("{raw}", RAW);
}
