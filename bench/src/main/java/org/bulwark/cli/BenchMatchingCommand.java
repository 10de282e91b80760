package org.bulwark.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.bulwark.core.employment.LabourerProfile;
import org.bulwark.core.employment.Match;
import org.bulwark.core.employment.PostingIndex;
import org.bulwark.core.employment.ProvinceMatching;
import org.bulwark.core.generate.employment.MatchingWorkload;
import org.bulwark.platform.database.DatabaseServer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./bulwark bench-matching}: the matching engine alone, in memory (no database): a generated province's
 * labourers against its postings, the best few postings each, timed as generation, index, province run (median of
 * runs) and one labourer at a time (the page's lookup); with {@code --peer-sample}, PostgreSQL on a sample of the
 * same labourers ({@link MatchingPeer}); with {@code --from-database}, the platform's function on the database instead
 * ({@link MatchingFromDatabase}).
 */
@Command(
        name = "bench-matching",
        mixinStandardHelpOptions = true,
        description = "Benchmark employment matching in memory: every labourer of a generated province against its "
                + "postings (best --top each), and one labourer at a time; no database unless --write or "
                + "--peer-sample. With --from-database, the platform's matching of --region end to end on "
                + "the database instead (read by COPY, index, match), the region first filled with a "
                + "generated province over its real villages when it has no labourers.")
public class BenchMatchingCommand implements Callable<Integer> {

    @Option(names = "--labourers", defaultValue = "3000000", description = "labourers (default: ${DEFAULT-VALUE})")
    int labourers;

    @Option(names = "--postings", defaultValue = "100000", description = "postings (default: ${DEFAULT-VALUE})")
    int postings;

    @Option(names = "--threads", defaultValue = "2", description = "matching threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--runs", defaultValue = "3", description = "province runs (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--top", defaultValue = "5", description = "postings kept per labourer (default: ${DEFAULT-VALUE})")
    int top;

    @Option(
            names = "--lookups",
            defaultValue = "10000",
            description = "one-labourer lookups timed (default: ${DEFAULT-VALUE})")
    int lookups;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--day", description = "match as of this day (default: 2026-12-07; postings' dates follow it)")
    LocalDate day = LocalDate.of(2026, 12, 7);

    @Option(
            names = "--peer-sample",
            defaultValue = "0",
            description = "also time PostgreSQL (a lateral top-N query over typed tables) on this many of the "
                    + "labourers and extrapolate; starts the platform's database (default: ${DEFAULT-VALUE}, no peer)")
    int peerSample;

    @Option(
            names = "--write",
            description = "also run the province once more writing every match into a table of the database by "
                    + "COPY as it is found (starts the platform's database; the table is dropped after)")
    boolean write;

    @Option(
            names = "--from-database",
            description = "time ./bulwark employment match's function on the database: fill the employment tables "
                    + "of --region with --labourers and --postings generated over its real villages when it has no "
                    + "labourers, then read, index and match --runs times")
    boolean fromDatabase;

    @Option(
            names = "--region",
            defaultValue = "52",
            description = "with --from-database: the region matched (default: ${DEFAULT-VALUE}, Guizhou)")
    String region;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Override
    public Integer call() throws Exception {
        if (fromDatabase) {
            Map<String, Object> properties = new HashMap<>();
            database.addTo(properties);
            try (ConfigurableApplicationContext context = Platform.start(false, properties)) {
                new MatchingFromDatabase(this, context).run();
            }
            return 0;
        }
        long t = System.nanoTime();
        MatchingWorkload workload = MatchingWorkload.generate(labourers, postings, seed, day);
        System.out.printf(
                "generated %,d labourers in %,d villages and %,d postings in %.2f s%n",
                workload.labourers().size(),
                workload.shape().villages().size(),
                workload.postings().size(),
                seconds(t));
        t = System.nanoTime();
        PostingIndex index = PostingIndex.build(workload.postings(), day);
        System.out.printf("index of %,d postings open on %s built in %.3f s%n", index.size(), day, seconds(t));
        province(workload.labourers(), index);
        lookups(workload.labourers(), index);
        heap();
        if (peerSample > 0 || write) {
            Map<String, Object> properties = new HashMap<>();
            database.addTo(properties);
            try (ConfigurableApplicationContext context = Platform.start(false, properties)) {
                if (write) {
                    written(workload.labourers(), index, context.getBean(DataSource.class));
                }
                if (peerSample > 0) {
                    peer(workload, index, context);
                }
            }
        }
        return 0;
    }

    private void province(List<LabourerProfile> all, PostingIndex index) {
        double[] times = new double[runs];
        ProvinceMatching.Outcome outcome = null;
        for (int r = 0; r < runs; r++) {
            LongAdder checksum = new LongAdder();
            long t = System.nanoTime();
            outcome = ProvinceMatching.run(all, index, top, threads, (l, matches) -> checksum.add(sum(matches)));
            times[r] = seconds(t);
            System.out.printf("run %d: %.2f s (checksum %d)%n", r + 1, times[r], checksum.sum());
        }
        Arrays.sort(times);
        System.out.printf(
                "province matching, %d threads, top %d: median %.2f s of %d runs; %,d matches, %,d labourers "
                        + "without any, %,d index lookups (the rest shared within villages)%n",
                threads, top, times[runs / 2], runs, outcome.matches(), outcome.unmatched(), outcome.lookups());
    }

    /** PostgreSQL on every n-th labourer, checked against the engine on the same labourers. */
    private void peer(MatchingWorkload workload, PostingIndex index, ConfigurableApplicationContext context)
            throws Exception {
        List<LabourerProfile> all = workload.labourers();
        int step = Math.max(1, all.size() / peerSample);
        List<LabourerProfile> sample = new ArrayList<>();
        for (int i = 0; i < all.size() && sample.size() < peerSample; i += step) {
            sample.add(all.get(i));
        }
        long engineMatches = 0;
        long engineChecksum = 0;
        for (LabourerProfile l : sample) {
            List<Match> matches = index.postingsFor(l, top);
            engineMatches += matches.size();
            engineChecksum += sum(matches);
        }
        {
            MatchingPeer.Result r = new MatchingPeer(
                            context.getBean(JdbcClient.class), context.getBean(DataSource.class))
                    .run(workload.postings(), sample, day, top);
            System.out.printf(
                    "PostgreSQL peer (%s), %,d labourers: %.2f s, %,d matches (engine: %,d), checksum %s the engine's;"
                            + " extrapolated to %,d labourers: %.0f s (one statement, no writing)%n",
                    context.getBean(DatabaseServer.class).isEmbedded() ? "embedded" : "server",
                    sample.size(),
                    r.seconds(),
                    r.matches(),
                    engineMatches,
                    r.checksum() == engineChecksum && r.matches() == engineMatches ? "equals" : "DIFFERS FROM",
                    all.size(),
                    r.seconds() * all.size() / sample.size());
        }
    }

    /** The province once more, each labourer's matches COPYed into a table as they are found. */
    private void written(List<LabourerProfile> all, PostingIndex index, DataSource dataSource) throws Exception {
        long t = System.nanoTime();
        long rows;
        try (MatchCopy copy = new MatchCopy(dataSource, "bench_match")) {
            ProvinceMatching.run(all, index, top, threads, copy);
            rows = copy.finish();
        }
        double seconds = seconds(t);
        try (var c = dataSource.getConnection();
                var s = c.createStatement()) {
            s.execute("drop table if exists bench_match");
        }
        System.out.printf(
                "province matching written by COPY into PostgreSQL as found: %.2f s, %,d rows%n", seconds, rows);
    }

    private static long sum(List<Match> matches) {
        long s = 0;
        for (Match m : matches) {
            s += m.posting().id();
        }
        return s;
    }

    /** One labourer at a time, as the page asks: the index lookup and the reasons of each match. */
    private void lookups(List<LabourerProfile> all, PostingIndex index) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] nanos = new long[lookups];
        long reasons = 0;
        for (int i = 0; i < lookups + 2_000; i++) {
            LabourerProfile l = all.get(random.nextInt(all.size()));
            long t = System.nanoTime();
            for (Match m : index.postingsFor(l, 20)) {
                reasons += m.reasons().size();
            }
            if (i >= 2_000) { // the first 2,000 warm up
                nanos[i - 2_000] = System.nanoTime() - t;
            }
        }
        Arrays.sort(nanos);
        System.out.printf(
                "one labourer (best 20 with reasons), %,d lookups: p50 %.1f µs, p95 %.1f µs, max %.1f µs (%d reasons)%n",
                lookups,
                nanos[lookups / 2] / 1e3,
                nanos[(int) (lookups * 0.95)] / 1e3,
                nanos[lookups - 1] / 1e3,
                reasons);
    }

    private static void heap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(
                "heap: %.2f GiB live after GC (workload and index), peak of pools %.2f GiB, max %.2f GiB%n",
                (rt.totalMemory() - rt.freeMemory()) / gib(), peak / gib(), rt.maxMemory() / gib());
    }

    private static double gib() {
        return 1024.0 * 1024 * 1024;
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
