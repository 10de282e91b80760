package org.bulwark.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * The Spark module's commands as {@code --help} lists them: they run from spark/target/bulwark-spark.jar with Spark's
 * jars, which this jar never carries; {@code ./bulwark} sends them there before this jar starts.
 */
final class SparkCommands {

    private SparkCommands() {}

    private static final String ELSEWHERE = "spark-* commands run from the Spark module's jar "
            + "(spark/target/bulwark-spark.jar): run them through ./bulwark, or see docs/spark.md";

    @Command(
            name = "spark-screen",
            description = "Screen the Parquet layout (households, persons, incomes, records by province) on Apache "
                    + "Spark with core's engine and rule file: --master local[2] --input DIR --output DIR "
                    + "[--rules FILE] [--as-of DATE] (docs/spark.md).")
    static final class Screen implements Callable<Integer> {
        @Unmatched
        List<String> arguments;

        @Override
        public Integer call() {
            System.err.println(ELSEWHERE);
            return 2;
        }
    }

    @Command(
            name = "spark-generate",
            description = "Generate a national-scale workload as that Parquet layout, county by county: "
                    + "--households N --output DIR [--provinces 52,53] (docs/spark.md).")
    static final class Generate implements Callable<Integer> {
        @Unmatched
        List<String> arguments;

        @Override
        public Integer call() {
            System.err.println(ELSEWHERE);
            return 2;
        }
    }
}
