package org.bulwark.bench;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
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
 * Times, in one process and on the same data, PostgreSQL running the default rules as SQL and the platform's full
 * screening from the data as stored to warnings stored, and checks that both flag the same (household, rule) pairs;
 * then times the incremental re-screening that follows a stored batch of 1,000 records.
 */
@Component
public class ScreeningBench {

    static final String BENCH_USER = "bench-screen";

    private final SqlScreening sql;
    private final ScreeningRuns runs;
    private final RuleBook ruleBook;
    private final JdbcClient jdbc;
    private final IncrementalBench incremental;

    ScreeningBench(
            SqlScreening sql, ScreeningRuns runs, RuleBook ruleBook, JdbcClient jdbc, IncrementalBench incremental) {
        this.sql = sql;
        this.runs = runs;
        this.ruleBook = ruleBook;
        this.jdbc = jdbc;
        this.incremental = incremental;
    }

    /**
     * Runs the comparison {@code count} times, then {@code platformOnly} more full runs of the platform alone, and the
     * incremental bench; false when the two disagree.
     */
    public boolean run(
            String region,
            LocalDate asOf,
            int count,
            int platformOnly,
            int batches,
            int editsPerBatch,
            PrintStream out) {
        String code = RegionCode.parse(region).value();
        boolean agree;
        try (var user = CurrentUser.actAs(BulwarkUser.system(BENCH_USER, Role.PROVINCE_ADMIN, code))) {
            holdStore(out);
            // the first run raises every warning; the later ones find them open and raise none, as a province's
            // repeated full runs mostly do — both are reported
            if (count > 0) {
                clearBenchWarnings();
            }
            agree = sideBySide(region, asOf, count, out);
            platformAlone(region, asOf, platformOnly, out);
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

    /** Full runs of the platform and of the SQL reference, {@code count} times; false when they disagree. */
    private boolean sideBySide(String region, LocalDate asOf, int count, PrintStream out) {
        boolean agree = true;
        double[] sqlSeconds = new double[count];
        double[] platformSeconds = new double[count];
        for (int i = 0; i < count; i++) {
            // the platform first, so PostgreSQL's million hits are not in the heap while it runs
            long started = System.nanoTime();
            RunReport report = runs.full(region, asOf);
            platformSeconds[i] = (System.nanoTime() - started) / 1e9;
            SqlScreening.Outcome reference = sql.run(ruleBook.active(), region, asOf);
            sqlSeconds[i] = reference.seconds();
            out.printf(
                    "run %d (%s): PostgreSQL SQL %.2f s (%,d hits); platform full screening %.2f s (load %d ms, "
                            + "screen %d ms, store %d ms; %,d hits, %,d warnings stored); ratio %.1fx%n",
                    i + 1,
                    i == 0 ? "every warning new" : "warnings already open",
                    sqlSeconds[i],
                    reference.hits().size(),
                    platformSeconds[i],
                    report.loadMs(),
                    report.screenMs(),
                    report.storeMs(),
                    report.hits(),
                    report.warningsRaised(),
                    sqlSeconds[i] / platformSeconds[i]);
            agree &= compare(reference.hits(), region, out);
        }
        summarize(sqlSeconds, platformSeconds, out);
        return agree;
    }

    /** The ratios: the first run (every warning new) apart, the later ones by minimum and median. */
    private static void summarize(double[] sqlSeconds, double[] platformSeconds, PrintStream out) {
        int count = sqlSeconds.length;
        if (count > 1) {
            double[] s = Arrays.copyOfRange(sqlSeconds, 1, count);
            double[] p = Arrays.copyOfRange(platformSeconds, 1, count);
            Arrays.sort(s);
            Arrays.sort(p);
            out.printf(
                    "runs 2-%d: PostgreSQL SQL min %.2f s, median %.2f s; platform min %.2f s, median %.2f s; "
                            + "ratio of medians %.1fx, of minima %.1fx%n",
                    count,
                    s[0],
                    s[s.length / 2],
                    p[0],
                    p[p.length / 2],
                    s[s.length / 2] / p[p.length / 2],
                    s[0] / p[0]);
        }
        if (count > 0) {
            out.printf(
                    "run 1: ratio %.1fx; max heap %,d MB%n",
                    sqlSeconds[0] / platformSeconds[0], Runtime.getRuntime().maxMemory() >> 20);
        }
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

    private boolean compare(Set<String> expected, String region, PrintStream out) {
        Set<String> actual = new HashSet<>(jdbc.sql("""
                select household_id, id_number, rule_id, level from warning
                where status = 'OPEN' and village_code like :p
                """)
                .param("p", region + "%")
                .query((rs, n) -> SqlScreening.key(
                        rs.getObject(1, Long.class), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list());
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(actual);
        List<String> extra = new ArrayList<>(actual);
        extra.removeAll(expected);
        if (missing.isEmpty() && extra.isEmpty()) {
            out.printf("  same %,d (household, rule, level) warnings from both%n", expected.size());
            return true;
        }
        out.printf(
                "  DIFFERENT: %,d only from SQL (e.g. %s), %,d only from the platform (e.g. %s)%n",
                missing.size(),
                missing.stream().limit(5).toList(),
                extra.size(),
                extra.stream().limit(5).toList());
        return false;
    }
}
