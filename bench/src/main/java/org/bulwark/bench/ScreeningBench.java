package org.bulwark.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bulwark.core.region.RegionCode;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.screening.RuleBook;
import org.bulwark.screening.RunReport;
import org.bulwark.screening.ScreeningRuns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Times, in one process and on the same data, the platform's full screening from the data as stored to warnings
 * stored against its peers running the default rules as one SQL statement — DuckDB and PostgreSQL over a typed copy
 * of the inputs, PostgreSQL over the records' JSON text as stored — and checks on every run that all of them flag the
 * same (household or unregistered person, rule, level) set; then times the incremental re-screening that follows a
 * stored batch of 1,000 records. The peers' store builds (the typed copy, DuckDB's load) are timed apart.
 */
@Component
public class ScreeningBench {

    static final String BENCH_USER = "bench-screen";

    /** DuckDB's memory, as the platform's heap in the benchmark's setting: the peer gets what the platform gets. */
    private static final String DUCKDB_MEMORY = "4GB";

    /** The platform's screening threads, which DuckDB gets too. */
    private static final int THREADS = 2;

    /** The platform's peers, the strongest first. */
    public enum Peer {
        DUCKDB("duckdb", "DuckDB typed"),
        POSTGRES_TYPED("postgres-typed", "PostgreSQL typed"),
        POSTGRES_JSON("postgres-json", "PostgreSQL JSON text");

        /** The name on the command line. */
        public final String option;

        final String label;

        Peer(String option, String label) {
            this.option = option;
            this.label = label;
        }

        /** The peer of a command-line name. */
        public static Peer of(String option) {
            for (Peer peer : values()) {
                if (peer.option.equals(option.trim())) {
                    return peer;
                }
            }
            throw new IllegalArgumentException(
                    "no peer named " + option + "; peers: duckdb, postgres-typed, " + "postgres-json");
        }
    }

    private final SqlScreening sql;
    private final TypedScreening typed;
    private final ScreeningRuns runs;
    private final RuleBook ruleBook;
    private final JdbcClient jdbc;
    private final IncrementalBench incremental;
    private final OnboardingBench onboarding;

    /**
     * An onboarding import to time after the full runs (see {@link OnboardingBench}).
     *
     * @param households the new households, none for no onboarding
     * @param county     the importing county, inside the bench's region
     */
    public record Onboarding(int households, String county, long seed) {

        /** No onboarding import. */
        public static final Onboarding NONE = new Onboarding(0, null, 0);
    }

    ScreeningBench(
            SqlScreening sql,
            TypedScreening typed,
            ScreeningRuns runs,
            RuleBook ruleBook,
            JdbcClient jdbc,
            IncrementalBench incremental,
            OnboardingBench onboarding) {
        this.sql = sql;
        this.typed = typed;
        this.runs = runs;
        this.ruleBook = ruleBook;
        this.jdbc = jdbc;
        this.incremental = incremental;
        this.onboarding = onboarding;
    }

    /**
     * Runs the comparison with the peers {@code count} times, then {@code platformOnly} more full runs of the
     * platform alone, the onboarding import and the runs around it, and the incremental bench; false when any peer
     * disagrees with the platform or the runs after the onboarding import are not as it explains.
     */
    public boolean run(
            String region,
            LocalDate asOf,
            int count,
            Set<Peer> peers,
            int platformOnly,
            int batches,
            int editsPerBatch,
            Onboarding onboard,
            PrintStream out) {
        String code = RegionCode.parse(region).value();
        boolean agree;
        try (var user = CurrentUser.actAs(BulwarkUser.system(BENCH_USER, Role.PROVINCE_ADMIN, code))) {
            holdStore(out);
            // the first run raises every warning; the later ones find them open and raise none, as a province's
            // repeated full runs mostly do — both are reported
            if (count > 0) {
                clearBenchWarnings();
                agree = withPeers(region, asOf, count, peers, out);
            } else {
                agree = true;
            }
            platformAlone(region, asOf, platformOnly, out);
            if (onboard.households() > 0) {
                agree &= onboarding
                        .run(region, onboard.county(), onboard.households(), onboard.seed(), asOf, out)
                        .consistent();
            }
            if (batches > 0) {
                incremental.run(region, asOf, batches, editsPerBatch, out);
            }
        }
        return agree;
    }

    /**
     * Brings the store up to date and holds it in memory, as a platform does once it serves (for full runs and for
     * re-screening a batch's households), reporting the heap it takes, measured after collections; not timed.
     */
    private void holdStore(PrintStream out) {
        long refreshStarted = System.nanoTime();
        String refreshed = runs.refreshStore();
        out.printf(
                "screening store brought up to date with the database (not part of the timed runs): %s; " + "%.1f s%n",
                refreshed, (System.nanoTime() - refreshStarted) / 1e9);
        long before = usedHeapAfterCollection();
        long holdStarted = System.nanoTime();
        boolean held = runs.holdStore();
        out.printf(
                "screening store %s in %.1f s; heap used %,d MB before, %,d MB after%n",
                held ? "held in memory" : "NOT held in memory",
                (System.nanoTime() - holdStarted) / 1e9,
                before >> 20,
                usedHeapAfterCollection() >> 20);
    }

    /** Builds the typed peers' stores, runs side by side, and leaves nothing of the peers behind. */
    private boolean withPeers(String region, LocalDate asOf, int count, Set<Peer> peers, PrintStream out) {
        boolean typedPeers = peers.contains(Peer.DUCKDB) || peers.contains(Peer.POSTGRES_TYPED);
        TypedScreening.DuckDb duck = null;
        Path folder = null;
        try {
            if (typedPeers) {
                TypedScreening.Build build = typed.buildPostgres(region);
                out.printf(
                        "peers' store: typed copy built in PostgreSQL (schema %s, %,d rows) in %.1f s%n",
                        TypedInputs.SCHEMA, build.rows(), build.seconds());
            }
            if (peers.contains(Peer.DUCKDB)) {
                folder = Files.createTempDirectory("bench-duckdb");
                duck = typed.loadDuckDb(folder, THREADS, DUCKDB_MEMORY);
                out.printf(
                        "peers' store: DuckDB (%d threads, memory %s) loaded from the typed copy: exported as CSV "
                                + "in %.1f s, read by DuckDB in %.1f s%n",
                        THREADS, DUCKDB_MEMORY, duck.exportSeconds(), duck.loadSeconds());
            }
            return sideBySide(region, asOf, count, peers, duck, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (duck != null) {
                duck.close();
            }
            if (folder != null) {
                folder.toFile().delete();
            }
            if (typedPeers) {
                typed.dropPostgres();
            }
        }
    }

    /** Full runs of the platform and of each peer, {@code count} times; false when any disagrees. */
    private boolean sideBySide(
            String region, LocalDate asOf, int count, Set<Peer> peers, TypedScreening.DuckDb duck, PrintStream out) {
        boolean agree = true;
        double[] platformSeconds = new double[count];
        Map<Peer, double[]> peerSeconds = new EnumMap<>(Peer.class);
        peers.forEach(peer -> peerSeconds.put(peer, new double[count]));
        for (int i = 0; i < count; i++) {
            // the platform first, so the peers' million hits are not in the heap while it runs
            long started = System.nanoTime();
            RunReport report = runs.full(region, asOf);
            platformSeconds[i] = (System.nanoTime() - started) / 1e9;
            out.printf(
                    "run %d (%s): platform full screening %.2f s (load %d ms, screen %d ms, store %d ms; %,d hits, "
                            + "%,d warnings stored)%n",
                    i + 1,
                    i == 0 ? "every warning new" : "warnings already open",
                    platformSeconds[i],
                    report.loadMs(),
                    report.screenMs(),
                    report.storeMs(),
                    report.hits(),
                    report.warningsRaised());
            Set<String> flagged = openWarnings(jdbc, region);
            for (Peer peer : peers) {
                SqlScreening.Outcome outcome = switch (peer) {
                    case DUCKDB -> duck.run(ruleBook.active(), region, asOf);
                    case POSTGRES_TYPED -> typed.runPostgres(ruleBook.active(), region, asOf);
                    case POSTGRES_JSON -> sql.run(ruleBook.active(), region, asOf);
                };
                peerSeconds.get(peer)[i] = outcome.seconds();
                out.printf(
                        "  %s %.2f s (%,d hits), %.1fx the platform's time%n",
                        peer.label, outcome.seconds(), outcome.hits().size(), outcome.seconds() / platformSeconds[i]);
                agree &= compare(peer, outcome.hits(), flagged, out);
            }
        }
        summarize(platformSeconds, peerSeconds, out);
        return agree;
    }

    /**
     * Each engine's first run (every warning new) and the later ones' median and minimum, and the ratio against the
     * fastest peer: the peer's median over the platform's.
     */
    private static void summarize(double[] platformSeconds, Map<Peer, double[]> peerSeconds, PrintStream out) {
        int count = platformSeconds.length;
        if (count == 0) {
            return;
        }
        double platform = later(platformSeconds);
        out.printf(
                "summary (run 1 | runs 2-%d median, min): platform %.2f s | %.2f s, %.2f s; max heap %,d MB%n",
                count,
                platformSeconds[0],
                platform,
                minimum(platformSeconds),
                Runtime.getRuntime().maxMemory() >> 20);
        Peer fastest = null;
        for (Map.Entry<Peer, double[]> e : peerSeconds.entrySet()) {
            double median = later(e.getValue());
            out.printf(
                    "  %s %.2f s | %.2f s, %.2f s; ratio to the platform, run 1 %.1fx, median %.1fx%n",
                    e.getKey().label,
                    e.getValue()[0],
                    median,
                    minimum(e.getValue()),
                    e.getValue()[0] / platformSeconds[0],
                    median / platform);
            if (fastest == null || median < later(peerSeconds.get(fastest))) {
                fastest = e.getKey();
            }
        }
        if (fastest != null) {
            out.printf(
                    "fastest peer: %s; the platform is %.1fx as fast (medians)%n",
                    fastest.label, later(peerSeconds.get(fastest)) / platform);
        }
    }

    /** The median of the runs after the first (the first itself when there is one run). */
    private static double later(double[] seconds) {
        double[] s = seconds.length > 1 ? Arrays.copyOfRange(seconds, 1, seconds.length) : seconds.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static double minimum(double[] seconds) {
        double[] s = seconds.length > 1 ? Arrays.copyOfRange(seconds, 1, seconds.length) : seconds;
        return Arrays.stream(s).min().orElse(0);
    }

    /** Full runs of the platform alone, {@code count} times, with their minimum and median. */
    private void platformAlone(String region, LocalDate asOf, int count, PrintStream out) {
        double[] alone = new double[count];
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            RunReport report = runs.full(region, asOf);
            alone[i] = (System.nanoTime() - started) / 1e9;
            out.printf(
                    "platform alone, run %d: %.2f s (load %d ms, screen %d ms, store %d ms; %,d hits, %,d new "
                            + "warnings)%n",
                    i + 1,
                    alone[i],
                    report.loadMs(),
                    report.screenMs(),
                    report.storeMs(),
                    report.hits(),
                    report.warningsRaised());
        }
        if (count > 0) {
            Arrays.sort(alone);
            out.printf("platform alone: min %.2f s, median %.2f s%n", alone[0], alone[count / 2]);
        }
    }

    private static long usedHeapAfterCollection() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Bench runs start from no open warnings of earlier bench runs, so each raises every hit it finds. */
    private void clearBenchWarnings() {
        jdbc.sql("delete from warning where run_id in (select id from screening_run where started_by = :u)")
                .param("u", BENCH_USER)
                .update();
    }

    /** The region's open warnings, keyed as the peers' hits are. */
    static Set<String> openWarnings(JdbcClient jdbc, String region) {
        return new HashSet<>(jdbc.sql("""
                select household_id, id_number, rule_id, level from warning
                where status = 'OPEN' and village_code like :p
                """)
                .param("p", region + "%")
                .query((rs, n) -> SqlScreening.key(
                        rs.getObject(1, Long.class), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list());
    }

    private static boolean compare(Peer peer, Set<String> expected, Set<String> actual, PrintStream out) {
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(actual);
        List<String> extra = new ArrayList<>(actual);
        extra.removeAll(expected);
        if (missing.isEmpty() && extra.isEmpty()) {
            out.printf("    same %,d (household or person, rule, level) warnings as the platform%n", expected.size());
            return true;
        }
        out.printf(
                "    DIFFERENT: %,d only from %s (e.g. %s), %,d only from the platform (e.g. %s)%n",
                missing.size(),
                peer.label,
                missing.stream().limit(5).toList(),
                extra.size(),
                extra.stream().limit(5).toList());
        return false;
    }
}
