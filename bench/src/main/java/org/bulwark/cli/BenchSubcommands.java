package org.bulwark.cli;

import java.util.List;

/** The benchmarks' commands (BENCHMARKS.md): {@code ./bulwark bench-search}, {@code bench-import}, {@code bench-screen},
 * {@code bench-registry-import}, {@code bench-matching}; the cluster hand-over, {@code export-parquet} and
 * {@code import-hits}; and where the Spark module's {@code spark-screen} and
 * {@code spark-generate} run. */
public class BenchSubcommands implements Subcommands {

    @Override
    public List<Class<?>> commands() {
        return List.of(
                BenchSearchCommand.class,
                BenchImportCommand.class,
                BenchScreenCommand.class,
                BenchRegistryImportCommand.class,
                BenchMatchingCommand.class,
                ExportParquetCommand.class,
                ImportHitsCommand.class,
                SparkCommands.Screen.class,
                SparkCommands.Generate.class);
    }
}
