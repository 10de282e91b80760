package org.bulwark.core.screening;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.Random;

/**
 * Measures the screening engine on a synthetic province; prints figures, asserts nothing (benchmarks are commands,
 * never timed tests). Each run reports wall time and the CPU time the process used meanwhile: on a machine shared with
 * other work the CPU time is the steadier figure, and wall time on idle cores is about CPU time / threads.
 * Run after {@code ./mvnw -o -pl core test-compile}:
 *
 * <pre>
 * ./mvnw -q -o -pl core dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx4g -XX:+UseParallelGC -cp core/target/test-classes:core/target/classes:$(cat core/target/cp.txt) \
 *     org.bulwark.core.screening.ScreeningBench [households] [records] [threads]
 * </pre>
 *
 * Defaults: 300,000 households (about 1,050,000 persons), 3,000,000 records over the 23 categories, every processor.
 * The parallel collector suits a batch run that allocates its hits and drops them (G1 spends about twice as long here).
 */
public final class ScreeningBench {

    private static final int RUNS = 8;
    private static final int INCREMENTAL_HOUSEHOLDS = 1_000;

    private ScreeningBench() {}

    /** Generates the province, then times full runs and incremental runs. */
    public static void main(String[] args) {
        int households = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 3_000_000;
        int threads = args.length > 2
                ? Integer.parseInt(args[2])
                : Runtime.getRuntime().availableProcessors();
        LocalDate asOf = ScreeningScenario.AS_OF;
        long start = System.nanoTime();
        RuleSet rules = ScreeningScenario.defaultRules();
        System.out.printf(
                "rules loaded and compiled: %d rules, %d distinct features, %d record filters in %.0f ms%n",
                rules.rules().size(), rules.features().size(), rules.filters().size(), millis(start));
        start = System.nanoTime();
        SyntheticProvince province = SyntheticProvince.generate(1L, households, records, asOf, rules);
        int recordCount =
                province.records.values().stream().mapToInt(RecordTable::size).sum();
        System.out.printf(
                "generated %,d households, %,d persons, %,d records in %.1f s%n",
                province.households.size(), province.persons.size(), recordCount, millis(start) / 1000);
        Parameters parameters = rules.parameters("52", asOf.getYear());
        ScreeningEngine engine = new ScreeningEngine(threads);
        double bestWall = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        for (int run = 1; run <= RUNS; run++) {
            start = System.nanoTime();
            long cpu = processCpuNanos();
            ScreeningResult result =
                    engine.screen(rules, parameters, asOf, province.households, province.persons, province.records);
            double wall = millis(start);
            double cpuMillis = (processCpuNanos() - cpu) / 1e6;
            bestWall = Math.min(bestWall, wall);
            bestCpu = Math.min(bestCpu, cpuMillis);
            System.out.printf(
                    "full run %d (%d threads): %.0f ms wall, %.0f ms CPU, %,d hits, %,d unregistered hits "
                            + "(%,d persons)%n",
                    run,
                    threads,
                    wall,
                    cpuMillis,
                    result.hits().size(),
                    result.unregisteredHits().size(),
                    result.unregisteredPersons());
        }
        System.out.printf("full run, best of %d: %.0f ms wall, %.0f ms CPU%n", RUNS, bestWall, bestCpu);
        Random random = new Random(9);
        double bestIncremental = Double.MAX_VALUE;
        for (int run = 1; run <= RUNS; run++) {
            int[] subset = random.ints(INCREMENTAL_HOUSEHOLDS, 0, households).toArray();
            start = System.nanoTime();
            long cpu = processCpuNanos();
            ScreeningResult result = engine.screen(
                    rules, parameters, asOf, province.households, province.persons, province.records, subset);
            double wall = millis(start);
            bestIncremental = Math.min(bestIncremental, wall);
            System.out.printf(
                    "incremental run %d over %,d households: %.0f ms wall, %.0f ms CPU, %,d hits%n",
                    run,
                    subset.length,
                    wall,
                    (processCpuNanos() - cpu) / 1e6,
                    result.hits().size());
        }
        System.out.printf("incremental run, best of %d: %.0f ms wall%n", RUNS, bestIncremental);
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        System.out.printf(
                "heap in use after the runs: %,d MB (max %,d MB)%n",
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
        return bean instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
