package org.bulwark.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bulwark.core.region.RegionCode;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.screening.RuleBook;
import org.bulwark.screening.RunReport;
import org.bulwark.screening.ScreeningRuns;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./bulwark screen}: a full screening of a region, or a shadow run of draft rules. */
@Command(
        name = "screen",
        mixinStandardHelpOptions = true,
        description = "Screen every household of a region with the active rules and store the warnings; with "
                + "--shadow <rules.yaml>, only count what draft rules would flag, per rule and township.")
public class ScreenCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--region", required = true, description = "region code (2–12 digits), e.g. 522324")
    String region;

    @Option(names = "--as-of", description = "screen as of this date (default: today)")
    LocalDate asOf;

    @Option(names = "--shadow", description = "a draft rule file to try without raising warnings")
    Path shadow;

    @Override
    public Integer call() throws IOException {
        Map<String, Object> properties = new HashMap<>();
        database.addTo(properties);
        try (ConfigurableApplicationContext context = Platform.start(false, properties)) {
            CurrentUser.actAs(BulwarkUser.system(
                    "system-screening",
                    Role.PROVINCE_ADMIN,
                    RegionCode.parse(region).value()));
            ScreeningRuns runs = context.getBean(ScreeningRuns.class);
            RunReport report = shadow == null
                    ? runs.full(region, asOf)
                    : runs.shadow(
                            region,
                            asOf,
                            RuleBook.draft(Files.readString(shadow, StandardCharsets.UTF_8), shadow.toString()));
            System.out.printf(
                    "%s run %d of region %s as of %s, rules %s: %d households, %d records, %d hits, "
                            + "%d new warnings; load %d ms, screen %d ms, store %d ms%n",
                    report.mode(),
                    report.runId(),
                    report.regionCode(),
                    report.asOf(),
                    report.rulesVersion(),
                    report.households(),
                    report.records(),
                    report.hits(),
                    report.warningsRaised(),
                    report.loadMs(),
                    report.screenMs(),
                    report.storeMs());
            System.out.println("hits per rule:");
            report.hitsByRule().forEach((rule, n) -> System.out.printf("  %-8s %8d%n", rule, n));
            System.out.println("hits per township:");
            report.hitsByTownship().forEach((township, n) -> System.out.printf("  %s %8d%n", township, n));
            return 0;
        } catch (InvalidInputException e) {
            System.err.println("screen: " + e.getMessage());
            return 2;
        }
    }
}
