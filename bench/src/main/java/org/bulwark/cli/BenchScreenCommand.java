package org.bulwark.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.bulwark.bench.ProvinceLoader;
import org.bulwark.bench.ScreeningBench;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.region.RegionLevel;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./bulwark bench-screen}: fills a province with generated households and department records (unless it holds
 * them already), then times the platform's full screening and its peers running the default rules as SQL — DuckDB and
 * PostgreSQL over a typed copy of the inputs, PostgreSQL over the records as stored — on the same data, side by side,
 * checks on every run that all flag the same households and persons for the same rules and levels, and times
 * incremental re-screening after a 1,000-record batch.
 */
@Command(
        name = "bench-screen",
        mixinStandardHelpOptions = true,
        description =
                "Benchmark full screening (stored data to stored warnings) against DuckDB and PostgreSQL "
                        + "running the same rules as SQL over typed columns, and PostgreSQL over the records as stored, "
                        + "checking every run that all flag the same set; and incremental re-screening after a "
                        + "1,000-record batch, on a generated province; generates the province first when it holds fewer households than --households.")
public class BenchScreenCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(
            names = "--region",
            defaultValue = "52",
            description = "province (or region prefix) to fill and screen "
                    + "(default: ${DEFAULT-VALUE}, Guizhou: needs its villages, see ./bulwark regions import)")
    String region;

    @Option(
            names = "--households",
            defaultValue = "300000",
            description = "households the region should hold "
                    + "(default: ${DEFAULT-VALUE}; 3000000 for the province benchmark)")
    int households;

    @Option(
            names = "--records-per-person",
            defaultValue = "3.9",
            description = "department records per person "
                    + "(default: ${DEFAULT-VALUE}, the feed generator's routine floor)")
    double recordsPerPerson;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--as-of", description = "screen as of this date (default: today)")
    LocalDate asOf;

    @Option(names = "--runs", defaultValue = "3", description = "side-by-side runs (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(
            names = "--peers",
            split = ",",
            defaultValue = "duckdb,postgres-typed,postgres-json",
            description = "the platform's peers in the side-by-side runs, each checked to flag the same set: duckdb "
                    + "and postgres-typed over a typed copy of the inputs (built first, timed apart, dropped after), "
                    + "postgres-json over the records as stored (default: ${DEFAULT-VALUE})")
    List<String> peers;

    @Option(
            names = "--platform-runs",
            defaultValue = "0",
            description = "further full runs of the platform alone, "
                    + "after the side-by-side ones (default: ${DEFAULT-VALUE})")
    int platformRuns;

    @Option(
            names = "--batches",
            defaultValue = "-1",
            description = "1,000-record batches imported for the "
                    + "incremental bench, each twice (default: as many as --runs, at least 1)")
    int batches;

    @Option(
            names = "--registry-edited",
            description =
                    "edit the registry before each incremental batch, as cadres do "
                            + "all day: --edits-per-batch random households (a tenth of them among the batch's), one statement each")
    boolean registryEdited;

    @Option(
            names = "--edits-per-batch",
            defaultValue = "300",
            description = "households edited before each batch " + "with --registry-edited (default: ${DEFAULT-VALUE})")
    int editsPerBatch;

    @Option(
            names = "--onboard",
            defaultValue = "0",
            description = "after the full runs, import this many new generated households with their persons and "
                    + "incomes into one county of the region through the registry's bulk import (a county's "
                    + "onboarding), then time the next full run, catch-up included, and one more "
                    + "(default: ${DEFAULT-VALUE}, none; 100000 for issue 18)")
    int onboard;

    @Option(
            names = "--onboard-county",
            description = "the importing county of --onboard (default: the region itself when it is a county, "
                    + "else its first county with villages)")
    String onboardCounty;

    @Option(names = "--load-only", description = "only fill the region; do not screen")
    boolean loadOnly;

    private Set<ScreeningBench.Peer> chosenPeers() {
        Set<ScreeningBench.Peer> chosen = EnumSet.noneOf(ScreeningBench.Peer.class);
        for (String name : peers) {
            chosen.add(ScreeningBench.Peer.of(name));
        }
        return chosen;
    }

    /** The onboarding import asked for, in a county of the region; a new seed for each, so none repeats another. */
    private ScreeningBench.Onboarding onboarding(JdbcClient jdbc, long have) {
        if (onboard <= 0) {
            return ScreeningBench.Onboarding.NONE;
        }
        String county = onboardCounty != null
                ? onboardCounty
                : jdbc.sql("select substr(code, 1, 6) from region where level = 'VILLAGE' and code like :p "
                                + "order by code limit 1")
                        .param("p", region + "%")
                        .query(String.class)
                        .optional()
                        .orElse(null);
        if (county == null
                || RegionCode.parse(county).level() != RegionLevel.COUNTY
                || !RegionCode.parse(region).contains(RegionCode.parse(county))) {
            throw new IllegalArgumentException(
                    "--onboard needs a county of region " + region + " with villages, not " + county);
        }
        return new ScreeningBench.Onboarding(onboard, county, seed * 1_000_003L + have + onboard);
    }

    @Override
    public Integer call() {
        Map<String, Object> properties = new HashMap<>();
        database.addTo(properties);
        properties.put("logging.level.org.bulwark.screening", "INFO");
        try (ConfigurableApplicationContext context = Platform.start(false, properties)) {
            LocalDate day = asOf == null ? LocalDate.now(context.getBean(Clock.class)) : asOf;
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            long have = jdbc.sql("select count(*) from household where village_code like :p")
                    .param("p", region + "%")
                    .query(Long.class)
                    .single();
            if (have < households) {
                System.out.printf(
                        "region %s holds %,d households; generating %,d more with their department " + "records ...%n",
                        region, have, households - have);
                long started = System.nanoTime();
                ProvinceLoader.Loaded loaded = context.getBean(ProvinceLoader.class)
                        .load(
                                new ProvinceLoader.Plan(
                                        region, (int) (households - have), seed + have, recordsPerPerson, day),
                                System.out::println);
                System.out.printf(
                        "loaded %d counties: %,d households, %,d persons, %,d incomes, %,d department "
                                + "records (%,d rejected as the import would, %,d of unregistered residents) in "
                                + "%.0f s: copy %.0f s, indexes %.0f s%n",
                        loaded.counties(),
                        loaded.households(),
                        loaded.persons(),
                        loaded.incomes(),
                        loaded.records(),
                        loaded.rejected(),
                        loaded.unmatched(),
                        (System.nanoTime() - started) / 1e9,
                        loaded.copySeconds(),
                        loaded.indexSeconds());
                System.out.println("records per category: " + loaded.recordsByCategory());
                jdbc.sql("analyze").update();
            }
            if (loadOnly) {
                return 0;
            }
            Set<ScreeningBench.Peer> chosen = chosenPeers();
            boolean agree = context.getBean(ScreeningBench.class)
                    .run(
                            region,
                            day,
                            runs,
                            chosen,
                            platformRuns,
                            batches < 0 ? Math.max(1, runs) : batches,
                            registryEdited ? editsPerBatch : 0,
                            onboarding(jdbc, have),
                            System.out);
            if (!agree) {
                System.err.println("bench-screen: the engines DISAGREE on what they flag, or the runs after the "
                        + "onboarding import are not as it explains (see DIFFERENT or INCONSISTENT above)");
                return 1;
            }
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("bench-screen: " + e.getMessage());
            return 2;
        }
    }
}
