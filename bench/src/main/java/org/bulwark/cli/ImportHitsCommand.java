package org.bulwark.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bulwark.cluster.HitsParquetReader;
import org.bulwark.core.region.RegionCode;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.screening.ClusterScreening;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./bulwark import-hits}: the Spark job's hits of a region into warnings, as a full run stores its own. */
@Command(
        name = "import-hits",
        mixinStandardHelpOptions = true,
        description = "Store the Spark job's hits (Parquet, by province) of a region as warnings, de-duplicated "
                + "against the open ones exactly as a full run here: --input DIR --region CODE [--as-of DATE] "
                + "(docs/spark.md).")
public class ImportHitsCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--input", required = true, description = "the Spark job's hits directory (its --output)")
    Path input;

    @Option(names = "--region", required = true, description = "region code (2–12 digits), e.g. 522324")
    String region;

    @Option(
            names = "--as-of",
            description = "the job's as-of date (default: read from the hits' deadlines; checked against them)")
    LocalDate asOf;

    @Override
    public Integer call() {
        // checked before the platform starts, which takes a while
        if (!ExportParquetCommand.isRegion(region)) {
            System.err.println("import-hits: not a region code: " + region);
            return 2;
        }
        if (!Files.isDirectory(input)) {
            System.err.println("import-hits: no hits directory " + input);
            return 2;
        }
        Map<String, Object> properties = new HashMap<>();
        database.addTo(properties);
        try (ConfigurableApplicationContext context = Platform.start(false, properties);
                var user = CurrentUser.actAs(BulwarkUser.system(
                        "system-import-hits",
                        Role.PROVINCE_ADMIN,
                        RegionCode.parse(region).value()))) {
            ClusterScreening.Imported imported = importHits(context, input, region, asOf);
            System.out.println(summary(imported));
            return 0;
        } catch (InvalidInputException | IllegalArgumentException e) {
            System.err.println("import-hits: " + e.getMessage());
            return 2;
        }
    }

    /** Reads the hits of the region's province and stores those of the region. */
    static ClusterScreening.Imported importHits(
            ConfigurableApplicationContext context, Path input, String region, LocalDate asOf) {
        List<ClusterScreening.ClusterHit> hits =
                HitsParquetReader.read(input, RegionCode.parse(region).prefix());
        return context.getBean(ClusterScreening.class).importHits(region, asOf, hits, "spark " + input);
    }

    static String summary(ClusterScreening.Imported imported) {
        return String.format(
                "run %d of region %s as of %s, rules %s: %d hits; %d new warnings, %d already open (unchanged), "
                        + "%d open warnings not hit again (left open: a full run closes none), %d hits outside the "
                        + "region left out",
                imported.run().runId(),
                imported.run().regionCode(),
                imported.run().asOf(),
                imported.run().rulesVersion(),
                imported.run().hits(),
                imported.run().warningsRaised(),
                imported.unchanged(),
                imported.openNotHit(),
                imported.outsideRegion());
    }
}
