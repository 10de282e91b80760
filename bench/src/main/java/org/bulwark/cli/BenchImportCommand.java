package org.bulwark.cli;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bulwark.demo.RegistryGeneration;
import org.bulwark.exchange.Batch;
import org.bulwark.exchange.BatchStored;
import org.bulwark.exchange.DepartmentDataImport;
import org.bulwark.exchange.FileFormat;
import org.bulwark.exchange.ImportPhases;
import org.bulwark.exchange.ImportRequest;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.DurableEvents;
import org.bulwark.platform.database.DatabaseServer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./bulwark bench-import}: the department-data import rate on a large generated county. Generates the county's
 * registry when it has fewer persons than asked, writes a medical-settlement CSV of new records for its persons
 * (a new feed seed each run, so every run stores new records on top of the earlier ones), and imports it through
 * {@link DepartmentDataImport}, the code path of the upload page, the API and {@code ./bulwark import}. Prints
 * rows/s up to the commit, the phases, and the incremental screening that follows separately.
 */
@Command(
        name = "bench-import",
        mixinStandardHelpOptions = true,
        description = "Benchmark the department data import: a generated medical_settlement CSV of --rows rows for "
                + "the persons of a generated county, imported as one batch; prints rows/s and where the time went.")
public class BenchImportCommand implements Callable<Integer> {

    static final String CATEGORY = "medical_settlement";

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(
            names = "--county",
            defaultValue = "522326",
            description = "county to fill and import for (default: ${DEFAULT-VALUE}, Wangmo)")
    String county;

    @Option(
            names = "--persons",
            defaultValue = "1000000",
            description = "persons the county should hold (default: ${DEFAULT-VALUE})")
    long persons;

    @Option(
            names = "--rows",
            defaultValue = "1000000",
            description = "rows of the CSV batch (default: ${DEFAULT-VALUE})")
    long rows;

    @Option(
            names = "--runs",
            defaultValue = "1",
            description = "batches to import one after the other in this "
                    + "process (default: ${DEFAULT-VALUE}); the first pays for compiling the import's code, the next ones show "
                    + "a platform that has imported before")
    int runs;

    @Option(names = "--file", description = "where to write the CSV (default: a temporary file, deleted afterwards)")
    Path file;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> properties = new HashMap<>();
        database.addTo(properties);
        try (ConfigurableApplicationContext context = Platform.start(false, properties)) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            RegistryGeneration generation = context.getBean(RegistryGeneration.class);
            // the same registry as bench-search: households for the persons asked, seed 7
            int households = (int) Math.ceil(persons / 3.43);
            ensureRegistry(jdbc, generation, households);
            for (int r = 1; r <= runs; r++) {
                if (runs > 1) {
                    System.out.printf("--- run %d of %d in this process%n", r, runs);
                }
                writeAndImport(context, jdbc, generation, households);
            }
            return 0;
        }
    }

    /** Generates the county's registry unless it holds persons already. */
    private void ensureRegistry(JdbcClient jdbc, RegistryGeneration generation, int households) {
        long have = jdbc.sql("select count(*) from person p join household h on h.id = p.household_id "
                        + "where h.village_code like :c")
                .param("c", county + "%")
                .query(Long.class)
                .single();
        if (have == 0) {
            System.out.printf("generating %d households into county %s ...%n", households, county);
            long t = System.nanoTime();
            RegistryGeneration.Outcome o = generation.generate(county, households, 7, null, true);
            System.out.printf(
                    "generated %d households, %d persons in %.1f s%n",
                    o.households(), o.persons(), (System.nanoTime() - t) / 1e9);
            jdbc.sql("analyze").update();
        }
    }

    /** Writes a new feed file (a seed of its own per batch, so its records are new) and imports it. */
    private void writeAndImport(
            ConfigurableApplicationContext context, JdbcClient jdbc, RegistryGeneration generation, int households)
            throws IOException {
        long batchesBefore = jdbc.sql("select count(*) from exchange_batch where category = :c")
                .param("c", CATEGORY)
                .query(Long.class)
                .single();
        // the batches' counts, not count(*): that would read every record and push them out of the caches
        long recordsBefore = jdbc.sql(
                        "select coalesce(sum(rows_accepted), 0) from exchange_batch " + "where status = 'ACCEPTED'")
                .query(Long.class)
                .single();
        Path csv = file != null ? file : Files.createTempFile("bench-import-", ".csv");
        try {
            long t = System.nanoTime();
            long written = generation.writeFeedFile(county, households, 7, 1000 + batchesBefore, CATEGORY, rows, csv);
            System.out.printf(
                    "wrote %d %s rows (%d MB) in %.1f s; %d department records stored before%n",
                    written, CATEGORY, Files.size(csv) >> 20, (System.nanoTime() - t) / 1e9, recordsBefore);
            System.out.printf(
                    "machine load average before the import: %.1f%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            run(context, csv);
        } finally {
            if (file == null) {
                Files.deleteIfExists(csv);
            }
        }
    }

    /** User plus system CPU time of a local process in clock ticks (1/100 s on Linux), or -1 when unreadable. */
    static long cpuTicks(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // the fields after the command name (which may hold spaces) in parentheses: utime and stime are 12th and
            // 13th
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private void run(ConfigurableApplicationContext context, Path csv) {
        CurrentUser.actAs(
                BulwarkUser.system("bench-import", Role.PROVINCE_ADMIN, (county + "000000").substring(0, 12)));
        Measurement measured = new Measurement();
        Batch batch = importCommitted(context, csv, measured);
        // the screening the commit sets off runs on another thread (a durable listener): wait for it
        context.getBean(DurableEvents.class)
                .awaitCompletion(BatchStored.class, stored -> stored.batchId() == batch.id(), Duration.ofHours(1));
        measured.done = System.nanoTime();
        report(context, batch, measured);
    }

    /** What one import is measured by: its phases, and clocks and CPU counters read at its start and commit. */
    private static final class Measurement {
        final ImportPhases phases = new ImportPhases();
        long committed;
        final long[] backendCpu = {-1, -1};
        final long[] javaCpu = new long[2];
        final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        final long gcBefore = gcMillis();
        final CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        final long jitBefore = compiler.getTotalCompilationTime();
        final long started = System.nanoTime();
        long done;

        static long gcMillis() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                    .sum();
        }
    }

    /**
     * Imports the file in a transaction of its own; the import joins it, so the time to its commit is taken before
     * the screening that the commit sets off (an after-commit listener) runs.
     */
    private Batch importCommitted(ConfigurableApplicationContext context, Path csv, Measurement measured) {
        DepartmentDataImport importer = context.getBean(DepartmentDataImport.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        return new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).execute(status -> {
            // the PostgreSQL process serving the import's connection, to read its CPU time when the server is local
            int backend =
                    jdbc.sql("select pg_backend_pid()").query(Integer.class).single();
            measured.backendCpu[0] = cpuTicks(backend);
            measured.javaCpu[0] = measured.os.getProcessCpuTime();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public int getOrder() {
                    return Ordered.HIGHEST_PRECEDENCE;
                }

                @Override
                public void afterCommit() {
                    measured.committed = System.nanoTime();
                    measured.javaCpu[1] = measured.os.getProcessCpuTime();
                    measured.backendCpu[1] = cpuTicks(backend);
                }
            });
            return importer.run(
                    new ImportRequest(CATEGORY, csv, csv.getFileName().toString(), FileFormat.CSV, false),
                    measured.phases);
        });
    }

    private static void report(ConfigurableApplicationContext context, Batch batch, Measurement m) {
        double seconds = (m.committed - m.started) / 1e9;
        System.out.printf(
                "database: %s%n",
                context.getBean(DatabaseServer.class).isEmbedded() ? "embedded PostgreSQL" : "PostgreSQL server");
        System.out.printf(
                "batch %d %s: %d rows, %d stored, %d rejected, %d already stored, %d not registered%n",
                batch.id(),
                batch.status(),
                batch.rowsTotal(),
                batch.rowsAccepted(),
                batch.rowsRejected(),
                batch.rowsRepeated(),
                batch.rowsUnmatched());
        System.out.printf(
                "import, validated and stored up to the commit: %.2f s = %.0f rows/s%n",
                seconds, batch.rowsTotal() / seconds);
        System.out.printf("phases (ms): %s%n", m.phases);
        long gcMillis = Measurement.gcMillis() - m.gcBefore;
        System.out.printf(
                "Java CPU by thread up to the end of the load (ms): %s; garbage collection pauses %d ms; "
                        + "JIT compilation %d ms%n",
                m.phases.cpuMillis(), gcMillis, m.compiler.getTotalCompilationTime() - m.jitBefore);
        System.out.printf("CPU of the importing thread by phase (ms): %s%n", m.phases.phaseCpuMillis());
        System.out.printf(
                "CPU time up to the commit: Java process %.1f s, PostgreSQL backend %s (parallel index-build "
                        + "workers not counted); machine load average at the end: %.1f on %d cores%n",
                (m.javaCpu[1] - m.javaCpu[0]) / 1e9,
                m.backendCpu[0] < 0 || m.backendCpu[1] < 0
                        ? "n/a (server not local)"
                        : String.format("%.1f s", (m.backendCpu[1] - m.backendCpu[0]) / 100.0),
                m.os.getSystemLoadAverage(),
                m.os.getAvailableProcessors());
        System.out.printf(
                "after the commit, not part of the import figure: ANALYZE of a new part (see the last phase) "
                        + "and the incremental screening the batch sets off: %.1f s%n",
                (m.done - m.committed) / 1e9);
    }
}
