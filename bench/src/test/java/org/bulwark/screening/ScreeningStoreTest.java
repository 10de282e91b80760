package org.bulwark.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
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
 * The columnar store gives the engine exactly what reading PostgreSQL gives it — the same hits with the same
 * evidence — and stays so as batches are stored (appended) and the registry is edited (copied again).
 */
@DatabaseTest
class ScreeningStoreTest {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    ScreeningStore store;

    @Autowired
    ScreeningData data;

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
    void loadCounty() {
        asOf = GeneratedCounty.ensureLoaded(loader, jdbc, clock);
        rules = ruleBook.active();
    }

    @Test
    void storeGivesTheHitsAndEvidenceThatTheDatabaseGives() {
        List<String> fromStore = hits(storeInput());
        assertThat(fromStore).hasSizeGreaterThan(50);
        assertThat(fromStore).isEqualTo(hits(databaseInput()));
    }

    @Test
    void aRepeatedRunWithNothingNewIsHandedTheTablesBuiltForTheLastOne() {
        ScreeningStore.Input first = store.fullInput(rules.fieldsRead(), GeneratedCounty.COUNTY, asOf);
        ScreeningStore.Input again = store.fullInput(rules.fieldsRead(), GeneratedCounty.COUNTY, asOf);
        assertThat(again.refreshed()).isEqualTo("up to date");
        assertThat(again.households()).isSameAs(first.households());
        assertThat(again.records()).isSameAs(first.records());

        // another date places other records and incomes: built anew, and as the database gives them
        LocalDate earlier = asOf.minusYears(1);
        ScreeningStore.Input then = store.fullInput(rules.fieldsRead(), GeneratedCounty.COUNTY, earlier);
        assertThat(then.households()).isNotSameAs(first.households());
        assertThat(then.recordCount()).isLessThan(first.recordCount());
        assertThat(then.recordCount())
                .isEqualTo(data.load(rules, GeneratedCounty.COUNTY, earlier, null, null)
                        .recordCount());
    }

    @Test
    void storeCatchesUpWithStoredBatchesAndRegistryEdits() throws Exception {
        store.refresh(rules.fieldsRead());
        assertThat(store.refresh(rules.fieldsRead())).isEqualTo("up to date");
        // a full run before each change, so that what it built is at hand when the change comes
        ScreeningData.Input beforeBatch = storeInput();
        assertThat(hits(beforeBatch)).isEqualTo(hits(databaseInput()));

        // a batch: its records are appended after it is stored
        List<String[]> people = jdbc.sql("""
                select p.id_number, p.name from person p join household h on h.id = p.household_id
                where h.village_code like :c order by p.id limit 5
                """)
                .param("c", GeneratedCounty.COUNTY + "%")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        StringBuilder csv = new StringBuilder(
                "id_number,name,settle_date,kind,total_cost,fund_paid,out_of_pocket," + "in_scope_out_of_pocket\n");
        for (String[] person : people) {
            csv.append(person[0])
                    .append(',')
                    .append(person[1])
                    .append(',')
                    .append(asOf)
                    .append(",inpatient,90000.00,30000.00,60000.00,")
                    .append(System.nanoTime() % 100000)
                    .append(".00\n");
        }
        Path file = temp.resolve("settlements.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        try (var user = CurrentUser.actAs(
                BulwarkUser.system("store-test", Role.PROVINCE_ADMIN, GeneratedCounty.COUNTY + "000000"))) {
            assertThat(imports.run(new ImportRequest(
                                    "medical_settlement", file, "settlements.csv", FileFormat.CSV, false))
                            .rowsAccepted())
                    .isEqualTo(5);
        }
        fixtures.awaitRescreening();
        // the import's listener appended the batch already
        assertThat(store.refresh(rules.fieldsRead())).isEqualTo("up to date");
        ScreeningData.Input afterBatch = storeInput();
        assertThat(afterBatch.recordCount()).isEqualTo(beforeBatch.recordCount() + 5);
        assertThat(hits(afterBatch)).isEqualTo(hits(databaseInput()));

        // a registry edit: the registry is copied again
        jdbc.sql("""
                update household_income set net_income = net_income / 3 where household_id =
                    (select min(id) from household where village_code like :c)
                """).param("c", GeneratedCounty.COUNTY + "%").update();
        assertThat(store.refresh(rules.fieldsRead())).startsWith("registry copied");
        ScreeningData.Input afterEdit = storeInput();
        assertThat(afterEdit.households().netIncome(0))
                .isEqualTo(afterBatch.households().netIncome(0) / 3, within(0.01));
        assertThat(hits(afterEdit)).isEqualTo(hits(databaseInput()));
    }

    @Test
    void aChangedRecordCopiesOnlyItsCategoryAndTheStoreEqualsAFullCopy() throws Exception {
        ScreeningStore partial = new ScreeningStore(dataSource, temp.resolve("partial"));
        assertThat(partial.refresh(rules.fieldsRead())).contains("records copied (");
        // a number field the rules read, of a record of the county
        Map.Entry<String, String> field = numberField();
        String category = field.getKey();
        long id = jdbc.sql("select min(id) from department_record where category = :c and region_code like :r")
                .param("c", category)
                .param("r", GeneratedCounty.COUNTY + "%")
                .query(Long.class)
                .single();
        String original = jdbc.sql("select fields::text from department_record where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        try {
            jdbc.sql("""
                    update department_record
                    set fields = jsonb_set(fields::jsonb, array[cast(:f as text)], to_jsonb(987654.25))::json
                    where id = :id
                    """).param("f", field.getValue()).param("id", id).update();
            assertCopiedInPartAsAFullCopy(partial, category, "after the edit");
        } finally {
            jdbc.sql("update department_record set fields = cast(:f as json) where id = :id")
                    .param("f", original)
                    .param("id", id)
                    .update();
        }
        assertCopiedInPartAsAFullCopy(partial, category, "after the edit was undone");

        // a change the counters by category do not account for (as a truncate's): everything is copied
        jdbc.sql("update screening_input_change set changes = changes + 1 where source = 'records_changed'")
                .update();
        assertThat(partial.refresh(rules.fieldsRead())).contains("records copied (");
    }

    /** The store copies only the category, then holds the files a full copy of the same data gives, and its hits. */
    private void assertCopiedInPartAsAFullCopy(ScreeningStore partial, String category, String when) throws Exception {
        assertThat(partial.refresh(rules.fieldsRead()))
                .as(when)
                .startsWith("records copied in part (" + category + ": ");
        Path fullRoot = temp.resolve("full-" + System.nanoTime());
        assertThat(new ScreeningStore(dataSource, fullRoot).refresh(rules.fieldsRead()))
                .contains("records copied (");
        Map<String, byte[]> partialFiles = recordFiles(temp.resolve("partial"));
        // every category the rules read, in as many segments as the copy cut the record ids into
        assertThat(partialFiles.keySet().stream()
                        .map(name -> name.substring(0, name.indexOf('.')))
                        .distinct())
                .as(when)
                .containsExactlyInAnyOrderElementsOf(rules.fieldsRead().keySet());
        assertThat(partialFiles.keySet()).as(when).anyMatch(name -> name.endsWith(".1.col"));
        Map<String, byte[]> fullFiles = recordFiles(fullRoot);
        assertThat(partialFiles.keySet()).as(when).isEqualTo(fullFiles.keySet());
        partialFiles.forEach(
                (name, bytes) -> assertThat(bytes).as(when + ": " + name).isEqualTo(fullFiles.get(name)));
        ScreeningStore.Input stored = partial.fullInput(rules.fieldsRead(), GeneratedCounty.COUNTY, asOf);
        assertThat(hits(new ScreeningData.Input(
                        stored.households(),
                        stored.persons(),
                        stored.records(),
                        stored.recordIds(),
                        stored.recordCount())))
                .as(when)
                .isEqualTo(hits(databaseInput()));
    }

    /** The first category the rules read with a number field, and that field. */
    private Map.Entry<String, String> numberField() {
        return rules.fieldsRead().entrySet().stream()
                .flatMap(category -> category.getValue().entrySet().stream()
                        .filter(f -> f.getValue().equals("number"))
                        .map(f -> Map.entry(category.getKey(), f.getKey())))
                .findFirst()
                .orElseThrow();
    }

    /** The records files of the store under {@code root}, by name. */
    private static Map<String, byte[]> recordFiles(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> folders = Files.list(root)) {
            Path records = folders.findFirst().orElseThrow().resolve("records");
            try (Stream<Path> listed = Files.list(records)) {
                for (Path file : listed.toList()) {
                    files.put(file.getFileName().toString(), Files.readAllBytes(file));
                }
            }
        }
        return files;
    }

    private ScreeningData.Input storeInput() {
        ScreeningStore.Input stored = store.fullInput(rules.fieldsRead(), GeneratedCounty.COUNTY, asOf);
        return new ScreeningData.Input(
                stored.households(), stored.persons(), stored.records(), stored.recordIds(), stored.recordCount());
    }

    private ScreeningData.Input databaseInput() {
        return data.load(rules, GeneratedCounty.COUNTY, asOf, null, null);
    }

    /** Every hit with its level, feature values and evidence records (by record id), in the engine's order. */
    private List<String> hits(ScreeningData.Input input) {
        ScreeningResult result = new ScreeningEngine(2)
                .screen(
                        rules,
                        rules.parameters("63", asOf.getYear()),
                        asOf,
                        input.households(),
                        input.persons(),
                        input.records());
        List<String> out = new ArrayList<>();
        for (Hit hit : result.hits()) {
            out.add(hit.householdId() + " " + hit.ruleId() + " " + hit.level() + " "
                    + hit.evidence().features() + " " + records(hit.evidence().records(), input));
        }
        for (UnregisteredHit hit : result.unregisteredHits()) {
            out.add(hit.idNumber() + " " + hit.ruleId() + " " + hit.level() + " "
                    + hit.evidence().features() + " " + records(hit.evidence().records(), input));
        }
        return out;
    }

    private static String records(Map<String, ContributingRecords> records, ScreeningData.Input input) {
        StringBuilder out = new StringBuilder();
        records.forEach((feature, contributing) -> {
            long[] ids = input.recordIds().get(contributing.category());
            out.append(feature).append('=');
            for (int index : contributing.records()) {
                out.append(ids[index]).append(',');
            }
            out.append(';');
        });
        return out.toString();
    }
}
