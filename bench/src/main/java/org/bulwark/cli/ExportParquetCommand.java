package org.bulwark.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bulwark.cluster.ParquetLayoutWriter;
import org.bulwark.core.region.RegionCode;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.screening.ClusterScreening;
import org.bulwark.screening.RuleBook;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./bulwark export-parquet}: a region's screening inputs as the Spark job's Parquet layout (docs/spark.md). */
@Command(
        name = "export-parquet",
        mixinStandardHelpOptions = true,
        description = "Write a region's screening inputs (the columnar store's content: households, persons, incomes, "
                + "records) as the Parquet layout the Spark job reads, with the rule file in force as rules.yaml: "
                + "--region CODE --output DIR [--as-of DATE] (docs/spark.md).")
public class ExportParquetCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--region", required = true, description = "region code (2–12 digits), e.g. 522324")
    String region;

    @Option(names = "--output", required = true, description = "the layout's directory")
    Path output;

    @Option(names = "--as-of", description = "leave out records dated after it (default: all)")
    LocalDate asOf;

    @Override
    public Integer call() throws IOException {
        if (!isRegion(region)) {
            System.err.println("export-parquet: not a region code: " + region);
            return 2;
        }
        Map<String, Object> properties = new HashMap<>();
        database.addTo(properties);
        try (ConfigurableApplicationContext context = Platform.start(false, properties);
                var user = CurrentUser.actAs(BulwarkUser.system(
                        "system-export",
                        Role.PROVINCE_ADMIN,
                        RegionCode.parse(region).value()))) {
            String counts = export(context, region, output, asOf);
            System.out.printf("exported region %s to %s: %s%n", region, output, counts);
            return 0;
        } catch (InvalidInputException | IllegalArgumentException e) {
            System.err.println("export-parquet: " + e.getMessage());
            return 2;
        }
    }

    /** Whether the text is a region code: checked before the platform starts, which takes a while. */
    static boolean isRegion(String code) {
        try {
            RegionCode.parse(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Writes the region's layout and the rule file in force into {@code output}; returns what was written. */
    static String export(ConfigurableApplicationContext context, String region, Path output, LocalDate asOf)
            throws IOException {
        Files.createDirectories(output);
        Files.writeString(
                output.resolve("rules.yaml"), context.getBean(RuleBook.class).activeText(), StandardCharsets.UTF_8);
        try (ParquetLayoutWriter writer =
                new ParquetLayoutWriter(output, RegionCode.parse(region).prefix())) {
            return context.getBean(ClusterScreening.class).export(region, asOf, writer);
        }
    }
}
