package org.bulwark.exchange.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.bulwark.core.exchange.CategorySchema;
import org.bulwark.core.exchange.FieldSpec;
import org.bulwark.core.exchange.RowProblem;
import org.bulwark.core.exchange.RowValidator;
import org.bulwark.exchange.ImportPhases;
import org.bulwark.identity.RegionScope;
import org.bulwark.platform.ChangeCounters;
import org.bulwark.platform.read.RowSource;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Stores a batch's rows, inside the import's transaction, in one pass: a reading thread checks every row
 * ({@link CheckedRows}); this thread matches the valid ones to the registry ({@link RowMatcher}, against the
 * registry read once for a large batch or looked up for a small one), drops those an earlier batch of the category
 * stored already ({@link EarlierRecords}) and streams the rest in binary COPY form straight into their final table,
 * while PostgreSQL stores them on the other core. A large batch goes into a part of {@code department_record} of its
 * own, created in the same transaction and loaded with {@code COPY … FREEZE} (its rows need no vacuum to be read
 * index-only), whose indexes are built once after the load and which is then attached; a small batch goes into the
 * shared part, whose indexes take it row by row. Rows that are not stored are kept with their reasons and cells in
 * {@code exchange_rejected_row}, written at the end. Nothing is staged: each record is written once.
 *
 * <p>A record already stored by an earlier batch of the category (same content hash) is not stored again; imports of
 * one category take turns (a transaction-level advisory lock) so that two of them cannot both store the same record.
 */
@Component
public class RecordStore {

    /** The part of {@code department_record} that batches below the own-part threshold share. */
    static final long SHARED_PART = 0;

    /** The indexes of a part of its own (V22 builds the same for those attached before it). */
    static final List<String> OWN_PART_INDEXES = List.of(
            "using brin (id)",
            "(household_id) where household_id is not null",
            "(id_number) where household_id is null and id_number is not null",
            "(region_code varchar_pattern_ops) where household_id is null");
    /** The index of a part's village-wide records, which a category that requires an identity number cannot have. */
    static final String VILLAGE_WIDE_INDEX = "(village_code) where household_id is null and id_number is null";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private int ownPartRows;
    /** Rows from which the whole registry is read rather than looked up; 0: by cost ({@link #readAllFrom(String)}). */
    private int readAllRows;
    /** The registry read for the last large batch (see {@link #registry}). */
    private final SoftlyKept<ReadRegistry> lastRegistry = new SoftlyKept<>();

    private final AtomicInteger registryReads = new AtomicInteger();

    RecordStore(
            JdbcClient jdbc,
            DataSource dataSource,
            @Value("${bulwark.exchange.own-part-rows:100000}") int ownPartRows) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.ownPartRows = ownPartRows;
    }

    /** What to store: the batch, its category, how its rows are checked, and for whom. */
    public record Job(
            long batchId,
            CategorySchema schema,
            RowValidator validator,
            List<String> header,
            RegionScope scope,
            boolean allOrNothing) {}

    /** What was stored. {@code unmatched}: stored records of residents the registry does not have. */
    public record Outcome(int total, int accepted, int rejected, int repeated, int unmatched, boolean ownPart) {}

    /** The fewest stored rows that get a part of their own (a tuning knob; tests lower it). */
    void ownPartFrom(int rows) {
        this.ownPartRows = rows;
    }

    /**
     * The fewest rows for which the registry and the category's earlier records are read whole rather than looked up
     * row by row (a tuning knob; tests set it to take either way; 0 lets the cost decide).
     */
    void readAllFrom(int rows) {
        this.readAllRows = rows;
    }

    /**
     * Reads, checks and stores the rows. A {@link org.bulwark.platform.read.FileRejectedException} from the reader
     * leaves nothing behind: the batch's part, loaded so far, is dropped, and its rejected rows were not written yet.
     */
    public Outcome store(Job job, RowSource source, ImportPhases phases) throws IOException {
        CategorySchema schema = job.schema();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        OwnPart part = new OwnPart(jdbc, dataSource, job.batchId());
        RecordRows records = new RecordRows(schema);
        long cpuStart = CheckedRows.threadCpu();
        try (CheckedRows rows = CheckedRows.start(
                        source, job.validator(), new RecordRows(schema), "import-read-" + job.batchId());
                RejectedRows rejected = new RejectedRows(job.batchId())) {
            int readAllFrom = prepare(schema);
            phases.lap("prepared");
            FirstRows first = FirstRows.read(rows, readAllFrom);
            phases.lap("first rows read");
            Loading loading = first.ended()
                    ? smallBatchLoading(connection, job, records, first, rejected, phases)
                    : largeBatchLoading(connection, job, records, rejected, phases);
            Target target = target(first, loading);
            if (target == Target.OWN_PART) {
                part.create(villageWide(schema));
            }
            loading.reset();
            copy(connection, job, target, part.table(), first, rows, loading, phases);
            rows.close();
            phases.cpu("reading thread", rows.cpuNanos());
            phases.cpu("importing thread", CheckedRows.threadCpu() - cpuStart);
            rejected.store(connection);
            phases.lap("rejected rows kept");
            return settle(job, part, loading, rows.total(), phases);
        } catch (SQLException e) {
            throw new IllegalStateException("storing batch " + job.batchId() + " failed: " + e.getMessage(), e);
        } catch (RuntimeException | IOException e) {
            part.dropAfter(e);
            throw e;
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Makes imports of the category take turns (so two cannot both store the same record) and sets the transaction
     * up for the load; returns from how many rows the registry and earlier records are read whole.
     */
    private int prepare(CategorySchema schema) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('department_record'), hashtext(:c))")
                .param("c", schema.code())
                .query()
                .listOfRows();
        // the sorts that build a part's indexes stay in memory
        jdbc.sql("set local maintenance_work_mem = '256MB'").update();
        jdbc.sql("set local jit = off").update();
        return readAllRows > 0 ? readAllRows : readAllFrom(schema.code());
    }

    /**
     * The rows read before the batch's size is known: a batch that ends within them is small, and its keys are looked
     * up (they are held in memory meanwhile, so rows turned down count too: a file of bad rows is not held whole).
     */
    private record FirstRows(List<List<CheckedRows.Row>> chunks, boolean ended) {

        static FirstRows read(CheckedRows rows, int upTo) {
            List<List<CheckedRows.Row>> first = new ArrayList<>();
            int firstRows = 0;
            while (firstRows < upTo) {
                List<CheckedRows.Row> chunk = rows.next();
                if (chunk == null) {
                    return new FirstRows(first, true);
                }
                first.add(chunk);
                firstRows += chunk.size();
            }
            return new FirstRows(first, false);
        }
    }

    /** A small batch, known whole: the registry and the category's earlier records are looked up by its keys. */
    private Loading smallBatchLoading(
            Connection connection,
            Job job,
            RecordRows records,
            FirstRows first,
            RejectedRows rejected,
            ImportPhases phases)
            throws SQLException {
        Set<String> idNumbers = new HashSet<>();
        Set<String> householdNumbers = new HashSet<>();
        List<byte[]> hashes = new ArrayList<>();
        for (List<CheckedRows.Row> chunk : first.chunks()) {
            for (CheckedRows.Row row : chunk) {
                if (row.problem() == null) {
                    addIfPresent(idNumbers, records.idNumber(row.values()));
                    addIfPresent(householdNumbers, records.householdNumber(row.values()));
                    hashes.add(hashBytes(row, new byte[16]));
                }
            }
        }
        RegistryIndex registry = RegistryIndex.lookUp(jdbc, idNumbers, householdNumbers);
        EarlierRecords earlier =
                EarlierRecords.lookUp(connection, jdbc, job.schema().code(), hashes, partCache());
        phases.lap("registry and earlier records looked up");
        return loading(job, records, registry, earlier, rejected);
    }

    /** A large batch: the registry (kept between batches, see {@link #registry}) and earlier records read whole. */
    private Loading largeBatchLoading(
            Connection connection, Job job, RecordRows records, RejectedRows rejected, ImportPhases phases)
            throws SQLException {
        CategorySchema schema = job.schema();
        boolean byPerson = schema.field(RecordRows.ID_NUMBER).isPresent();
        boolean byHousehold = schema.field(RecordRows.HOUSEHOLD_NUMBER).isPresent();
        RegistryIndex registry = registry(connection, byPerson, byHousehold);
        phases.lap("registry read");
        EarlierRecords earlier = EarlierRecords.readAll(connection, jdbc, schema.code(), partCache());
        phases.lap("earlier records read");
        return loading(job, records, registry, earlier, rejected);
    }

    private static Loading loading(
            Job job, RecordRows records, RegistryIndex registry, EarlierRecords earlier, RejectedRows rejected) {
        return new Loading(job, records, new RowMatcher(registry, job.scope(), job.schema()), earlier, rejected);
    }

    /** Where a batch's records go. */
    private enum Target {
        /** Nowhere: nothing is to be stored (all-or-nothing and a row turned down, or no row accepted). */
        NOWHERE,
        /** The shared part, whose indexes take the records row by row. */
        SHARED,
        /** A part of the batch's own, loaded with {@code COPY … FREEZE} and indexed once. */
        OWN_PART
    }

    /**
     * A small batch, known whole, goes straight into the shared part when it is to be stored (its rows are counted
     * first, writing nothing); anything larger into a part of its own, moved to the shared part at the end if it
     * turns out small.
     */
    private Target target(FirstRows first, Loading loading) throws SQLException {
        if (!first.ended()) {
            return Target.OWN_PART;
        }
        loading.dryRun(first.chunks());
        return !loading.keeps() || loading.accepted == 0
                ? Target.NOWHERE
                : loading.accepted >= ownPartRows ? Target.OWN_PART : Target.SHARED;
    }

    /** Matches and sorts out all rows, streaming those to be stored by binary COPY into the target. */
    private void copy(
            Connection connection,
            Job job,
            Target target,
            String part,
            FirstRows first,
            CheckedRows rows,
            Loading loading,
            ImportPhases phases)
            throws SQLException {
        long partValue = target == Target.OWN_PART ? job.batchId() : SHARED_PART;
        if (target == Target.NOWHERE) {
            loading.load(first.chunks(), rows, null, partValue);
            phases.lap("read and checked");
            return;
        }
        String copy = "copy " + (target == Target.OWN_PART ? part : "department_record") + " (" + RecordRows.COLUMNS
                + ") from stdin with (format binary" + (target == Target.OWN_PART ? ", freeze)" : ")");
        try (CopyPipe<CopyBinary> pipe = CopyPipe.open(
                connection.unwrap(PGConnection.class).getCopyAPI(),
                copy,
                "import-copy-" + job.batchId(),
                CopyBinary::new)) {
            pipe.row().start();
            loading.load(first.chunks(), rows, pipe, partValue);
            phases.lap("read, checked and copied");
            pipe.row().trailer();
            pipe.finish();
            phases.cpu("copying thread", pipe.cpuNanos());
            phases.add("of which waiting for the database", pipe.waitNanos());
            phases.lap("copied (rest of COPY)");
        } catch (SQLException e) {
            // within the outer handling of runtime failures, so that the part loaded so far is dropped
            throw new IllegalStateException("storing batch " + job.batchId() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Ends the part's life once all rows are in: attached with its hashes when it holds enough records, otherwise
     * emptied into the shared part. Counts what was stored.
     */
    private Outcome settle(Job job, OwnPart part, Loading loading, int total, ImportPhases phases) {
        boolean kept = loading.keeps();
        int accepted = kept ? loading.accepted : 0;
        boolean ownPart = false;
        if (part.created() && accepted >= ownPartRows) {
            part.attach(accepted, villageWide(job.schema()), phases);
            part.keepHashes(job.schema().code(), loading.written, partCache(), loading.earlier.changesSeen(), phases);
            ownPart = true;
        } else if (part.created()) {
            part.moveToShared(accepted, phases);
        }
        return new Outcome(
                total,
                accepted,
                loading.rejected(),
                kept ? loading.repeated : 0,
                kept ? loading.unmatched : 0,
                ownPart);
    }

    /** The registry as read for an earlier batch, with what it was read for and the registry's change counter then. */
    private record ReadRegistry(long changes, boolean byPerson, boolean byHousehold, RegistryIndex index) {}

    /**
     * The whole registry, read once and kept (softly: the collector may take it back) for as long as the registry's
     * change counter (V12: raised by every statement that changes households, persons or incomes, and read here in
     * the import's snapshot) stays the same: an equal counter means that no change to the registry was committed
     * since, so the registry this import would read is the one kept. Batches sent one after the other then pay for
     * the registry once; any change to the registry, here or by anyone, reads it anew.
     */
    private RegistryIndex registry(Connection connection, boolean byPerson, boolean byHousehold) throws SQLException {
        long changes = ChangeCounters.read(jdbc, ChangeCounters.REGISTRY);
        ReadRegistry last = lastRegistry.get();
        if (last != null
                && last.changes() == changes
                && (last.byPerson() || !byPerson)
                && (last.byHousehold() || !byHousehold)) {
            return last.index();
        }
        RegistryIndex index = RegistryIndex.readAll(connection, byPerson, byHousehold);
        registryReads.incrementAndGet();
        lastRegistry.put(new ReadRegistry(changes, byPerson, byHousehold, index));
        return index;
    }

    /** The hashes of parts of their own read before, kept softly: the collector may take them back. */
    private final SoftlyKept<EarlierRecords.PartCache> partCache = new SoftlyKept<>();

    /** The cache of parts' hashes (see {@link EarlierRecords.PartCache}), a new one when the collector took it. */
    EarlierRecords.PartCache partCache() {
        return partCache.get(EarlierRecords.PartCache::new);
    }

    /** Forgets the parts' hashes read before (tests). */
    void forgetPartHashes() {
        partCache.forget();
    }

    /** How often the whole registry was read (tests). */
    int registryReads() {
        return registryReads.get();
    }

    /**
     * Rows from which reading the whole registry and the category's earlier records costs less than looking a
     * batch's rows up: a lookup (one per row in the registry, one per row and part among the records) costs about as
     * much as reading twenty entries whole, on the server and here together (measured; BENCHMARKS.md) — hence the
     * 20 below. Never above the size of a part of its own, which is loaded while it is read.
     */
    private int readAllFrom(String category) {
        Map<String, Object> sizes = jdbc.sql("""
                select (select greatest(reltuples, 0) from pg_class where oid = 'person'::regclass) as persons,
                       (select count(*) from pg_inherits where inhparent = 'department_record'::regclass) as parts,
                       (select coalesce(sum(greatest(c.reltuples, 0)), 0) from pg_inherits i
                        join pg_class c on c.oid = i.inhrelid where i.inhparent = 'department_record'::regclass) as records
                """).query().singleRow();
        double entries = ((Number) sizes.get("persons")).doubleValue() + ((Number) sizes.get("records")).doubleValue();
        long parts = ((Number) sizes.get("parts")).longValue();
        long rows = (long) (entries / (20.0 * (1 + parts)));
        return (int) Math.max(1_000, Math.min(rows, Math.max(1_000, ownPartRows)));
    }

    private static void addIfPresent(Set<String> set, String value) {
        if (value != null) {
            set.add(value);
        }
    }

    private static byte[] hashBytes(CheckedRows.Row row, byte[] into) {
        for (int i = 0; i < 8; i++) {
            into[i] = (byte) (row.hashHigh() >>> (56 - 8 * i));
            into[8 + i] = (byte) (row.hashLow() >>> (56 - 8 * i));
        }
        return into;
    }

    /** Matches, sorts out and writes the checked rows, counting what becomes of them. */
    private static final class Loading {

        private final Job job;
        private final RecordRows records;
        private final RowMatcher matcher;
        private final EarlierRecords earlier;
        private final RejectedRows rejected;
        private final byte[] hash = new byte[16];
        /** A chunk's hashes and which of them the category holds already (the chunk's {@code handle}). */
        private long[] chunkHigh = new long[0];

        private long[] chunkLow = new long[0];
        private int[] scratch = new int[0];
        private boolean[] stored = new boolean[0];
        /** The hashes of the records written to a part of its own, to be kept with it (V21). */
        final StoredHashes written = new StoredHashes();

        int checkFailed;
        int unmatchable;
        int repeated;
        int accepted;
        int unmatched;

        Loading(Job job, RecordRows records, RowMatcher matcher, EarlierRecords earlier, RejectedRows rejected) {
            this.job = job;
            this.records = records;
            this.matcher = matcher;
            this.earlier = earlier;
            this.rejected = rejected;
        }

        int rejected() {
            return checkFailed + unmatchable;
        }

        /** Whether the batch's records are stored: always, except with all-or-nothing and a row turned down. */
        boolean keeps() {
            return !(job.allOrNothing() && rejected() > 0);
        }

        /** Counts what would become of rows already read, writing nothing. */
        void dryRun(List<List<CheckedRows.Row>> chunks) throws SQLException {
            for (List<CheckedRows.Row> chunk : chunks) {
                handle(chunk, null, 0, false);
            }
        }

        void reset() {
            checkFailed = 0;
            unmatchable = 0;
            repeated = 0;
            accepted = 0;
            unmatched = 0;
        }

        /** Handles the rows read first, then the rest as the reading thread hands them over. */
        void load(List<List<CheckedRows.Row>> first, CheckedRows rest, CopyPipe<CopyBinary> pipe, long part)
                throws SQLException {
            for (List<CheckedRows.Row> chunk : first) {
                handle(chunk, pipe, part, true);
            }
            first.clear();
            for (List<CheckedRows.Row> chunk = rest.next(); chunk != null; chunk = rest.next()) {
                handle(chunk, pipe, part, true);
            }
        }

        /** Handles a chunk of rows, having first looked up which of them the category holds already, all at once. */
        private void handle(List<CheckedRows.Row> chunk, CopyPipe<CopyBinary> pipe, long part, boolean keepRejected)
                throws SQLException {
            int n = chunk.size();
            if (chunkHigh.length < n) {
                chunkHigh = new long[n];
                chunkLow = new long[n];
                scratch = new int[n];
                stored = new boolean[n];
            }
            for (int i = 0; i < n; i++) {
                CheckedRows.Row row = chunk.get(i);
                chunkHigh[i] = row.hashHigh();
                chunkLow[i] = row.hashLow();
            }
            earlier.containsAll(chunkHigh, chunkLow, n, scratch, stored);
            for (int i = 0; i < n; i++) {
                handle(chunk.get(i), stored[i], pipe, part, keepRejected);
            }
        }

        private void handle(
                CheckedRows.Row row, boolean storedBefore, CopyPipe<CopyBinary> pipe, long part, boolean keepRejected)
                throws SQLException {
            if (row.problem() != null) {
                checkFailed++;
                if (keepRejected) {
                    rejected.add(row.number(), row.problem(), row.cells());
                }
                return;
            }
            Object[] values = row.values();
            RowMatcher.Match match = matcher.match(
                    records.idNumber(values),
                    records.householdNumber(values),
                    records.villageCode(values),
                    records.name(values));
            if (match.problem() != null) {
                unmatchable++;
                if (keepRejected) {
                    rejected.add(row.number(), match.problem(), row.cells());
                }
                return;
            }
            if (storedBefore) {
                repeated++;
                return;
            }
            accepted++;
            if (match.placement().householdId() == null) {
                unmatched++;
            }
            // once a row is turned down under all-or-nothing nothing will be stored: the rest is only counted
            if (pipe != null && keeps()) {
                records.write(
                        pipe.row(), part, job.batchId(), row.number(), values, match.placement(), hashBytes(row, hash));
                pipe.rowDone();
                if (part != SHARED_PART) {
                    written.add(row.hashHigh(), row.hashLow());
                }
            }
        }
    }

    /** Whether a category's rows may be village-wide: any but one that requires an identity number. */
    private static boolean villageWide(CategorySchema schema) {
        return !schema.field(RecordRows.ID_NUMBER).map(FieldSpec::required).orElse(false);
    }

    /** The problems of a row as one reason text. */
    public static String describe(List<RowProblem> problems) {
        // each message names its column already (身份证号：…); a row's reasons read as one Chinese sentence
        StringBuilder text = new StringBuilder();
        for (RowProblem p : problems) {
            text.append(text.isEmpty() ? "" : "；").append(p.message());
        }
        return text.toString();
    }
}
