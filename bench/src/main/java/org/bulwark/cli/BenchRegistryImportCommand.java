package org.bulwark.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.bulwark.core.generate.GeneratedHousehold;
import org.bulwark.core.generate.GeneratedPerson;
import org.bulwark.core.region.RegionCode;
import org.bulwark.demo.RegistryGeneration;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.onboarding.ImportPreview;
import org.bulwark.onboarding.RegistryExports;
import org.bulwark.onboarding.RegistryImports;
import org.bulwark.platform.database.DatabaseServer;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;
import org.bulwark.registry.Household;
import org.bulwark.registry.Person;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./bulwark bench-registry-import}: a county's registry file of about a million persons brought in through
 * {@link RegistryImports} (preview, then commit, as {@code ./bulwark registry import} does), first into a county that
 * does not hold it (every household new), then the same file again (every household unchanged); then PostgreSQL alone
 * on the same file ({@link RegistryImportPeer}). The file is generated (core generator, seed 7, the households of
 * bench-search and bench-import) and written by the registry export's own writer, so it is the file a county
 * exported would be.
 */
@Command(
        name = "bench-registry-import",
        mixinStandardHelpOptions = true,
        description = "Benchmark the registry import (issue 13): a generated members CSV of --persons persons imported "
                + "into a county without them (new), then again (unchanged); then PostgreSQL's own COPY and merge of "
                + "the same file.")
public class BenchRegistryImportCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(
            names = "--county",
            defaultValue = "522326",
            description = "county to import into (default: ${DEFAULT-VALUE}, Wangmo)")
    String county;

    @Option(
            names = "--persons",
            defaultValue = "1000000",
            description = "persons of the file, about (default: ${DEFAULT-VALUE})")
    long persons;

    @Option(
            names = "--runs",
            defaultValue = "1",
            description = "imports of the unchanged file after the first (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--no-peer", description = "leave out PostgreSQL's own COPY and merge")
    boolean noPeer;

    @Option(names = "--file", description = "where to write the CSV (default: a temporary file, deleted afterwards)")
    Path file;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> properties = new HashMap<>();
        database.addTo(properties);
        try (ConfigurableApplicationContext context = Platform.start(false, properties)) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            System.out.printf(
                    "database: %s%n",
                    context.getBean(DatabaseServer.class).isEmbedded() ? "embedded PostgreSQL" : "PostgreSQL server");
            Path csv = file != null ? file : Files.createTempFile("bench-registry-import-", ".csv");
            try {
                write(context, csv);
                printLoad("before the imports");
                try (var acting = CurrentUser.actAs(BulwarkUser.system(
                        "bench-registry-import",
                        Role.COUNTY_APPROVER,
                        RegionCode.parse(county).value()))) {
                    imports(context, jdbc, csv);
                }
                if (!noPeer) {
                    new RegistryImportPeer(jdbc, context.getBean(javax.sql.DataSource.class)).run(csv);
                }
                printLoad("after");
            } finally {
                if (file == null) {
                    Files.deleteIfExists(csv);
                }
            }
            return 0;
        }
    }

    private void imports(ConfigurableApplicationContext context, JdbcClient jdbc, Path csv) throws IOException {
        RegistryImports imports = context.getBean(RegistryImports.class);
        long held = jdbc.sql("select count(*) from person p join household h on h.id = p.household_id "
                        + "where h.village_code like :c")
                .param("c", county + "%")
                .query(Long.class)
                .single();
        if (held == 0) {
            importOnce(imports, jdbc, csv, "new");
        } else {
            System.out.printf(
                    "county %s holds %,d persons already: no \"new\" import (use a fresh --data-dir for it)%n",
                    county, held);
        }
        for (int r = 1; r <= runs; r++) {
            importOnce(imports, jdbc, csv, "unchanged");
        }
    }

    /** Writes the generated county as the registry export writes a members file. */
    private void write(ConfigurableApplicationContext context, Path csv) throws IOException {
        RegistryGeneration generation = context.getBean(RegistryGeneration.class);
        Regions regions = context.getBean(Regions.class);
        int households = (int) Math.ceil(persons / 3.43);
        Map<String, Regions.VillageNames> villages =
                regions.villageNames(regions.villagesUnder(county, 100_000).stream()
                        .map(Region::code)
                        .toList());
        long t = System.nanoTime();
        AtomicLong ids = new AtomicLong();
        long rows;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(csv), 1 << 16);
                Stream<GeneratedHousehold> generated = generation.households(county, households, 7)) {
            rows = RegistryExports.writeMembersCsv(
                    generated.map(h -> members(h, ids.incrementAndGet())), villages, out);
        }
        System.out.printf(
                "wrote %,d households, %,d rows (%d MB) in %.1f s to %s%n",
                households, rows, Files.size(csv) >> 20, (System.nanoTime() - t) / 1e9, csv);
    }

    private static RegistryExports.HouseholdMembers members(GeneratedHousehold g, long id) {
        Household h = new Household(
                id, g.householdNumber(), g.villageCode(), g.category(), g.address(), g.phone(), 0, null, null);
        List<Person> members = g.members().stream().map(p -> person(p, id)).toList();
        return new RegistryExports.HouseholdMembers(h, members);
    }

    private static Person person(GeneratedPerson p, long householdId) {
        return new Person(
                0,
                householdId,
                p.idNumber(),
                p.name(),
                p.sex(),
                p.birthDate(),
                p.relation(),
                p.education(),
                p.health(),
                p.disability(),
                p.labourCapacity(),
                p.employment(),
                p.employmentPlace(),
                p.employmentMonths(),
                p.schooling(),
                p.medicalInsured(),
                p.pensionInsured(),
                0);
    }

    /** One import of the file, preview and commit, from the file on disk to stored; prints its counts and phases. */
    private void importOnce(RegistryImports imports, JdbcClient jdbc, Path csv, String what) throws IOException {
        Map<String, Long> phases = new LinkedHashMap<>();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<Integer, Long> postgresBefore = postgresTicks(jdbc);
        long javaBefore = os.getProcessCpuTime();
        long started = System.nanoTime();
        ImportPreview preview = imports.preview(
                csv,
                csv.getFileName().toString(),
                county,
                rows -> {},
                (phase, nanos) -> phases.merge("preview." + phase, nanos, Long::sum));
        long previewed = System.nanoTime();
        ImportPreview done =
                imports.commit(preview.id(), (phase, nanos) -> phases.merge("commit." + phase, nanos, Long::sum));
        long stored = System.nanoTime();
        long javaCpu = os.getProcessCpuTime() - javaBefore;
        Map<Integer, Long> postgresAfter = postgresTicks(jdbc);
        long postgresCpu = postgresAfter.entrySet().stream()
                .mapToLong(e -> e.getValue() - postgresBefore.getOrDefault(e.getKey(), 0L))
                .sum();
        printCounts(what, done.counts());
        System.out.printf(
                "%s: file to stored %.2f s (preview %.2f s, commit %.2f s)%n",
                what, (stored - started) / 1e9, (previewed - started) / 1e9, (stored - previewed) / 1e9);
        StringBuilder line = new StringBuilder(what + ": phases (ms):");
        phases.forEach(
                (phase, nanos) -> line.append(' ').append(phase).append(' ').append(nanos / 1_000_000));
        System.out.println(line);
        System.out.printf(
                "%s: CPU from the file to stored: Java process %.1f s, PostgreSQL processes %s%n",
                what,
                javaCpu / 1e9,
                postgresAfter.isEmpty() ? "n/a (server not local)" : String.format("%.1f s", postgresCpu / 100.0));
    }

    private static void printCounts(String what, ImportPreview.Counts c) {
        System.out.printf(
                "%s: %,d rows; households %,d new, %,d changed, %,d unchanged, %,d refused; persons %,d new, %,d "
                        + "changed, %,d unchanged; rows refused %,d, withheld %,d%n",
                what,
                c.rows(),
                c.householdsNew(),
                c.householdsChanged(),
                c.householdsUnchanged(),
                c.householdsRefused(),
                c.personsNew(),
                c.personsChanged(),
                c.personsUnchanged(),
                c.rowsRefused(),
                c.rowsWithheld());
    }

    /**
     * CPU time in clock ticks of the database's processes (backends and background workers) that run now, when the
     * server is local; a process started later counts from zero, one that ended meanwhile is missed.
     */
    static Map<Integer, Long> postgresTicks(JdbcClient jdbc) {
        Map<Integer, Long> ticks = new HashMap<>();
        for (Integer pid : jdbc.sql("select pid from pg_stat_activity")
                .query(Integer.class)
                .list()) {
            long t = BenchImportCommand.cpuTicks(pid);
            if (t >= 0) {
                ticks.put(pid, t);
            }
        }
        return ticks;
    }

    static void printLoad(String when) {
        System.out.printf(
                "machine load average %s: %.2f on %d cores%n",
                when,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }
}
