package org.bulwark.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.bulwark.spark.generate.LayoutCopy;
import org.bulwark.spark.generate.NationalGenerator;
import org.bulwark.spark.screen.SparkScreening;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Spark module's command line: {@code ./bulwark spark-screen} and {@code ./bulwark spark-generate} run it locally
 * (Spark's jars on the class path), {@code spark-submit --class org.bulwark.spark.SparkCli bulwark-spark.jar
 * spark-screen …} on a cluster (docs/spark.md).
 */
@Command(
        name = "bulwark",
        mixinStandardHelpOptions = true,
        version = "Bulwark 0.1.0 on Spark",
        description = "Screening of a nation on Apache Spark with core's engine and rule file (docs/spark.md).",
        subcommands = {SparkCli.Screen.class, SparkCli.Generate.class, CommandLine.HelpCommand.class})
public final class SparkCli implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new SparkCli()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** {@code spark-screen}: the Parquet layout in, hits with evidence out. */
    @Command(
            name = "spark-screen",
            mixinStandardHelpOptions = true,
            description = "Screen the Parquet layout under --input (households, persons, incomes, records by "
                    + "province) with core's engine on Spark; write the hits and their evidence as Parquet.")
    static final class Screen implements Callable<Integer> {

        @Option(
                names = "--master",
                description = "Spark master, e.g. local[2]; left out, spark-submit's (or local[*] when none)")
        String master;

        @Option(names = "--input", required = true, description = "directory of the Parquet layout")
        String input;

        @Option(names = "--output", required = true, description = "directory the hits are written to (replaced)")
        String output;

        @Option(names = "--rules", description = "rule file (default: the platform's rules.yaml)")
        Path rules;

        @Option(names = "--as-of", description = "as-of date (default: today)")
        LocalDate asOf;

        @Option(names = "--partitions", description = "shuffle partitions (default: 4 per core of the job)")
        Integer partitions;

        @Option(
                names = "--batch",
                defaultValue = "2000",
                description = "households per engine call inside a partition (default: ${DEFAULT-VALUE})")
        int batch;

        @Override
        public Integer call() throws IOException {
            String rulesText =
                    rules == null ? resource("/screening/rules.yaml") : Files.readString(rules, StandardCharsets.UTF_8);
            String rulesName =
                    rules == null ? "rules.yaml" : rules.getFileName().toString();
            SparkSession spark = session(master, "bulwark spark-screen");
            if (spark.sparkContext().isLocal()) {
                // a local run prints its result, not Spark's progress; a cluster keeps its own logging
                spark.sparkContext().setLogLevel("WARN");
            }
            try {
                int parallelism = spark.sparkContext().defaultParallelism();
                SparkScreening.Summary summary = SparkScreening.run(
                        spark,
                        new SparkScreening.Job(
                                input,
                                output,
                                rulesText,
                                rulesName,
                                asOf == null ? LocalDate.now() : asOf,
                                partitions == null ? 4 * parallelism : partitions,
                                batch));
                System.out.printf(
                        "screened %,d households and %,d unregistered persons in %.1f s (%,.0f households/s on %d "
                                + "cores; the engine's part %.1f s over all tasks): %,d hits written to %s%n",
                        summary.households(),
                        summary.unregisteredPersons(),
                        summary.seconds(),
                        summary.households() / summary.seconds(),
                        parallelism,
                        summary.engineSeconds(),
                        summary.hits(),
                        output);
                return 0;
            } finally {
                spark.stop();
            }
        }
    }

    /** {@code spark-generate}: a national-scale workload written province by province. */
    @Command(
            name = "spark-generate",
            mixinStandardHelpOptions = true,
            description = "Generate households, persons, incomes and department records with core's generators "
                    + "and write them as the Parquet layout, county by county, without holding them in memory; "
                    + "or, with --copy-of, make a larger layout by copying a generated one under other provinces' "
                    + "codes and ids.")
    static final class Generate implements Callable<Integer> {

        @Option(
                names = "--households",
                required = true,
                description = "households in all, e.g. 30000000 (with --copy-of: at least this many, whole counties)")
        long households;

        @Option(
                names = "--copy-of",
                description = "copy this layout instead of generating: first as it is, then again as other "
                        + "provinces (new province codes, identity numbers and ids) until --households is reached; "
                        + "--provinces, --seed, --as-of and --records-per-person do not apply")
        Path copyOf;

        @Option(names = "--output", required = true, description = "directory to write the layout to")
        Path output;

        @Option(
                names = "--provinces",
                split = ",",
                description = "province codes to fill, e.g. 52,53 (default: the 31 provinces)")
        List<String> provinces;

        @Option(names = "--seed", defaultValue = "17", description = "seed (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--as-of", description = "reference date of the data (default: today)")
        LocalDate asOf;

        @Option(
                names = "--records-per-person",
                defaultValue = "6",
                description = "department records per person to aim at (default: ${DEFAULT-VALUE}; at least ~3.9)")
        double recordsPerPerson;

        @Option(
                names = "--threads",
                description = "provinces generated (with --copy-of: files copied) at once (default: the cores)")
        Integer threads;

        @Override
        public Integer call() throws Exception {
            int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            if (copyOf != null) {
                return copy(threadCount);
            }
            List<String> codes = provinces == null ? NationalGenerator.PROVINCES : provinces;
            NationalGenerator.Written written = NationalGenerator.generate(
                    new NationalGenerator.Plan(
                            output,
                            households,
                            codes,
                            seed,
                            asOf == null ? LocalDate.now() : asOf,
                            recordsPerPerson,
                            threadCount),
                    System.out::println);
            System.out.printf(
                    "wrote %,d households, %,d persons and %,d records in %d counties to %s in %.0f s%n",
                    written.households(),
                    written.persons(),
                    written.records(),
                    written.counties(),
                    output,
                    written.seconds());
            return 0;
        }

        private Integer copy(int threadCount) throws Exception {
            LayoutCopy.Written written =
                    LayoutCopy.copy(new LayoutCopy.Plan(copyOf, households, output, threadCount), System.out::println);
            System.out.printf(
                    "copied %s to %s: %,d households in %d counties (%d passes over the source), %,d rows in "
                            + "%.1f s (%,.0f rows/s on %d threads)%n",
                    copyOf,
                    output,
                    written.households(),
                    written.counties(),
                    written.passes(),
                    written.rows(),
                    written.seconds(),
                    written.rows() / written.seconds(),
                    threadCount);
            return 0;
        }
    }

    /** A session on the given master, or on spark-submit's; the driver on the loopback unless told otherwise. */
    static SparkSession session(String master, String name) {
        SparkSession.Builder builder = SparkSession.builder().appName(name);
        boolean submitted = System.getProperty("spark.master") != null;
        if (master != null) {
            builder.master(master);
        } else if (!submitted) {
            builder.master("local[*]");
        }
        if (master != null && master.startsWith("local") || !submitted && master == null) {
            builder.config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1");
        }
        return builder.getOrCreate();
    }

    private static String resource(String name) throws IOException {
        try (var in = Objects.requireNonNull(SparkCli.class.getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
