package org.bulwark.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bulwark.core.region.RegionCode;
import org.bulwark.employment.LabourRegistryRefresh;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./bulwark employment refresh --region <code>}: derives the labour registry of a region again;
 * {@code ./bulwark employment match --region <code>}: matches every labourer of a region at once.
 */
@Command(
        name = "employment",
        mixinStandardHelpOptions = true,
        description = "Employment services (就业帮扶): keep the labour registry of formerly-poor and monitored "
                + "households current, and match every labourer of a region to postings.",
        subcommands = {EmploymentCommand.Refresh.class, EmploymentMatchCommand.class})
public class EmploymentCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(
            name = "refresh",
            mixinStandardHelpOptions = true,
            description = "Derive the labour registry of a region from the registry again: every person aged 16 to "
                    + "64, able or weak labour, of a formerly-poor or monitored household. Adds new labourers, "
                    + "updates changed ones and removes those who no longer qualify, each with a history row; "
                    + "their work, skills and wishes are kept. Running it twice changes nothing the second time.")
    static class Refresh implements Callable<Integer> {

        @Mixin
        DatabaseOptions database = new DatabaseOptions();

        @Option(names = "--region", required = true, description = "region code (2–12 digits), e.g. 522324")
        String region;

        @Override
        public Integer call() {
            Optional<RegionCode> code = RegionCode.tryParse(region);
            if (code.isEmpty()) {
                System.err.println("employment refresh: not a region code: " + region);
                return 2;
            }
            Map<String, Object> properties = new HashMap<>();
            database.addTo(properties);
            try (ConfigurableApplicationContext context = Platform.start(false, properties)) {
                long started = System.nanoTime();
                LabourRegistryRefresh.Outcome outcome = context.getBean(LabourRegistryRefresh.class)
                        .region(code.get(), LabourRegistryRefresh.SYSTEM_NAME);
                System.out.printf(
                        "Labour registry of %s: %d added, %d changed, %d removed in %d ms%n",
                        code.get().value(),
                        outcome.added(),
                        outcome.changed(),
                        outcome.removed(),
                        (System.nanoTime() - started) / 1_000_000);
                return 0;
            }
        }
    }
}
