package org.bulwark.spark.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.bulwark.core.screening.RuleSet;
import org.bulwark.layout.HouseholdRow;
import org.bulwark.layout.IncomeRow;
import org.bulwark.layout.LayoutWriter;
import org.bulwark.layout.PersonRow;
import org.bulwark.layout.RecordRow;
import org.bulwark.layout.RegionSink;
import org.bulwark.spark.generate.CountyGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Two generated counties in two provinces (Guizhou, whose rule file section changes parameters by year, and Yunnan),
 * screened by core's engine in one run per province — as the platform's full run of each province does — and by the
 * Spark job in local mode over the Parquet the generator wrote, in batches of a few villages across partitions: both
 * must find the same (subject, rule, level) triples with the same evidence figures.
 */
class SparkScreeningTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    @TempDir
    static Path dir;

    private static SparkSession spark;
    private static Region region;
    private static Set<String> defaultReference;

    /** The generated rows, kept in memory for the reference runs as well as written as Parquet. */
    private static final class Region implements RegionSink {
        final List<HouseholdRow> households = new ArrayList<>();
        final List<PersonRow> persons = new ArrayList<>();
        final List<IncomeRow> incomes = new ArrayList<>();
        final List<RecordRow> records = new ArrayList<>();
        RegionSink also;

        @Override
        public void household(HouseholdRow h) {
            households.add(h);
            also.household(h);
        }

        @Override
        public void person(PersonRow p) {
            persons.add(p);
            also.person(p);
        }

        @Override
        public void income(IncomeRow i) {
            incomes.add(i);
            also.income(i);
        }

        @Override
        public void record(RecordRow r) {
            records.add(r);
            also.record(r);
        }
    }

    @BeforeAll
    static void generateAndStart() {
        region = new Region();
        CountyGenerator generator = new CountyGenerator(AS_OF, 6);
        generate(generator, "522324", 700, 1L);
        generate(generator, "530102", 400, 2L);
        villageWaterRecords();
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("bulwark-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                // shuffle and spill files inside the build, as CI wants of every tool
                .config("spark.local.dir", "target/spark-local")
                .getOrCreate();
    }

    private static void generate(CountyGenerator generator, String county, int households, long seed) {
        List<String> villages = new ArrayList<>();
        for (int v = 0; v < 5; v++) {
            villages.add(county + "101" + (201 + v));
        }
        try (LayoutWriter writer = new LayoutWriter(dir.resolve("input"), county)) {
            region.also = writer;
            generator.generate(
                    county,
                    villages,
                    households,
                    seed,
                    new CountyGenerator.Ids(Long.parseLong(county.substring(0, 2)) * 1_000_000L),
                    region);
        }
    }

    /**
     * The generator sends drinking-water records by household; a water bureau also sends them for whole villages,
     * which the job must bring to every household of the village: one village unsafe, one long interrupted.
     */
    private static void villageWaterRecords() {
        long id = 59_000_000L;
        for (String[] water : new String[][] {{"522324101202", "unsafe", "0"}, {"530102101203", "interrupted", "45"}}) {
            String village = water[0];
            LocalDate date = LocalDate.of(2026, 3, 1);
            try (LayoutWriter writer = new LayoutWriter(dir.resolve("input"), village.substring(0, 6) + "-water")) {
                region.also = writer;
                region.record(new RecordRow(
                        id++,
                        "drinking_water",
                        null,
                        null,
                        null,
                        village,
                        village,
                        date,
                        Map.of(
                                "village_code",
                                village,
                                "date",
                                date.toString(),
                                "status",
                                water[1],
                                "days_interrupted",
                                water[2])));
            }
        }
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void sparkFindsWhatOneRunPerProvinceFinds() throws IOException {
        String rules = resource("/screening/rules.yaml");
        Set<String> reference = defaultReference(rules);
        Set<String> spark = sparkHits(rules, "default");

        assertThat(reference).hasSizeGreaterThan(100);
        assertThat(subjects(reference)).contains("household", "person");
        // records of whole villages reach every household of the village, in both provinces
        assertThat(reference.stream().filter(hit -> hit.contains(" WAT-01 ")).count())
                .isGreaterThan(100);
        assertThat(new TreeSet<>(spark)).isEqualTo(new TreeSet<>(reference));
    }

    @Test
    void aProvincesOwnRuleFileGivesTheSameOnBoth() throws IOException {
        String defaults = resource("/screening/rules.yaml");
        // Guizhou's own file: for 2026 a higher line, a lower medical threshold and a shorter unemployment
        String own = defaults.replace("version: \"2026.1\"", "version: \"2026.1-gz\"")
                .replace(
                        "      line: 8900\n",
                        "      line: 12000\n      med_threshold_low: 2000\n      unemployed_months: 1\n");
        assertThat(own).contains("2026.1-gz", "line: 12000");
        Set<String> reference = reference(own);
        Set<String> spark = sparkHits(own, "own");

        assertThat(new TreeSet<>(spark)).isEqualTo(new TreeSet<>(reference));
        // the province's own thresholds were applied: more of Guizhou's households are below its line
        assertThat(count(reference, "INC-01", "52")).isGreaterThan(count(defaultReference(defaults), "INC-01", "52"));
    }

    private static synchronized Set<String> defaultReference(String rules) {
        if (defaultReference == null) {
            defaultReference = reference(rules);
        }
        return defaultReference;
    }

    /** Core's engine, one full run per province over everything generated in it. */
    private static Set<String> reference(String rulesText) {
        RuleSet rules = RuleSet.load(new java.io.StringReader(rulesText), "rules.yaml");
        Set<String> hits = new HashSet<>();
        for (String province : List.of("52", "53")) {
            ScreeningBatch batch = new ScreeningBatch(rules, AS_OF);
            region.households.stream()
                    .filter(h -> h.villageCode().startsWith(province))
                    .forEach(batch::add);
            region.persons.stream()
                    .filter(p -> p.villageCode().startsWith(province))
                    .forEach(batch::add);
            region.incomes.stream()
                    .filter(i -> i.villageCode().startsWith(province))
                    .forEach(batch::add);
            region.records.stream()
                    .filter(r -> (r.householdId() != null ? r.villageCode() : r.regionCode()).startsWith(province))
                    .forEach(batch::add);
            for (HitRow hit : batch.screenAll(province)) {
                Map<String, List<Long>> records = new TreeMap<>();
                hit.records()
                        .forEach((feature, ids) -> records.put(
                                feature, java.util.Arrays.stream(ids).boxed().toList()));
                hits.add(describe(
                        hit.key(),
                        hit.ruleVersion(),
                        hit.deadline().toString(),
                        hit.parameters(),
                        hit.features(),
                        records));
            }
        }
        return hits;
    }

    /** The Spark job in local mode, in batches of a few villages, its Parquet output read back. */
    private static Set<String> sparkHits(String rulesText, String name) {
        String output = dir.resolve("hits-" + name).toString();
        SparkScreening.Summary summary = SparkScreening.run(
                spark,
                new SparkScreening.Job(
                        dir.resolve("input").toString(), output, rulesText, "rules.yaml", AS_OF, 4, 250));
        assertThat(summary.households()).isEqualTo(region.households.size());
        Set<String> hits = new HashSet<>();
        for (Row row : spark.read()
                .parquet(output)
                .selectExpr(
                        "household_id",
                        "id_number",
                        "rule_id",
                        "level",
                        "rule_version",
                        "cast(deadline as string)",
                        "parameters",
                        "features",
                        "records")
                .collectAsList()) {
            String key = (row.isNullAt(0) ? "person " + row.getString(1) : "household " + row.getLong(0)) + " "
                    + row.getString(2) + " " + row.getString(3);
            Map<String, List<Long>> records = new TreeMap<>();
            row.<String, scala.collection.Seq<Long>>getJavaMap(8)
                    .forEach((feature, ids) -> records.put(feature, List.copyOf(CollectionConverters.asJava(ids))));
            hits.add(describe(key, row.getString(4), row.getString(5), row.getJavaMap(6), row.getJavaMap(7), records));
        }
        assertThat(hits).hasSize((int) summary.hits());
        return hits;
    }

    private static String describe(
            String key,
            String version,
            String deadline,
            Map<String, Double> parameters,
            Map<String, String> features,
            Map<String, List<Long>> records) {
        return key + " | " + version + " | " + deadline + " | " + new TreeMap<>(parameters) + " | "
                + new TreeMap<>(features) + " | " + records;
    }

    private static Set<String> subjects(Set<String> hits) {
        Set<String> subjects = new HashSet<>();
        hits.forEach(hit -> subjects.add(hit.substring(0, hit.indexOf(' '))));
        return subjects;
    }

    private static long count(Set<String> hits, String rule, String province) {
        return hits.stream()
                .filter(hit -> hit.startsWith("household " + province) && hit.contains(" " + rule + " "))
                .count();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(SparkScreeningTest.class.getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
