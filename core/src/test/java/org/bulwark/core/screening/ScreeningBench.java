package org.bulwark.core.screening;

import java.time.LocalDate;
import java.util.Random;

/**
 * Measures the screening engine on a synthetic province; prints figures, asserts nothing (benchmarks are commands,
 * never timed tests). Run after {@code ./mvnw -o -pl core test-compile}:
 *
 * <pre>
 * java -Xmx4g -cp core/target/test-classes:core/target/classes:$(cat cp.txt) \
 *     org.bulwark.core.screening.ScreeningBench [households] [records] [threads]
 * </pre>
 *
 * Defaults: 300,000 households (about 1,050,000 persons), 3,000,000 records over the 23 categories, every processor.
 */
public final class ScreeningBench {

    private static final int RUNS = 5;
    private static final int INCREMENTAL_HOUSEHOLDS = 1_000;

    private ScreeningBench() {
    }

    /** Generates the province, then times full runs and incremental runs. */
    public static void main(String[] args) {
        int households = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 3_000_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        LocalDate asOf = ScreeningScenario.AS_OF;
        long start = System.nanoTime();
        RuleSet rules = ScreeningScenario.defaultRules();
        System.out.printf("rules loaded and compiled: %d rules, %d distinct features, %d record filters in %.0f ms%n",
                rules.rules().size(), rules.features().size(), rules.filters().size(), millis(start));
        start = System.nanoTime();
        SyntheticProvince province = SyntheticProvince.generate(1L, households, records, asOf, rules);
        int recordCount = province.records.values().stream().mapToInt(RecordTable::size).sum();
        System.out.printf("generated %,d households, %,d persons, %,d records in %.1f s%n",
                province.households.size(), province.persons.size(), recordCount, millis(start) / 1000);
        Parameters parameters = rules.parameters("52", asOf.getYear());
        ScreeningEngine engine = new ScreeningEngine(threads);
        for (int run = 1; run <= RUNS; run++) {
            start = System.nanoTime();
            ScreeningResult result = engine.screen(rules, parameters, asOf, province.households, province.persons,
                    province.records);
            System.out.printf("full run %d (%d threads): %.0f ms, %,d hits, %,d unregistered hits (%,d persons)%n",
                    run, threads, millis(start), result.hits().size(), result.unregisteredHits().size(),
                    result.unregisteredPersons());
        }
        Random random = new Random(9);
        for (int run = 1; run <= RUNS; run++) {
            int[] subset = random.ints(INCREMENTAL_HOUSEHOLDS, 0, households).toArray();
            start = System.nanoTime();
            ScreeningResult result = engine.screen(rules, parameters, asOf, province.households, province.persons,
                    province.records, subset);
            System.out.printf("incremental run %d over %,d households: %.0f ms, %,d hits%n", run, subset.length,
                    millis(start), result.hits().size());
        }
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        System.out.printf("heap in use after the runs: %,d MB (max %,d MB)%n",
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
