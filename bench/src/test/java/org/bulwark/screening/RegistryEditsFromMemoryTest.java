package org.bulwark.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.bulwark.DatabaseTest;
import org.bulwark.bench.ProvinceLoader;
import org.bulwark.core.screening.ContributingRecords;
import org.bulwark.core.screening.Hit;
import org.bulwark.core.screening.PersonTable;
import org.bulwark.core.screening.RuleSet;
import org.bulwark.core.screening.ScreeningEngine;
import org.bulwark.core.screening.ScreeningResult;
import org.bulwark.screening.store.ScreeningStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * After registry edits of every kind — incomes edited, added and deleted, persons moved, added, deleted and changed,
 * households re-categorised, moved to another village, added and deleted — re-screening from the store held in memory
 * (the households the change log names read again, every other one from memory) gives exactly the inputs, hits and
 * evidence that reading PostgreSQL gives; edits to what screening does not read are not logged; the log is pruned
 * once the registry is copied again, and a store behind the pruned log reads households from PostgreSQL.
 */
@DatabaseTest
class RegistryEditsFromMemoryTest {

    /** Gulang (620622): a county no other test uses, so its registry can be edited at will. */
    private static final String COUNTY = "620622";

    private static final int HOUSEHOLDS = 200;

    @Autowired
    ScreeningStore store;

    @Autowired
    ScreeningData data;

    @Autowired
    RuleBook ruleBook;

    @Autowired
    ProvinceLoader loader;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    DataSource dataSource;

    LocalDate asOf;
    RuleSet rules;
    RegistryEdits edits;

    @BeforeEach
    void loadCountyAndHoldTheStore() {
        asOf = LocalDate.now(clock);
        synchronized (RegistryEditsFromMemoryTest.class) {
            if (jdbc.sql("select count(*) from household where village_code like :c")
                            .param("c", COUNTY + "%")
                            .query(Long.class)
                            .single()
                    == 0) {
                loader.load(new ProvinceLoader.Plan(COUNTY, HOUSEHOLDS, 23, 3.9, asOf), line -> {});
            }
        }
        rules = ruleBook.active();
        edits = new RegistryEdits(jdbc, COUNTY, asOf);
        store.refresh(rules.fieldsRead());
        assertThat(store.loadIfCurrent(rules.fieldsRead())).isTrue();
    }

    @Test
    void afterRandomRegistryEditsMemoryGivesTheInputsHitsAndEvidenceOfTheDatabase() {
        Random random = new Random(20_261_129L);
        List<Found> before = hits(database(households()));
        Set<String> kinds = new TreeSet<>();
        for (int round = 0; round < 16; round++) {
            Set<Long> touched = new TreeSet<>();
            for (int e = 1 + random.nextInt(6); e > 0; e--) {
                RegistryEdits.Edit edit = edits.random(random);
                kinds.add(edit.kind());
                touched.addAll(edit.households());
            }
            // the edited households (deleted ones included), some others, and every fourth round the whole county
            // (distinct, as a batch's households are)
            Set<Long> chosen = new TreeSet<>(touched);
            List<Long> all = households();
            for (int i = round % 4 == 3 ? all.size() : 1 + random.nextInt(20); i > 0; i--) {
                chosen.add(all.get(round % 4 == 3 ? i - 1 : random.nextInt(all.size())));
            }
            List<Long> subset = new ArrayList<>(chosen);
            String scope = round % 5 == 4 ? village(subset) : COUNTY;
            ScreeningStore.Input held = memory(scope, subset);
            assertThat(held.refreshed())
                    .as("round %d: the change log was used", round)
                    .isEqualTo("memory+changes");
            ScreeningData.Input fromMemory = input(held);
            ScreeningData.Input fromDatabase = data.load(rules, scope, asOf, subset, List.of());
            assertThat(households(fromMemory)).as("round %d: households", round).isEqualTo(households(fromDatabase));
            assertThat(members(fromMemory)).as("round %d: members", round).isEqualTo(members(fromDatabase));
            assertThat(hits(fromMemory))
                    .as("round %d: hits and evidence", round)
                    .isEqualTo(hits(fromDatabase));
        }
        assertThat(kinds).as("every kind of edit was made").containsExactlyInAnyOrderElementsOf(RegistryEdits.KINDS);
        // the edits changed what screening finds, so the comparisons above could have failed
        assertThat(hits(database(households()))).isNotEqualTo(before);
    }

    @Test
    void editsToWhatScreeningDoesNotReadAreNotLoggedAndTheLogIsPrunedOnceTheRegistryIsCopied() {
        long logged = counter("registry_logged");
        long registry = counter("registry");
        edits.irrelevant(new Random(5));
        assertThat(counter("registry")).as("V12 still counts every statement").isGreaterThan(registry);
        assertThat(counter("registry_logged"))
                .as("nothing screening reads changed")
                .isEqualTo(logged);
        assertThat(memory(COUNTY, households()).refreshed()).isEqualTo("memory");

        RegistryEdits.Edit edit = edits.editIncome(new Random(6));
        assertThat(counter("registry_logged")).isEqualTo(logged + 1);
        assertThat(jdbc.sql("select household_id from screening_registry_change where seq = :s")
                        .param("s", logged + 1)
                        .query(Long.class)
                        .list())
                .isEqualTo(edit.households());

        store.refresh(rules.fieldsRead());
        assertThat(counter("registry_pruned")).isEqualTo(logged + 1);
        assertThat(jdbc.sql("select count(*) from screening_registry_change where seq <= :s")
                        .param("s", logged + 1)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aStoreBehindThePrunedLogOrAStatementChangingEveryHouseholdReadsHouseholdsFromTheDatabase(@TempDir Path root) {
        // a second platform's store, copied now; then the registry is edited and the first store copies it again,
        // pruning the log the second one would need
        ScreeningStore behind = new ScreeningStore(dataSource, root);
        behind.refresh(rules.fieldsRead());
        assertThat(behind.loadIfCurrent(rules.fieldsRead())).isTrue();
        Random random = new Random(7);
        List<Long> subset = new ArrayList<>(edits.movePerson(random).households());
        subset.addAll(edits.deleteHousehold(random).households());
        store.refresh(rules.fieldsRead());
        ScreeningStore.Input held = behind.incrementalInput(
                        rules.fieldsRead(),
                        COUNTY,
                        asOf,
                        subset,
                        List.of(),
                        () -> data.subsetRegistry(COUNTY, asOf, subset))
                .orElseThrow();
        assertThat(held.refreshed()).isEqualTo("memory+database");
        assertThat(hits(input(held))).isEqualTo(hits(database(subset)));

        // a truncate (or a statement over more than 1,000 households) logs "every household"
        assertThat(store.loadIfCurrent(rules.fieldsRead())).isTrue();
        subset.addAll(edits.addHousehold(random).households());
        jdbc.sql("select screening_registry_log(array[null::bigint])")
                .query(Object.class)
                .list();
        assertThat(memory(COUNTY, subset).refreshed()).isEqualTo("memory+database");
        assertThat(hits(input(memory(COUNTY, subset)))).isEqualTo(hits(database(subset)));
    }

    @Test
    void aRegistryCopiedInPartFromTheChangeLogEqualsAFullCopyOfTheSameSnapshot(@TempDir Path root) throws Exception {
        // the registry must be large enough that the households changed below are at most a quarter of it
        synchronized (RegistryEditsFromMemoryTest.class) {
            if (jdbc.sql("select count(*) from household where village_code like '640402%'")
                            .query(Long.class)
                            .single()
                    == 0) {
                loader.load(new ProvinceLoader.Plan("640402", 4_500, 29, 0.5, asOf), line -> {});
            }
        }
        ScreeningStore partial = new ScreeningStore(dataSource, root.resolve("partial"));
        assertThat(partial.refresh(rules.fieldsRead())).contains("registry copied (");
        Random random = new Random(11);
        Set<Long> touched = new TreeSet<>();
        for (int e = 0; e < RegistryEdits.KINDS.size() + 6; e++) {
            touched.addAll(edits.random(random).households());
        }
        // an onboarding import: more than 1,000 households in one statement, logged as a range of ids (V91)
        List<Long> onboarded = onboard(1_001);
        touched.addAll(onboarded);
        long pruned = counter("registry_pruned");
        assertThat(rangesLoggedAfter(pruned)).isPositive();
        // the log names the households edited (an edit that left a value as it was is not logged) and the import's
        List<Long> logged = loggedAfter(pruned);
        assertThat(touched).containsAll(logged);
        assertThat(logged).containsAll(onboarded).hasSizeGreaterThan(onboarded.size());

        String report = partial.refresh(rules.fieldsRead());
        assertThat(report).startsWith(String.format("registry copied in part (%,d of ", logged.size()));
        assertThat(report).doesNotContain("records copied");
        ScreeningStore full = new ScreeningStore(dataSource, root.resolve("full"));
        assertThat(full.refresh(rules.fieldsRead())).contains("registry copied (");
        // byte for byte: households, persons, incomes and the numbering of villages as a full copy gives them
        assertThat(Files.readAllBytes(registryFile(root.resolve("partial"))))
                .isEqualTo(Files.readAllBytes(registryFile(root.resolve("full"))));

        // a statement the log cannot account for: the registry is copied in full
        jdbc.sql("select screening_registry_log(array[null::bigint])")
                .query(Object.class)
                .list();
        edits.editIncome(random);
        assertThat(partial.refresh(rules.fieldsRead())).startsWith("registry copied (");
        assertThat(full.refresh(rules.fieldsRead())).startsWith("registry copied (");
        assertThat(Files.readAllBytes(registryFile(root.resolve("partial"))))
                .isEqualTo(Files.readAllBytes(registryFile(root.resolve("full"))));
    }

    @Test
    void aRegistryCopiedInPartStaysHeldAndGivesWhatTheDatabaseGives() {
        Random random = new Random(13);
        Set<Long> touched = new TreeSet<>();
        for (int e = 0; e < RegistryEdits.KINDS.size(); e++) {
            touched.addAll(edits.random(random).households());
        }
        assertThat(store.refresh(rules.fieldsRead())).startsWith("registry copied in part (");
        assertThat(store.held())
                .as("the records held stay, over the registry rewritten")
                .isTrue();
        // the edited households (deleted ones included) and some others, distinct as a batch's are
        Set<Long> chosen = new TreeSet<>(touched);
        chosen.addAll(households().subList(0, 10));
        List<Long> subset = new ArrayList<>(chosen);
        ScreeningStore.Input held = memory(COUNTY, subset);
        assertThat(held.refreshed()).isEqualTo("memory");
        ScreeningData.Input fromMemory = input(held);
        ScreeningData.Input fromDatabase = database(subset);
        assertThat(households(fromMemory)).isEqualTo(households(fromDatabase));
        assertThat(members(fromMemory)).isEqualTo(members(fromDatabase));
        assertThat(hits(fromMemory)).isEqualTo(hits(fromDatabase));
        ScreeningStore.Input full = store.fullInput(rules.fieldsRead(), COUNTY, asOf);
        assertThat(full.refreshed()).isEqualTo("up to date");
        assertThat(hits(input(full))).isEqualTo(hits(data.load(rules, COUNTY, asOf, null, null)));
    }

    /** Adds households with a member and an income each, a statement per table, as a county's import does. */
    private List<Long> onboard(int count) {
        List<Long> added = jdbc.sql("""
                insert into household (household_number, village_code, category)
                select 'B' || :run || '-' || g,
                       (select min(village_code) from household where village_code like :c || '%'), 'MONITORED'
                from generate_series(1, :n) as g
                returning id
                """)
                .param("c", COUNTY)
                .param("run", Long.toString(System.currentTimeMillis(), 36))
                .param("n", count)
                .query(Long.class)
                .list();
        Long[] ids = added.toArray(Long[]::new);
        jdbc.sql("""
                insert into person (household_id, id_number, name, sex, birth_date, relation, labour_capacity)
                select h, :c || '98' || lpad(h::text, 10, '0'), '测试', 'MALE', date '1960-01-01', 'HEAD', 'WEAK'
                from unnest(cast(:ids as bigint[])) as h
                """).param("c", COUNTY).param("ids", ids).update();
        jdbc.sql("""
                insert into household_income (household_id, year, wage, operating, property, transfer,
                                              production_cost, net_income, members, per_capita)
                select h, :y, 3000, 0, 0, 0, 0, 3000, 1, 3000 from unnest(cast(:ids as bigint[])) as h
                """).param("y", asOf.getYear() - 1).param("ids", ids).update();
        return added;
    }

    private List<Long> loggedAfter(long seq) {
        return jdbc.sql("""
                        select distinct h from screening_registry_change,
                               generate_series(household_id, coalesce(household_to, household_id)) as h
                        where seq > :s order by h
                        """).param("s", seq).query(Long.class).list();
    }

    private long rangesLoggedAfter(long seq) {
        return jdbc.sql("select count(*) from screening_registry_change where seq > :s and household_to is not null")
                .param("s", seq)
                .query(Long.class)
                .single();
    }

    private static Path registryFile(Path root) throws IOException {
        try (Stream<Path> folders = Files.list(root)) {
            return folders.findFirst().orElseThrow().resolve("registry.col");
        }
    }

    private long counter(String source) {
        return jdbc.sql("select changes from screening_input_change where source = :s")
                .param("s", source)
                .query(Long.class)
                .single();
    }

    private List<Long> households() {
        return jdbc.sql("select id from household where village_code like :c order by id")
                .param("c", COUNTY + "%")
                .query(Long.class)
                .list();
    }

    private String village(List<Long> subset) {
        return jdbc.sql("select min(village_code) from household where id = any(cast(:ids as bigint[]))")
                .param("ids", subset.toArray(Long[]::new))
                .query(String.class)
                .optional()
                .orElse(COUNTY + "100");
    }

    private ScreeningStore.Input memory(String scope, List<Long> subset) {
        return store.incrementalInput(
                        rules.fieldsRead(),
                        scope,
                        asOf,
                        subset,
                        List.of(),
                        () -> data.subsetRegistry(scope, asOf, subset))
                .orElseThrow();
    }

    private ScreeningData.Input database(List<Long> subset) {
        return data.load(rules, COUNTY, asOf, subset, List.of());
    }

    private static ScreeningData.Input input(ScreeningStore.Input held) {
        return new ScreeningData.Input(
                held.households(), held.persons(), held.records(), held.recordIds(), held.recordCount());
    }

    /** Each household as the engine gets it: id, village, category, members, the last two incomes. */
    private static List<String> households(ScreeningData.Input input) {
        return IntStream.range(0, input.households().size())
                .mapToObj(h -> input.households().id(h) + " "
                        + input.households().villageCode(h) + " "
                        + input.households().category(h) + " "
                        + input.households().members(h) + " "
                        + input.households().netIncome(h) + " "
                        + input.households().netIncomePrevious(h))
                .toList();
    }

    /** Each person as the engine gets it, in its order: household, birth day, able-bodied, main labourer. */
    private static List<String> members(ScreeningData.Input input) {
        PersonTable persons = input.persons();
        return IntStream.range(0, persons.size())
                .mapToObj(p -> input.households().id(persons.household(p)) + " " + persons.birthDay(p) + " "
                        + persons.ableBodied(p) + " " + persons.mainLabourer(p))
                .toList();
    }

    /** A hit as a warning stores it: household, rule, level, feature values and evidence records by id. */
    record Found(long householdId, String ruleId, String level, String features, String records) {}

    private List<Found> hits(ScreeningData.Input input) {
        ScreeningResult result = new ScreeningEngine(2)
                .screen(
                        rules,
                        rules.parameters("62", asOf.getYear()),
                        asOf,
                        input.households(),
                        input.persons(),
                        input.records(),
                        IntStream.range(0, input.households().size()).toArray(),
                        List.of());
        List<Found> out = new ArrayList<>();
        for (Hit hit : result.hits()) {
            out.add(new Found(
                    hit.householdId(),
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
