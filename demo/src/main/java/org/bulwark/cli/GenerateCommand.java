package org.bulwark.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bulwark.demo.OnboardingFiles;
import org.bulwark.demo.RegistryGeneration;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./bulwark generate}: a deterministic synthetic registry for a real county. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Fill the real villages of a county with generated households (deterministic for a seed) "
                + "and store them in the database; with --csv also write them as CSV files, with --feeds department "
                + "data consistent with them; with --onboarding write a county's onboarding files instead (members, "
                + "incomes, monitoring roster and the statistics expected after their import), storing nothing.")
public class GenerateCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--county", required = true, description = "6-digit county code, e.g. 522324 (Qinglong)")
    String county;

    @Option(names = "--households", required = true, description = "number of households")
    int households;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--csv", description = "folder to write households.csv, persons.csv and incomes.csv into")
    Path csv;

    @Option(
            names = "--feeds",
            description = "folder to write department data feeds into (one CSV per category, "
                    + "ready for ./bulwark import), consistent with the generated households")
    Path feeds;

    @Option(
            names = "--records-per-person",
            defaultValue = "4",
            description = "department records per person in the "
                    + "feeds (default: ${DEFAULT-VALUE}; about 10 for the province benchmark)")
    double recordsPerPerson;

    @Option(
            names = "--onboarding",
            description = "folder to write the onboarding files into: 户籍成员.csv and 家庭收入.csv in the import "
                    + "templates, 监测对象名单.csv (the roster) and 预期统计.txt; nothing is stored")
    Path onboarding;

    @Option(
            names = "--roster",
            defaultValue = "2000",
            description = "with --onboarding: households in the roster, with 2021-2025 histories "
                    + "(default: ${DEFAULT-VALUE})")
    int roster;

    @Option(names = "--csv-only", description = "only write the CSV files; do not store anything in the database")
    boolean csvOnly;

    @Override
    public Integer call() {
        if (csvOnly && csv == null) {
            System.err.println("--csv-only needs --csv <folder>");
            return 2;
        }
        if (onboarding != null && (csv != null || feeds != null || csvOnly)) {
            System.err.println("--onboarding writes its own files; leave out --csv, --csv-only and --feeds");
            return 2;
        }
        Map<String, Object> properties = new HashMap<>();
        database.addTo(properties);
        long started = System.nanoTime();
        try (ConfigurableApplicationContext context = Platform.start(false, properties)) {
            if (onboarding != null) {
                return onboarding(context.getBean(OnboardingFiles.class), started);
            }
            RegistryGeneration.Outcome outcome =
                    context.getBean(RegistryGeneration.class).generate(county, households, seed, csv, !csvOnly);
            System.out.printf(
                    "generated %d households, %d persons, %d income records for county %s in %.1f s%s%s%n",
                    outcome.households(),
                    outcome.persons(),
                    outcome.incomes(),
                    county,
                    (System.nanoTime() - started) / 1e9,
                    outcome.loaded() ? "; stored in the database" : "",
                    csv == null ? "" : "; CSV in " + csv.toAbsolutePath());
            if (feeds != null) {
                var rows = context.getBean(RegistryGeneration.class)
                        .writeFeeds(county, households, seed, county, recordsPerPerson, feeds);
                System.out.printf("department feeds in %s: %s%n", feeds.toAbsolutePath(), rows);
            }
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("generate: " + e.getMessage());
            return 2;
        }
    }

    private int onboarding(OnboardingFiles files, long started) {
        OnboardingFiles.Written w = files.write(county, households, roster, seed, onboarding);
        System.out.printf(
                "wrote %d households, %d persons, %d income records and a roster of %d households (%d periods) "
                        + "for county %s in %.1f s into %s%n",
                w.households(),
                w.persons(),
                w.incomes(),
                w.rosterHouseholds(),
                w.rosterRows(),
                county,
                (System.nanoTime() - started) / 1e9,
                onboarding.toAbsolutePath());
        System.out.println(
                "expected statistics after importing the roster (also in " + OnboardingFiles.EXPECTED + "):");
        w.expected().lines().forEach(System.out::println);
        return 0;
    }
}
