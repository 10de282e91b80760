package org.bulwark.screening.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.bulwark.core.screening.HouseholdTable;
import org.bulwark.core.screening.PersonTable;
import org.bulwark.core.screening.RecordTable;
import org.bulwark.platform.ChangeCounters;
import org.bulwark.screening.ScreeningInputRows;
import org.bulwark.screening.store.RefreshPlan.RegistryCopy;
import org.bulwark.screening.store.StoreFiles.Stamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's columnar store of screening inputs, in files: the registry as screening reads it and, per
 * category the rules read, the records with only the fields they read — a fraction of what PostgreSQL keeps, in
 * columns that load into the engine's tables at memory speed. PostgreSQL stays the system of record: the store
 * notes the change counters (migration V12) of the snapshot it copied, and before each use it catches up — records
 * inserted since (a stored batch) are appended as a new segment; registry edits the change log (V23, V91) names
 * are read for those households only and merged into the registry file; anything else (a deleted record, other
 * rules, a registry the log cannot account for) is copied again from the database. The registry and the categories
 * are copied side by side on a few connections sharing the refresh's snapshot ({@link SnapshotLanes}), so every copy
 * reads one consistent snapshot.
 *
 * <p>This class is the store's face and keeps the copy held in memory; the parts behind it: {@code StoreFiles} (what
 * lies in a store folder), {@code RefreshPlan} (what a refresh copies), {@code StoreCopy} (the copying) and
 * {@code FullInput} (a full run's tables built from the store).
 */
public final class ScreeningStore {

    private static final Logger log = LoggerFactory.getLogger(ScreeningStore.class);
    private static final int THREADS = 2;

    private final DataSource dataSource;
    private final Path root;
    private final boolean inMemory;
    private final int copyLanes;
    /** The store's columns held in memory, with their index; null until loaded, or once behind the files. */
    private ResidentStore resident;
    /**
     * The last full run's inputs built from the copy held in memory, for the next full run while nothing they were
     * built from has changed; softly held, so the heap gives them up before it runs short.
     */
    private SoftReference<PreparedInput> prepared = new SoftReference<>(null);

    private final AtomicBoolean loading = new AtomicBoolean();

    /** A store in a folder of {@code root} named after the database it copies, held in memory once read. */
    public ScreeningStore(DataSource dataSource, Path root) {
        this(dataSource, root, true);
    }

    /**
     * A store in a folder of {@code root} named after the database it copies; {@code inMemory}: whether the running
     * platform keeps its columns in memory once read (for full runs, and for re-screening a batch's households
     * without reading PostgreSQL), or reads the files for each full run.
     */
    public ScreeningStore(DataSource dataSource, Path root, boolean inMemory) {
        this(dataSource, root, inMemory, THREADS);
    }

    /**
     * As {@link #ScreeningStore(DataSource, Path, boolean)}; {@code copyLanes}: how many connections copy side by
     * side (each holds one category's columns while it copies it).
     */
    public ScreeningStore(DataSource dataSource, Path root, boolean inMemory, int copyLanes) {
        this.dataSource = dataSource;
        this.root = root;
        this.inMemory = inMemory;
        this.copyLanes = Math.max(1, copyLanes);
    }

    /**
     * What a run reads: the engine's tables and the record id behind each record; {@code refreshed} says what
     * catching up with the database did (a full run), or where an incremental run's inputs came from ("memory",
     * "memory+database").
     */
    public record Input(
            HouseholdTable households,
            PersonTable persons,
            Map<String, RecordTable> records,
            Map<String, long[]> recordIds,
            int recordCount,
            String refreshed) {

        /** The same inputs, with what catching up did this time. */
        Input withRefreshed(String what) {
            return new Input(households, persons, records, recordIds, recordCount, what);
        }
    }

    /**
     * The registry part of an incremental run's inputs, read elsewhere (from PostgreSQL, while the store's registry is
     * behind it): households ascending by id, their members ascending by id, and the database id of each member.
     */
    public record SubsetRegistry(HouseholdTable households, PersonTable persons, long[] personIds) {}

    /**
     * The inputs of a full run of the region as of the date, for rules reading {@code fieldsRead} (category → field →
     * type), after catching up with the database.
     */
    public synchronized Input fullInput(
            Map<String, Map<String, String>> fieldsRead, String regionPrefix, LocalDate asOf) {
        String refreshed = refresh(fieldsRead);
        Path folder = folder();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            if (!inMemory) {
                return FullInput.fromFiles(folder, fieldsRead, regionPrefix, asOf, pool)
                        .input(refreshed);
            }
            return fromMemory(resident(folder, fieldsRead, pool), fieldsRead, regionPrefix, asOf, pool)
                    .withRefreshed(refreshed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "reading the screening store failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A full run's inputs from the copy held in memory: the last run's when they were built from the same snapshot
     * for the same region, date and fields (a repeated run with nothing new then costs the screening alone), built
     * anew otherwise.
     */
    private Input fromMemory(
            ResidentStore held,
            Map<String, Map<String, String>> fieldsRead,
            String regionPrefix,
            LocalDate asOf,
            ExecutorService pool)
            throws InterruptedException, ExecutionException {
        PreparedInput last = prepared.get();
        if (last != null && last.serves(held, fieldsRead, regionPrefix, asOf)) {
            return last.input();
        }
        // let go of the last run's tables before building these: both would not fit a province's heap
        prepared = new SoftReference<>(null);
        Input input =
                FullInput.fromMemory(held, fieldsRead, regionPrefix, asOf, pool).input("");
        prepared = new SoftReference<>(new PreparedInput(held, held.stamp(), fieldsRead, regionPrefix, asOf, input));
        return input;
    }

    /** A full run's inputs and what they were built from: the copy held in memory at its snapshot. */
    private record PreparedInput(
            ResidentStore from,
            Stamp stamp,
            Map<String, Map<String, String>> fieldsRead,
            String regionPrefix,
            LocalDate asOf,
            Input input) {

        boolean serves(ResidentStore held, Map<String, Map<String, String>> fields, String prefix, LocalDate date) {
            // the same object at the same snapshot: the held copy grows in place when a batch is appended
            return from == held
                    && stamp.equals(held.stamp())
                    && fieldsRead.equals(fields)
                    && regionPrefix.equals(prefix)
                    && asOf.equals(date);
        }
    }

    /**
     * Hands the region's content of the store to {@code rows} — after catching up with the database, as a full run
     * does — from its files: households, members and incomes, then each category's records (those a full run of the
     * region places) with the fields {@code fieldsRead} names; records dated after {@code until} and incomes of later
     * years are left out when it is given. Returns what was handed out.
     */
    public synchronized String export(
            Map<String, Map<String, String>> fieldsRead,
            String regionPrefix,
            LocalDate until,
            ScreeningInputRows rows) {
        refresh(fieldsRead);
        Path folder = folder();
        try {
            Stamp stamp = StoreFiles.readStamp(folder);
            StoreExport export =
                    new StoreExport(RegistryColumns.read(StoreFiles.registryFile(folder)), regionPrefix, until, rows);
            export.registry(until == null ? Integer.MAX_VALUE : until.getYear());
            for (String category : fieldsRead.keySet()) {
                // segment by segment, oldest first: record ids ascend through them as one category's table does
                for (RecordColumns segment : StoreFiles.readSegments(
                        folder, category, stamp.segments().getOrDefault(category, 0))) {
                    export.records(segment);
                }
            }
            return export.counts();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The inputs of an incremental run — some households (database ids) and unregistered residents (identity
     * numbers) of the region, as of the date — from the store held in memory, when its records reflect the database
     * as it is now (their change counters are those of the snapshot held). When the registry changed since (an
     * edited household, member or income), the households the change log (V23) names are read again from PostgreSQL
     * and every other one comes from memory (source "memory+changes"); when the log cannot tell (pruned past the
     * copy, or a statement that changed every household), the households and members come from
     * {@code registryNow} and only the records from memory (source "memory+database"); with no change since,
     * everything comes from memory (source "memory"). Empty when
     * the store is not held or its records are behind (a changed or deleted record, a batch not appended), and the
     * run reads PostgreSQL. The store is held from the first full run on, or once a platform serves
     * ({@link #loadInBackground}).
     */
    public synchronized Optional<Input> incrementalInput(
            Map<String, Map<String, String>> fieldsRead,
            String regionPrefix,
            LocalDate asOf,
            Collection<Long> householdIds,
            Collection<String> idNumbers,
            Supplier<SubsetRegistry> registryNow) {
        if (!inMemory || resident == null || !resident.holds(fieldsRead)) {
            return Optional.empty();
        }
        Stamp held = resident.stamp();
        Map<String, Long> counters = counters();
        if (held.inserted() != counters.getOrDefault("records_inserted", 0L)
                || held.changed() != counters.getOrDefault("records_changed", 0L)) {
            return Optional.empty();
        }
        if (held.registry() == counters.getOrDefault("registry", 0L) || registryChangesRead(householdIds)) {
            return Optional.of(resident.subset(regionPrefix, asOf, householdIds, idNumbers));
        }
        return Optional.of(resident.subset(regionPrefix, asOf, registryNow.get(), idNumbers));
    }

    /**
     * Brings the held store's patch up to the registry change log (which households were edited since its registry
     * was copied) and reads those of the run's households among them again from PostgreSQL; false when the log cannot
     * tell what changed, and the run's households and members are read from PostgreSQL instead.
     */
    private boolean registryChangesRead(Collection<Long> householdIds) {
        try (Connection connection = dataSource.getConnection()) {
            return RegistryChangeLog.catchUp(connection, resident.patch(), householdIds);
        } catch (SQLException e) {
            log.warn("Registry change log not read: {}", e.getMessage());
            return false;
        }
    }

    /**
     * Loads the store into memory on a background thread when its records reflect the database as it is now (what a
     * platform does once started, so that the first batch's re-screening need not wait); does nothing if a load is
     * under way, the store is held already, or its records are behind the database.
     */
    public void loadInBackground(Map<String, Map<String, String>> fieldsRead) {
        if (!inMemory || !loading.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(
                () -> {
                    try {
                        loadIfCurrent(fieldsRead);
                    } catch (RuntimeException e) {
                        log.warn("Screening store not loaded into memory: {}", e.getMessage());
                    } finally {
                        loading.set(false);
                    }
                },
                "screening-store-load");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Loads the store into memory if its records reflect the database now (its registry may be behind: incremental
     * runs then read households and members from PostgreSQL); returns whether it is held.
     */
    public synchronized boolean loadIfCurrent(Map<String, Map<String, String>> fieldsRead) {
        if (!inMemory) {
            return false;
        }
        Path folder = folder();
        if (!StoreFiles.hasStamp(folder)) {
            return false;
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            Stamp stamp = StoreFiles.readStamp(folder);
            Map<String, Long> counters = counters();
            if (stamp.inserted() != counters.getOrDefault("records_inserted", 0L)
                    || stamp.changed() != counters.getOrDefault("records_changed", 0L)
                    || !stamp.fields().equals(fieldsRead.toString())) {
                return false;
            }
            resident(folder, fieldsRead, pool);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Whether the store is held in memory (for tests and the log). */
    public synchronized boolean held() {
        return resident != null;
    }

    /** The store held in memory for the snapshot in the folder, read from the files when not held yet. */
    private ResidentStore resident(Path folder, Map<String, Map<String, String>> fieldsRead, ExecutorService pool)
            throws IOException {
        Stamp stamp = StoreFiles.readStamp(folder);
        if (resident != null && resident.stamp().equals(stamp) && resident.holds(fieldsRead)) {
            return resident;
        }
        // let go of an older copy before reading the new one: both would not fit a province's heap
        resident = null;
        prepared = new SoftReference<>(null);
        long started = System.nanoTime();
        try {
            Future<RegistryColumns> registry = pool.submit(() -> RegistryColumns.read(StoreFiles.registryFile(folder)));
            Map<String, Future<List<RecordColumns>>> segments =
                    StoreFiles.readSegments(folder, stamp, fieldsRead, pool);
            Map<String, List<RecordColumns>> read = new LinkedHashMap<>();
            for (Map.Entry<String, Future<List<RecordColumns>>> entry : segments.entrySet()) {
                read.put(entry.getKey(), entry.getValue().get());
            }
            resident = ResidentStore.of(stamp, registry.get(), fieldsRead, read);
            // a copy leaves each category in segments, one per range of ids; a full run wants them as one
            fieldsRead.keySet().forEach(resident::records);
            resident.warmUp(LocalDate.now());
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "reading the screening store failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        log.info(
                "Screening store {} held in memory: {} households, read and indexed in {} ms; the index takes "
                        + "about {} MB",
                folder,
                String.format("%,d", resident.registry.households),
                (System.nanoTime() - started) / 1_000_000,
                resident.indexBytes() >> 20);
        return resident;
    }

    private Map<String, Long> counters() {
        Map<String, Long> counters;
        try (Connection connection = dataSource.getConnection()) {
            counters = ChangeCounters.readAll(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the screening input counters failed: " + e.getMessage(), e);
        }
        return counters;
    }

    /**
     * Brings the store up to date with the database: appends records inserted since its snapshot, or copies what
     * changed otherwise. Returns what it did, for the run's log.
     */
    public synchronized String refresh(Map<String, Map<String, String>> fieldsRead) {
        return refresh(fieldsRead, false);
    }

    /** As {@link #refresh(Map)}; {@code recordsOnly}: leaves a registry that is behind to the next full refresh. */
    private String refresh(Map<String, Map<String, String>> fieldsRead, boolean recordsOnly) {
        Path folder = folder();
        String signature = fieldsRead.toString();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            String done;
            try {
                done = refresh(connection, folder, fieldsRead, signature, recordsOnly);
                connection.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                connection.setAutoCommit(autoCommit);
            }
            pruneRegistryLog(connection, StoreFiles.readStamp(folder));
            return done;
        } catch (SQLException e) {
            throw new IllegalStateException("refreshing the screening store failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Appends the records stored since the snapshot when no record was changed or deleted since (a batch was
     * stored), also while the registry is behind (it stays marked so, and the next full run copies it); leaves
     * anything else — no store yet, other rules — to the next full run. Returns whether the records are current.
     */
    public synchronized boolean appendIfOnlyRecordsAdded(Map<String, Map<String, String>> fieldsRead) {
        Path folder = folder();
        if (!StoreFiles.hasStamp(folder)) {
            return false;
        }
        try {
            Stamp old = StoreFiles.readStamp(folder);
            Map<String, Long> counters = counters();
            if (old.changed() != counters.getOrDefault("records_changed", 0L)
                    || !old.fields().equals(fieldsRead.toString())) {
                return false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        refresh(fieldsRead, true);
        return true;
    }

    /** Brings the files up to the snapshot of {@code connection}'s transaction. Returns what it did, for the log. */
    private String refresh(
            Connection connection,
            Path folder,
            Map<String, Map<String, String>> fieldsRead,
            String signature,
            boolean recordsOnly)
            throws SQLException, IOException {
        Files.createDirectories(folder);
        RefreshPlan plan = RefreshPlan.of(connection, folder, fieldsRead, signature, recordsOnly, resident);
        if (!plan.changesNothing()) {
            // the last run's tables are about to be out of date (whatever becomes of the copy held in memory below):
            // let them go before the refresh needs the room
            prepared = new SoftReference<>(null);
        }
        if (!plan.keepsResident(resident, fieldsRead)) {
            // what is held in memory is about to be copied again: let it go first, so both never share the heap
            resident = null;
        }
        StoreCopy copy = new StoreCopy(dataSource, copyLanes, folder, fieldsRead);
        Map<String, Integer> segments = new LinkedHashMap<>();
        RegistryColumns held = resident != null ? resident.registry : null;
        List<String> done = new ArrayList<>(copy.inLanes(connection, plan, held, segments));
        Map<String, RecordColumns> appended = copy.appendOthers(connection, plan, segments, done);
        Stamp stamp = plan.stamp(signature, segments);
        StoreFiles.writeStamp(folder, stamp);
        RegistryColumns rewritten = plan.registry().rewritten()[0];
        if (resident != null && rewritten != null) {
            // the registry was brought up to date in part: the records held stay, indexed over the new registry
            if (appended != null) {
                resident.append(appended, stamp);
            }
            resident = resident.withRegistry(stamp, rewritten);
            resident.warmUp(LocalDate.now());
        } else {
            keepResidentCurrent(plan.old(), stamp, appended, plan.registry().copy() != RegistryCopy.STALE, fieldsRead);
        }
        String report = done.isEmpty() ? "up to date" : String.join("; ", done);
        if (!done.isEmpty()) {
            log.info("Screening store {}: {}", folder, report);
        }
        return report;
    }

    /**
     * Keeps the copy held in memory in step with the files just written: a stored batch's segment joins it when
     * it held the old snapshot and the registry was not copied; anything else is read again when next needed.
     */
    private void keepResidentCurrent(
            Stamp old,
            Stamp stamp,
            Map<String, RecordColumns> appended,
            boolean registryNotCopied,
            Map<String, Map<String, String>> fieldsRead) {
        if (resident == null || resident.stamp().equals(stamp)) {
            return;
        }
        if (appended != null && registryNotCopied && resident.stamp().equals(old) && resident.holds(fieldsRead)) {
            resident.append(appended, stamp);
        } else {
            resident = null;
        }
    }

    /**
     * Deletes the registry change log up to what the store's files hold: the log then only grows with the edits since
     * the last registry copy. Housekeeping, so a failure is only logged.
     */
    private static void pruneRegistryLog(Connection connection, Stamp stamp) {
        if (stamp.logged() <= 0) {
            return;
        }
        try {
            RegistryChangeLog.prune(connection, stamp.logged());
        } catch (SQLException e) {
            log.warn("Registry change log not pruned: {}", e.getMessage());
        }
    }

    /** The folder of this database: a store copied from one database must never be read for another. */
    private Path folder() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select current_database(), (select id from screening_store_identity)")) {
            rows.next();
            return root.resolve(rows.getString(1).replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + rows.getString(2));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot name the screening store's database: " + e.getMessage(), e);
        }
    }
}
