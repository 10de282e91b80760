package org.bulwark.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.bench.GeneratedCounty;
import org.bulwark.bench.ProvinceLoader;
import org.bulwark.core.screening.ContributingRecords;
import org.bulwark.core.screening.Hit;
import org.bulwark.core.screening.RuleSet;
import org.bulwark.core.screening.ScreeningEngine;
import org.bulwark.core.screening.ScreeningResult;
import org.bulwark.core.screening.UnregisteredHit;
import org.bulwark.exchange.DepartmentDataImport;
import org.bulwark.exchange.FileFormat;
import org.bulwark.exchange.ImportRequest;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.screening.store.ScreeningStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Re-screening the households a batch touched from the store held in memory gives what the full run gives for them
 * (for any subset of households and unregistered residents), and what reading PostgreSQL gives — after a batch, a
 * registry edit (the households the change log names then come from PostgreSQL, the rest from memory; more edits in
 * {@link RegistryEditsFromMemoryTest}), a batch while the registry held is behind, and a changed or deleted record
 * (the records held are then behind: runs read PostgreSQL).
 */
@DatabaseTest
class IncrementalFromMemoryTest {

    private static final String COUNTY = GeneratedCounty.COUNTY;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    ScreeningStore store;

    @Autowired
    ScreeningData data;

    @Autowired
    ScreeningRuns runs;

    @Autowired
    RuleBook ruleBook;

    @Autowired
    ProvinceLoader loader;

    @Autowired
    DepartmentDataImport imports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path temp;

    LocalDate asOf;
    RuleSet rules;

    @BeforeEach
    void loadCountyAndHoldTheStore() {
        asOf = GeneratedCounty.ensureLoaded(loader, jdbc, clock);
        rules = ruleBook.active();
        holdCurrentStore();
    }

    @Test
    void anySubsetFromMemoryGivesTheFullRunsHitsAndEvidenceForIt() {
        List<Long> households = jdbc.sql("select id from household where village_code like :c order by id")
                .param("c", COUNTY + "%")
                .query(Long.class)
                .list();
        List<String> unregistered =
                jdbc.sql("""
                select distinct id_number from department_record
                where household_id is null and id_number is not null and region_code like :c order by 1
                """).param("c", COUNTY + "%").query(String.class).list();
        assertThat(unregistered)
                .as("the generated county has residents the registry lacks")
                .isNotEmpty();
        ScreeningData.Input whole = data.load(rules, COUNTY, asOf, null, null);
        List<Found> full = hits(whole, null, null);
        assertThat(full).hasSizeGreaterThan(50);

        Random random = new Random(20_261_129L);
        int nonEmpty = 0;
        for (int run = 0; run < 60; run++) {
            Set<Long> chosen = new HashSet<>();
            int size = 1 + random.nextInt(run % 10 == 9 ? households.size() : 25);
            for (int i = 0; i < size; i++) {
                chosen.add(households.get(random.nextInt(households.size())));
            }
            // a household of another county and an id unknown to the county must change nothing
            List<Long> asked = new ArrayList<>(chosen);
            asked.add(-7L);
            Set<String> people = new HashSet<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                people.add(unregistered.get(random.nextInt(unregistered.size())));
            }
            List<String> askedPeople = new ArrayList<>(people);
            askedPeople.add("110101199001011237");
            // every fifth run is scoped to the village of one of its households: the others are left out
            String scope = run % 5 == 4 ? village(whole, chosen.iterator().next()) : COUNTY;

            ScreeningData.Input subset =
                    memory(scope, asked, run % 5 == 4 ? List.of() : askedPeople).orElseThrow();
            List<Found> expected = full.stream()
                    .filter(found -> found.householdId() == null
                            ? scope.equals(COUNTY) && people.contains(found.idNumber())
                            : chosen.contains(found.householdId())
                                    && found.village().startsWith(scope))
                    .toList();
            assertThat(hits(
                            subset,
                            IntStream.range(0, subset.households().size()).toArray(),
                            askedPeople))
                    .as("run %d: %d households, %d unregistered residents", run, chosen.size(), people.size())
                    .isEqualTo(expected);
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).as("subsets with hits").isGreaterThan(30);
    }

    @Test
    void memoryAndDatabaseAgreeAfterABatchARegistryEditAndAChangedOrDeletedRecord() throws Exception {
        // a batch of medical settlements: appended to the store in memory, then re-screened from it
        List<String[]> people = jdbc.sql("""
                select p.id_number, p.name, p.household_id from person p join household h on h.id = p.household_id
                where h.village_code like :c order by p.id desc limit 6
                """)
                .param("c", COUNTY + "%")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list();
        List<Long> touched = people.stream()
                .map(person -> Long.parseLong(person[2]))
                .distinct()
                .toList();
        importSettlements(people);
        assertThat(store.held()).as("the batch joined the copy in memory").isTrue();
        assertThat(lastIncrementalSource()).isEqualTo("memory");
        List<Found> afterBatch = hits(memory(touched, List.of()).orElseThrow(), null, List.of());
        assertThat(afterBatch).isEqualTo(hits(database(touched), null, List.of()));
        assertThat(afterBatch.stream().filter(found -> found.ruleId().startsWith("MED")))
                .as("the batch's costs")
                .isNotEmpty();

        // a registry edit: the registry held is behind, so runs read the household the change log names from
        // PostgreSQL and everything else from memory
        long household = touched.get(0);
        jdbc.sql("update household_income set net_income = 100 where household_id = :h")
                .param("h", household)
                .update();
        List<Found> afterEdit = hits(memory(touched, List.of()).orElseThrow(), null, List.of());
        assertThat(afterEdit)
                .isEqualTo(hits(database(touched), null, List.of()))
                .isNotEqualTo(afterBatch);
        assertThat(runs.incremental(touched, List.of(), COUNTY, "memory-test").source())
                .isEqualTo("memory+changes");
        // a batch while the registry is behind: its records are appended all the same
        importSettlements(people.subList(0, 2));
        assertThat(lastIncrementalSource()).isEqualTo("memory+changes");
        List<Found> afterSecondBatch = hits(memory(touched, List.of()).orElseThrow(), null, List.of());
        assertThat(afterSecondBatch)
                .isEqualTo(hits(database(touched), null, List.of()))
                .isNotEqualTo(afterEdit);
        // brought up to date (as a full run does), the registry comes from memory again
        holdCurrentStore();
        assertThat(runs.incremental(touched, List.of(), COUNTY, "memory-test").source())
                .isEqualTo("memory");
        assertThat(hits(memory(touched, List.of()).orElseThrow(), null, List.of()))
                .isEqualTo(afterSecondBatch);
        afterEdit = afterSecondBatch;

        // a changed record and a deleted one (of this test's batches: the loader's records are compared with an
        // import by ProvinceBenchTest): behind again, then equal once copied again
        long[] records = jdbc.sql("""
                select id from department_record where household_id = :h and category = 'medical_settlement'
                  and batch_id in (select id from exchange_batch where uploaded_by = 'memory-test')
                order by id limit 2
                """).param("h", household).query(Long.class).list().stream()
                .mapToLong(Long::longValue)
                .toArray();
        assertThat(records).hasSize(2);
        jdbc.sql("""
                update department_record
                set fields = cast(jsonb_set(cast(fields as jsonb), '{out_of_pocket}', to_jsonb(95000)) as json)
                where id = :r
                """).param("r", records[0]).update();
        jdbc.sql("delete from department_record where id = :r")
                .param("r", records[1])
                .update();
        assertThat(memory(touched, List.of())).isEmpty();
        assertThat(runs.incremental(touched, List.of(), COUNTY, "memory-test").source())
                .isEqualTo("database");
        holdCurrentStore();
        ScreeningData.Input now = memory(touched, List.of()).orElseThrow();
        assertThat(now.recordIds().get("medical_settlement"))
                .contains(records[0])
                .doesNotContain(records[1]);
        assertThat(hits(now, null, List.of()))
                .isEqualTo(hits(database(touched), null, List.of()))
                .isNotEqualTo(afterEdit);
        assertThat(runs.incremental(touched, List.of(), COUNTY, "memory-test").source())
                .isEqualTo("memory");
    }

    @Test
    void aVillageWideRecordIsReScreenedForEveryHouseholdOfItsVillageFromMemory() throws Exception {
        String village = jdbc.sql("select min(village_code) from household where village_code like :c")
                .param("c", COUNTY + "%")
                .query(String.class)
                .single();
        List<Long> inVillage = jdbc.sql("select id from household where village_code = :v order by id")
                .param("v", village)
                .query(Long.class)
                .list();
        Path file = temp.resolve("water.csv");
        Files.writeString(
                file,
                "village_code,household_number,date,status,days_interrupted\n" + village + ",," + asOf.minusDays(3)
                        + ",unsafe,0\n",
                StandardCharsets.UTF_8);
        try (var user = CurrentUser.actAs(BulwarkUser.system("memory-test", Role.PROVINCE_ADMIN, COUNTY + "000000"))) {
            assertThat(imports.run(new ImportRequest("drinking_water", file, "water.csv", FileFormat.CSV, false))
                            .rowsAccepted())
                    .isEqualTo(1);
        }
        fixtures.awaitRescreening();

        assertThat(lastIncrementalSource()).isEqualTo("memory");
        assertThat(jdbc.sql("select households from screening_run where mode = 'INCREMENTAL' order by id desc "
                                + "limit 1")
                        .query(Integer.class)
                        .single())
                .as("every household of the village")
                .isEqualTo(inVillage.size());
        List<Found> fromMemory = hits(memory(inVillage, List.of()).orElseThrow(), null, List.of());
        assertThat(fromMemory).isEqualTo(hits(database(inVillage), null, List.of()));
        assertThat(fromMemory.stream()
                        .filter(found -> found.ruleId().equals("WAT-01"))
                        .map(Found::householdId)
                        .distinct()
                        .count())
                .as("households of the village with an unsafe water check")
                .isEqualTo(inVillage.size());
    }

    @Test
    void aStoreWhoseRegistryIsBehindIsStillHeldAndReadsTheChangedHouseholdsFromTheDatabase(@TempDir Path root) {
        // a platform starting on a store copied before the last registry edit
        ScreeningStore restarted = new ScreeningStore(dataSource, root);
        restarted.refresh(rules.fieldsRead());
        List<Long> households = jdbc.sql("select id from household where village_code like :c order by id limit 40")
                .param("c", COUNTY + "%")
                .query(Long.class)
                .list();
        jdbc.sql("update household_income set net_income = net_income / 4 where household_id = :h")
                .param("h", households.get(3))
                .update();

        assertThat(restarted.loadIfCurrent(rules.fieldsRead())).isTrue();
        ScreeningStore.Input held = restarted
                .incrementalInput(
                        rules.fieldsRead(),
                        COUNTY,
                        asOf,
                        households,
                        List.of(),
                        () -> data.subsetRegistry(COUNTY, asOf, households))
                .orElseThrow();
        assertThat(held.refreshed()).isEqualTo("memory+changes");
        assertThat(hits(
                        new ScreeningData.Input(
                                held.households(),
                                held.persons(),
                                held.records(),
                                held.recordIds(),
                                held.recordCount()),
                        null,
                        List.of()))
                .isEqualTo(hits(database(households), null, List.of()));
    }

    private void importSettlements(List<String[]> people) throws Exception {
        StringBuilder csv = new StringBuilder(
                "id_number,name,settle_date,kind,total_cost,fund_paid,out_of_pocket," + "in_scope_out_of_pocket\n");
        // two settlements a person, so that the first household has records to change and delete below
        for (String[] person : people) {
            for (int stay = 1; stay <= 2; stay++) {
                csv.append(person[0])
                        .append(',')
                        .append(person[1])
                        .append(',')
                        .append(asOf.minusDays(stay))
                        .append(",inpatient,190000.00,30000.00,")
                        .append(80000 * stay)
                        .append(".00,")
                        .append(System.nanoTime() % 100000)
                        .append(".00\n");
            }
        }
        Path file = temp.resolve("settlements.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        try (var user = CurrentUser.actAs(BulwarkUser.system("memory-test", Role.PROVINCE_ADMIN, COUNTY + "000000"))) {
            assertThat(imports.run(new ImportRequest(
                                    "medical_settlement", file, "settlements.csv", FileFormat.CSV, false))
                            .rowsAccepted())
                    .isEqualTo(2 * people.size());
        }
        fixtures.awaitRescreening();
    }

    private String lastIncrementalSource() {
        return jdbc.sql("select counts->>'source' from screening_run where mode = 'INCREMENTAL' order by id desc "
                        + "limit 1")
                .query(String.class)
                .single();
    }

    /** Brings the store up to date with the database and holds it in memory. */
    private void holdCurrentStore() {
        store.refresh(rules.fieldsRead());
        assertThat(store.loadIfCurrent(rules.fieldsRead())).isTrue();
        assertThat(store.held()).isTrue();
    }

    private Optional<ScreeningData.Input> memory(Collection<Long> households, Collection<String> idNumbers) {
        return memory(COUNTY, households, idNumbers);
    }

    private Optional<ScreeningData.Input> memory(
            String scope, Collection<Long> households, Collection<String> idNumbers) {
        return store.incrementalInput(
                        rules.fieldsRead(),
                        scope,
                        asOf,
                        households,
                        idNumbers,
                        () -> data.subsetRegistry(scope, asOf, new ArrayList<>(households)))
                .map(stored -> new ScreeningData.Input(
                        stored.households(),
                        stored.persons(),
                        stored.records(),
                        stored.recordIds(),
                        stored.recordCount()));
    }

    private static String village(ScreeningData.Input input, long householdId) {
        for (int h = 0; h < input.households().size(); h++) {
            if (input.households().id(h) == householdId) {
                return input.households().villageCode(h);
            }
        }
        throw new IllegalArgumentException("no household " + householdId);
    }

    private ScreeningData.Input database(List<Long> households) {
        return data.load(rules, COUNTY, asOf, households, List.of());
    }

    /** A hit as a warning stores it: subject, village, rule, level, feature values and evidence records by id. */
    record Found(
            Long householdId,
            String idNumber,
            String village,
            String ruleId,
            String level,
            String features,
            String records) {}

    /** The hits of a run over the input: all of it ({@code subset} null), or these households and residents. */
    private List<Found> hits(ScreeningData.Input input, int[] subset, Collection<String> idNumbers) {
        ScreeningEngine engine = new ScreeningEngine(2);
        ScreeningResult result = subset == null && idNumbers == null
                ? engine.screen(
                        rules,
                        rules.parameters("63", asOf.getYear()),
                        asOf,
                        input.households(),
                        input.persons(),
                        input.records())
                : engine.screen(
                        rules,
                        rules.parameters("63", asOf.getYear()),
                        asOf,
                        input.households(),
                        input.persons(),
                        input.records(),
                        subset == null
                                ? IntStream.range(0, input.households().size()).toArray()
                                : subset,
                        idNumbers);
        List<Found> out = new ArrayList<>();
        for (Hit hit : result.hits()) {
            out.add(new Found(
                    hit.householdId(),
                    null,
                    input.households().villageCode(hit.household()),
                    hit.ruleId(),
                    hit.level().name(),
                    hit.evidence().features().toString(),
                    records(hit.evidence().records(), input)));
        }
        for (UnregisteredHit hit : result.unregisteredHits()) {
            out.add(new Found(
                    null,
                    hit.idNumber(),
                    hit.regionCode(),
                    hit.ruleId(),
                    hit.level().name(),
                    hit.evidence().features().toString(),
                    records(hit.evidence().records(), input)));
        }
        return out;
    }

    private static String records(Map<String, ContributingRecords> records, ScreeningData.Input input) {
        StringBuilder out = new StringBuilder();
        records.forEach((feature, contributing) -> {
            long[] ids = input.recordIds().get(contributing.category());
            out.append(feature)
                    .append('=')
                    .append(Arrays.toString(Arrays.stream(contributing.records())
                            .mapToLong(index -> ids[index])
                            .toArray()))
                    .append(';');
        });
        return out.toString();
    }
}
