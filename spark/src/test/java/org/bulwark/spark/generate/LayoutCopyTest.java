package org.bulwark.spark.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bulwark.core.identity.IdentityNumber;
import org.bulwark.core.screening.RuleSet;
import org.bulwark.layout.HouseholdRow;
import org.bulwark.layout.IncomeRow;
import org.bulwark.layout.LayoutReader;
import org.bulwark.layout.LayoutWriter;
import org.bulwark.layout.PersonRow;
import org.bulwark.layout.RecordRow;
import org.bulwark.spark.screen.HitRow;
import org.bulwark.spark.screen.ScreeningBatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two generated counties of Shanxi (14, a province the shipped rule file gives no parameters of its own, nor the
 * provinces the copies become) and a village's water record, copied to 2.5 times their households: the copies must
 * be whole counties under new province codes with unique ids and valid identity numbers, and core's engine — run
 * as the Spark job runs it, one province at a time — must find in a copied province what it finds in the source,
 * subjects, ids and codes mapped.
 */
class LayoutCopyTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    private static final long IDS = ProvinceCopy.PROVINCE_IDS;

    @TempDir
    static Path dir;

    private static LayoutCopy.Written written;

    @BeforeAll
    static void generateAndCopy() throws Exception {
        CountyGenerator generator = new CountyGenerator(AS_OF, 6);
        CountyGenerator.Ids ids = new CountyGenerator.Ids(14 * IDS);
        generate(generator, "140201", 300, ids);
        generate(generator, "140202", 200, ids);
        try (LayoutWriter writer = new LayoutWriter(dir.resolve("source"), "140202-water")) {
            writer.record(new RecordRow(
                    ids.record++,
                    "drinking_water",
                    null,
                    null,
                    null,
                    "140202101202",
                    "140202101202",
                    LocalDate.of(2026, 3, 1),
                    Map.of("village_code", "140202101202", "date", "2026-03-01", "status", "unsafe")));
        }
        written = LayoutCopy.copy(new LayoutCopy.Plan(dir.resolve("source"), 1250, dir.resolve("copy"), 2), l -> {});
    }

    private static void generate(CountyGenerator generator, String county, int households, CountyGenerator.Ids ids) {
        try (LayoutWriter writer = new LayoutWriter(dir.resolve("source"), county)) {
            generator.generate(
                    county,
                    NationalGenerator.villages(county, households),
                    households,
                    Long.parseLong(county),
                    ids,
                    writer);
        }
    }

    @Test
    void theCopyIsWholeCountiesUnderNewProvincesWithUniqueIdsAndValidIdentityNumbers() throws IOException {
        Rows copy = Rows.read(dir.resolve("copy"));

        // 500 as they are, 500 as Beijing (11), then Tianjin's (12) first county of 300 reaches 1,250
        assertThat(written.households()).isEqualTo(1300);
        assertThat(written.counties()).isEqualTo(5);
        assertThat(written.passes()).isEqualTo(3);
        assertThat(copy.households).hasSize(1300);
        assertThat(copy.households.stream()
                        .map(h -> h.villageCode().substring(0, 6))
                        .distinct()
                        .sorted())
                .containsExactly("110201", "110202", "120201", "140201", "140202");
        assertThat(unique(copy.households, HouseholdRow::id)).isTrue();
        assertThat(unique(copy.persons, PersonRow::id)).isTrue();
        assertThat(unique(copy.persons, PersonRow::idNumber)).isTrue();
        assertThat(unique(copy.records, RecordRow::id)).isTrue();
        assertThat(copy.persons).allSatisfy(p -> {
            assertThat(IdentityNumber.parse(p.idNumber(), AS_OF)).isNotNull();
            assertThat(p.idNumber().substring(0, 2)).isEqualTo(p.villageCode().substring(0, 2));
            assertThat(p.id() / IDS).isEqualTo(Long.parseLong(p.villageCode().substring(0, 2)));
        });
        assertThat(copy.records).allSatisfy(r -> {
            assertThat(r.id() / IDS).isEqualTo(Long.parseLong(r.regionCode().substring(0, 2)));
            if (r.idNumber() != null) {
                assertThat(IdentityNumber.parse(r.idNumber(), AS_OF)).isNotNull();
                assertThat(r.fields().get("id_number")).isEqualTo(r.idNumber());
            }
        });
        // the village's water record went with the passes that hold its county
        assertThat(copy.records.stream()
                        .filter(r -> r.householdId() == null && r.category().equals("drinking_water")))
                .extracting(RecordRow::villageCode)
                .contains("140202101202", "110202101202")
                .doesNotContain("120202101202");
    }

    @Test
    void theEngineFindsInACopiedProvinceWhatItFindsInTheSource() throws IOException {
        RuleSet rules = RuleSet.load(new StringReader(resource("/screening/rules.yaml")), "rules.yaml");
        Rows source = Rows.read(dir.resolve("source"));
        Rows copy = Rows.read(dir.resolve("copy"));
        Map<String, String> idNumbers = new TreeMap<>();
        ProvinceCopy asBeijing = new ProvinceCopy("14", "11");
        source.persons.forEach(p -> idNumbers.put(p.idNumber(), asBeijing.idNumber(p.idNumber())));
        source.records.stream()
                .filter(r -> r.idNumber() != null)
                .forEach(r -> idNumbers.put(r.idNumber(), asBeijing.idNumber(r.idNumber())));

        Set<String> original = new TreeSet<>();
        for (HitRow hit : screen(rules, source, "14")) {
            original.add(describe(hit, id -> asBeijing.id(id), n -> idNumbers.get(n), asBeijing::code));
        }
        Set<String> copied = new TreeSet<>();
        for (HitRow hit : screen(rules, copy, "11")) {
            copied.add(describe(hit, id -> id, n -> n, c -> c));
        }

        assertThat(original).hasSizeGreaterThan(20);
        assertThat(original.stream().filter(hit -> hit.startsWith("person "))).isNotEmpty();
        assertThat(copied).isEqualTo(original);
    }

    private static List<HitRow> screen(RuleSet rules, Rows rows, String province) {
        ScreeningBatch batch = new ScreeningBatch(rules, AS_OF);
        rows.households.stream()
                .filter(h -> h.villageCode().startsWith(province))
                .forEach(batch::add);
        rows.persons.stream().filter(p -> p.villageCode().startsWith(province)).forEach(batch::add);
        rows.incomes.stream().filter(i -> i.villageCode().startsWith(province)).forEach(batch::add);
        rows.records.stream()
                .filter(r -> (r.householdId() != null ? r.villageCode() : r.regionCode()).startsWith(province))
                .forEach(batch::add);
        return batch.screenAll(province);
    }

    /** A hit with its subject, region and record ids mapped as given. */
    private static String describe(
            HitRow hit, Function<Long, Long> ids, Function<String, String> idNumbers, Function<String, String> codes) {
        String subject = hit.householdId() != null
                ? "household " + ids.apply(hit.householdId())
                : "person " + idNumbers.apply(hit.idNumber());
        Map<String, List<Long>> records = new TreeMap<>();
        hit.records()
                .forEach((feature, recordIds) -> records.put(
                        feature, Arrays.stream(recordIds).boxed().map(ids).toList()));
        return subject + " " + codes.apply(hit.regionCode()) + " " + hit.ruleId() + " " + hit.level() + " | "
                + hit.ruleVersion() + " | " + hit.deadline() + " | " + new TreeMap<>(hit.parameters()) + " | "
                + new TreeMap<>(hit.features()) + " | " + records;
    }

    private static <T> boolean unique(List<T> rows, Function<T, ?> key) {
        Set<Object> seen = new HashSet<>();
        return rows.stream().map(key).allMatch(seen::add);
    }

    /** A layout's four tables, read back in full (the test's layouts are small). */
    private static final class Rows {
        final List<HouseholdRow> households = new ArrayList<>();
        final List<PersonRow> persons = new ArrayList<>();
        final List<IncomeRow> incomes = new ArrayList<>();
        final List<RecordRow> records = new ArrayList<>();

        static Rows read(Path layout) throws IOException {
            Rows rows = new Rows();
            for (Path file : files(layout.resolve("households"))) {
                LayoutReader.households(file, rows.households::add);
            }
            for (Path file : files(layout.resolve("persons"))) {
                LayoutReader.persons(file, rows.persons::add);
            }
            for (Path file : files(layout.resolve("incomes"))) {
                LayoutReader.incomes(file, rows.incomes::add);
            }
            for (Path file : files(layout.resolve("records"))) {
                LayoutReader.records(file, rows.records::add);
            }
            return rows;
        }

        private static List<Path> files(Path table) throws IOException {
            try (Stream<Path> files = Files.walk(table)) {
                return files.filter(f -> f.getFileName().toString().startsWith("part-"))
                        .sorted()
                        .toList();
            }
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(LayoutCopyTest.class.getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
