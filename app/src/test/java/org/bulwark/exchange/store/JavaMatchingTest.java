package org.bulwark.exchange.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.core.identity.Sex;
import org.bulwark.exchange.Batch;
import org.bulwark.exchange.DepartmentDataImport;
import org.bulwark.exchange.FileFormat;
import org.bulwark.exchange.ImportRequest;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.registry.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Matching runs in Java, against the registry read whole (a large batch) or looked up (a small one): both ways must
 * give what the database's join gave — the same reasons, word for word, the same placements, the same counts — and
 * leave nothing behind when a batch is not stored. Each case runs both ways.
 */
@DatabaseTest
class JavaMatchingTest {

    static final String SETTLEMENTS = "身份证号,姓名,结算日期,就诊类型,医疗总费用,基金支付（基本医保+大病保险+医疗救助）,个人自付费用,政策范围内个人自付\n";

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecordStore store;

    @Autowired
    DepartmentDataImport importer;

    BulwarkUser county;
    Person head;
    HouseholdFile household;

    @BeforeEach
    void setUp() {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        household = fixtures.household(cadre, TestFixtures.VILLAGE_A);
        head = household.head().orElseThrow();
        county = fixtures.user(Role.PREFECTURE_ADMIN, TestFixtures.COUNTY);
    }

    @AfterEach
    void resetKnobs() {
        store.ownPartFrom(100_000);
        store.readAllFrom(0);
    }

    enum Way {
        LOOKED_UP(0),
        READ_WHOLE(1);

        final int readAllFrom;

        Way(int readAllFrom) {
            this.readAllFrom = readAllFrom;
        }
    }

    private Batch upload(BulwarkUser user, String category, String csv, boolean allOrNothing) throws Exception {
        Path file = Files.createTempFile("matching-", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        try {
            return fixtures.as(
                    user, () -> importer.run(new ImportRequest(category, file, "m.csv", FileFormat.CSV, allOrNothing)));
        } finally {
            Files.delete(file);
        }
    }

    private Map<Integer, String> reasons(long batch) {
        Map<Integer, String> reasons = new LinkedHashMap<>();
        jdbc.sql("select row_number, reasons from exchange_rejected_row where batch_id = :b order by row_number")
                .param("b", batch)
                .query((rs, n) -> reasons.put(rs.getInt(1), rs.getString(2)))
                .list();
        return reasons;
    }

    private List<Map<String, Object>> records(long batch) {
        return jdbc.sql("""
                select source_row, part, person_id, household_id, id_number, household_number, village_code,
                       region_code, record_date, amount::text as amount, fields::text as fields
                from department_record where batch_id = :b order by source_row
                """).param("b", batch).query().listOfRows();
    }

    private String settlement(String idNumber, String name, String date, String outOfPocket) {
        return idNumber + "," + name + "," + date + ",inpatient,20000,10000," + outOfPocket + ",3000\n";
    }

    @Test
    void personsAreMatchedByIdentityNumberWithTheNameAsACheckEitherWay() throws Exception {
        List<Object> outcomes = new ArrayList<>();
        for (Way way : Way.values()) {
            store.readAllFrom(way.readAllFrom);
            // a new household each way, so that the records are new each time
            HouseholdFile fresh = fixtures.household(
                    fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_B), TestFixtures.VILLAGE_B);
            Person person = fresh.head().orElseThrow();
            String unregistered = TestFixtures.newIdNumber(LocalDate.of(1961, 2, 3), Sex.FEMALE);
            Batch batch = upload(
                    county,
                    "medical_settlement",
                    SETTLEMENTS
                            + settlement(person.idNumber(), person.name(), "2025-03-18", "9500.50")
                            + settlement(person.idNumber(), "O'Brien\\x", "2025-03-19", "1")
                            + settlement(unregistered, "未登记人", "2025-04-01", "1.005")
                            + settlement(person.idNumber(), person.name(), "2025-03-18", "9500.5")
                            + settlement(person.idNumber(), person.name(), "2025-03-20", "abc")
                            + settlement(person.idNumber(), person.name(), "2025-03-21", "12345678901234.56"),
                    false);
            assertThat(batch.rowsTotal()).isEqualTo(6);
            assertThat(batch.rowsAccepted()).as(way.name()).isEqualTo(3);
            assertThat(batch.rowsRejected()).isEqualTo(3);
            assertThat(batch.rowsUnmatched()).isEqualTo(1);
            Map<Integer, String> reasons = reasons(batch.id());
            assertThat(reasons).containsOnlyKeys(3, 5, 6);
            assertThat(reasons.get(3)).isEqualTo("姓名：“O'Brien\\x”与档案中这个身份证号登记的姓名不一致，请核对姓名和身份证号");
            assertThat(reasons.get(5)).isEqualTo("与本文件第 2 行完全相同（重复行）");
            assertThat(reasons.get(6)).startsWith("个人自付费用：");
            List<Map<String, Object>> records = records(batch.id());
            assertThat(records).extracting(r -> r.get("source_row")).containsExactly(2, 4, 7);
            assertThat(records.get(0))
                    .containsEntry("person_id", person.id())
                    .containsEntry("household_id", fresh.household().id())
                    .containsEntry("village_code", TestFixtures.VILLAGE_B)
                    .containsEntry("region_code", TestFixtures.VILLAGE_B)
                    .containsEntry("amount", "9500.50");
            assertThat((String) records.get(0).get("fields"))
                    .isEqualTo(
                            "{\"id_number\":\"" + person.idNumber()
                                    + "\",\"name\":\"" + person.name()
                                    + "\",\"settle_date\":\"2025-03-18\",\"kind\":\"inpatient\","
                                    + "\"total_cost\":20000,\"fund_paid\":10000,\"out_of_pocket\":9500.50,\"in_scope_out_of_pocket\":3000}");
            // not registered: kept, in the region its identity number names
            assertThat(records.get(1))
                    .containsEntry("person_id", null)
                    .containsEntry("household_id", null)
                    .containsEntry("village_code", null)
                    .containsEntry("region_code", "110101000000")
                    .containsEntry("amount", "1.01");
            assertThat(records.get(2)).containsEntry("amount", "12345678901234.56");

            // the same records again, one new: the earlier ones are repeated, not stored twice
            Batch again = upload(
                    county,
                    "medical_settlement",
                    SETTLEMENTS
                            + settlement(person.idNumber(), person.name(), "2025-03-18", "9500.500")
                            + settlement(unregistered, "未登记人", "2025-04-01", "1.005")
                            + settlement(person.idNumber(), person.name(), "2025-05-05", "7"),
                    false);
            assertThat(again.rowsAccepted()).as(way.name()).isEqualTo(1);
            assertThat(again.rowsRepeated()).isEqualTo(2);
            assertThat(records(again.id())).extracting(r -> r.get("source_row")).containsExactly(4);
            outcomes.add(
                    List.of(reasons, records.stream().map(r -> r.get("amount")).toList()));
        }
        assertThat(outcomes.get(1)).as("read whole as looked up").isEqualTo(outcomes.get(0));
    }

    @Test
    void aPersonOrHouseholdOfAnotherRegionIsTurnedDownEitherWay() throws Exception {
        BulwarkUser wangmo = fixtures.user(Role.PREFECTURE_ADMIN, "522326000000");
        for (Way way : Way.values()) {
            store.readAllFrom(way.readAllFrom);
            Batch batch = upload(
                    wangmo,
                    "medical_settlement",
                    SETTLEMENTS + settlement(head.idNumber(), head.name(), "2025-06-0" + (way.ordinal() + 1), "5"),
                    false);
            assertThat(reasons(batch.id()).get(2)).as(way.name()).isEqualTo("身份证号：此人登记在您管辖的区域以外");
            Batch households = upload(
                    wangmo,
                    "temporary_assistance",
                    "户编号,救助日期,救助金额,救助事由\n" + household.household().householdNumber() + ",2025-06-0"
                            + (way.ordinal() + 1) + ",300,火灾\n",
                    false);
            assertThat(reasons(households.id()).get(2)).as(way.name()).isEqualTo("户编号：这一户登记在您管辖的区域以外");
            assertThat(batch.rowsAccepted() + households.rowsAccepted()).isZero();
        }
    }

    @Test
    void householdsAreMatchedByNumberAndVillagesByCodeEitherWay() throws Exception {
        for (Way way : Way.values()) {
            store.readAllFrom(way.readAllFrom);
            String day = "2025-07-0" + (way.ordinal() + 1);
            Batch assistance = upload(
                    county,
                    "temporary_assistance",
                    "户编号,救助日期,救助金额,救助事由\n"
                            + household.household().householdNumber() + "," + day + ",300,火灾\n"
                            + "5223241012090999," + day + ",300,火灾\n",
                    false);
            assertThat(assistance.rowsAccepted()).as(way.name()).isEqualTo(1);
            assertThat(reasons(assistance.id())).containsExactly(Map.entry(3, "户编号：档案中没有户编号为 5223241012090999 的农户"));
            assertThat(records(assistance.id()).get(0))
                    .containsEntry("household_id", household.household().id())
                    .containsEntry("person_id", null)
                    .containsEntry("village_code", TestFixtures.VILLAGE_A)
                    .containsEntry("region_code", TestFixtures.VILLAGE_A);

            Batch water = upload(
                    county,
                    "drinking_water",
                    "村级区划代码,户编号,监测日期,饮水状况,断水天数\n"
                            + TestFixtures.VILLAGE_B + ",," + day + ",interrupted,3\n"
                            + "522326101001,," + day + ",unsafe,\n"
                            + TestFixtures.VILLAGE_B + ","
                            + household.household().householdNumber() + "," + day + ",safe,\n",
                    false);
            assertThat(water.rowsAccepted()).as(way.name()).isEqualTo(2);
            assertThat(reasons(water.id())).containsExactly(Map.entry(3, "村级区划代码：522326101001 不在您管辖的区域内"));
            List<Map<String, Object>> records = records(water.id());
            // village-wide: the village is the region; with a household number: the household's village wins
            assertThat(records.get(0))
                    .containsEntry("household_id", null)
                    .containsEntry("village_code", TestFixtures.VILLAGE_B)
                    .containsEntry("region_code", TestFixtures.VILLAGE_B);
            assertThat(records.get(1))
                    .containsEntry("household_id", household.household().id())
                    .containsEntry("village_code", TestFixtures.VILLAGE_A)
                    .containsEntry("region_code", TestFixtures.VILLAGE_A);
        }
    }

    private boolean tableExists(String name) {
        return jdbc.sql("select count(*) from pg_class where relname = :n")
                        .param("n", name)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private long recordsInserted() {
        return jdbc.sql("select changes from screening_input_change where source = 'records_inserted'")
                .query(Long.class)
                .single();
    }

    @Test
    void aBatchReadWholeLeavesNoTableBehindWhenItIsNotStored() throws Exception {
        store.readAllFrom(1);
        store.ownPartFrom(2);
        // all-or-nothing turned down by matching after the first rows were copied into the batch's table
        Batch turnedDown = upload(
                county,
                "medical_settlement",
                SETTLEMENTS
                        + settlement(head.idNumber(), head.name(), "2025-08-01", "1")
                        + settlement(head.idNumber(), head.name(), "2025-08-02", "2")
                        + settlement(head.idNumber(), "别人的名字", "2025-08-03", "3"),
                true);
        assertThat(turnedDown.status().name()).isEqualTo("REJECTED");
        assertThat(turnedDown.rowsAccepted()).isZero();
        assertThat(records(turnedDown.id())).isEmpty();
        assertThat(tableExists("department_record_p" + turnedDown.id())).isFalse();
        // a file that breaks off part-way (a row with more cells than the header)
        Batch broken = upload(
                county,
                "medical_settlement",
                SETTLEMENTS
                        + settlement(head.idNumber(), head.name(), "2025-08-04", "1")
                        + settlement(head.idNumber(), head.name(), "2025-08-05", "abc")
                        + head.idNumber() + "," + head.name() + ",2025-08-06,inpatient,1,1,1,1,extra,cells\n",
                false);
        assertThat(broken.status().name()).isEqualTo("REJECTED");
        assertThat(records(broken.id())).isEmpty();
        assertThat(reasons(broken.id())).isEmpty();
        assertThat(tableExists("department_record_p" + broken.id())).isFalse();
    }

    @Test
    void aSmallBatchGoesToTheSharedPartAndTheScreeningStoreCountsItEitherWay() throws Exception {
        for (Way way : Way.values()) {
            store.readAllFrom(way.readAllFrom);
            long before = recordsInserted();
            Batch batch = upload(
                    county,
                    "medical_settlement",
                    SETTLEMENTS
                            + settlement(head.idNumber(), head.name(), "2025-09-0" + (way.ordinal() + 1), "1")
                            + settlement(head.idNumber(), head.name(), "2025-09-1" + (way.ordinal() + 1), "2"),
                    false);
            assertThat(records(batch.id()))
                    .as(way.name())
                    .hasSize(2)
                    .allSatisfy(r -> assertThat(r).containsEntry("part", RecordStore.SHARED_PART));
            assertThat(tableExists("department_record_p" + batch.id())).isFalse();
            assertThat(recordsInserted()).as(way.name()).isEqualTo(before + 2);
        }
    }

    @Test
    void aPartOfItsOwnKeepsItsHashesSortedAndALaterBatchFindsItsRecordsThereOrInTheIndex() throws Exception {
        store.readAllFrom(1);
        store.ownPartFrom(2);
        Batch first = upload(
                county,
                "medical_settlement",
                SETTLEMENTS
                        + settlement(head.idNumber(), head.name(), "2025-10-01", "1")
                        + settlement(head.idNumber(), head.name(), "2025-10-02", "2")
                        + settlement(head.idNumber(), head.name(), "2025-10-03", "3"),
                false);
        assertThat(tableExists("department_record_p" + first.id())).isTrue();
        byte[] kept = jdbc.sql("select hashes from department_record_hashes where part = :p and category = :c")
                .param("p", first.id())
                .param("c", "medical_settlement")
                .query(byte[].class)
                .single();
        List<String> stored = jdbc.sql("select encode(row_hash, 'hex') from department_record where batch_id = :b "
                        + "order by row_hash")
                .param("b", first.id())
                .query(String.class)
                .list();
        assertThat(HexFormat.of().formatHex(kept)).isEqualTo(String.join("", stored));
        // a later batch repeating two of them: found in the kept hashes
        Batch second = upload(
                county,
                "medical_settlement",
                SETTLEMENTS
                        + settlement(head.idNumber(), head.name(), "2025-10-01", "1.00")
                        + settlement(head.idNumber(), head.name(), "2025-10-03", "3")
                        + settlement(head.idNumber(), head.name(), "2025-10-04", "4")
                        + settlement(head.idNumber(), head.name(), "2025-10-05", "5"),
                false);
        assertThat(second.rowsRepeated()).isEqualTo(2);
        assertThat(second.rowsAccepted()).isEqualTo(2);
        // V21 gathers the hashes of parts attached before it as the import keeps them
        jdbc.sql("delete from department_record_hashes where part = :a")
                .param("a", first.id())
                .update();
        String migration =
                Files.readString(Path.of("src/main/resources/db/migration/V21__department_record_hashes.sql"));
        String backfill = migration
                .substring(migration.indexOf("insert into department_record_hashes"))
                .replace("where part <> 0", "where part = " + first.id());
        jdbc.sql(backfill).update();
        assertThat(jdbc.sql("select hashes from department_record_hashes where part = :p")
                        .param("p", first.id())
                        .query(byte[].class)
                        .single())
                .isEqualTo(kept);
        // a part attached before V21 has no kept hashes: its index is read instead
        jdbc.sql("delete from department_record_hashes where part in (:a, :b)")
                .param("a", first.id())
                .param("b", second.id())
                .update();
        store.forgetPartHashes();
        Batch third = upload(
                county,
                "medical_settlement",
                SETTLEMENTS
                        + settlement(head.idNumber(), head.name(), "2025-10-02", "2")
                        + settlement(head.idNumber(), head.name(), "2025-10-05", "5.0")
                        + settlement(head.idNumber(), head.name(), "2025-10-06", "6")
                        + settlement(head.idNumber(), head.name(), "2025-10-07", "7"),
                false);
        assertThat(third.rowsRepeated()).isEqualTo(2);
        assertThat(third.rowsAccepted()).isEqualTo(2);
    }

    @Test
    void theRegistryReadForOneBatchServesTheNextUntilTheRegistryChanges() throws Exception {
        store.readAllFrom(1);
        Batch first = upload(
                county,
                "medical_settlement",
                SETTLEMENTS + settlement(head.idNumber(), head.name(), "2025-11-01", "1"),
                false);
        assertThat(first.rowsAccepted()).isEqualTo(1);
        int reads = store.registryReads();
        Batch second = upload(
                county,
                "medical_settlement",
                SETTLEMENTS + settlement(head.idNumber(), head.name(), "2025-11-02", "2"),
                false);
        assertThat(second.rowsAccepted()).isEqualTo(1);
        assertThat(store.registryReads())
                .as("nothing changed in the registry: read once")
                .isEqualTo(reads);
        // the person's name changes (any change to the registry raises its counter): read again, the new name holds
        jdbc.sql("update person set name = :n where id = :id")
                .param("n", "改名" + head.name())
                .param("id", head.id())
                .update();
        Batch third = upload(
                county,
                "medical_settlement",
                SETTLEMENTS
                        + settlement(head.idNumber(), head.name(), "2025-11-03", "3")
                        + settlement(head.idNumber(), "改名" + head.name(), "2025-11-04", "4"),
                false);
        assertThat(store.registryReads()).isEqualTo(reads + 1);
        assertThat(third.rowsAccepted()).isEqualTo(1);
        assertThat(reasons(third.id()))
                .containsExactly(Map.entry(2, "姓名：“" + head.name() + "”与档案中这个身份证号登记的姓名不一致，请核对姓名和身份证号"));
    }

    @Test
    void thePartsHashesReadForOneBatchServeTheNextUntilARecordChanges() throws Exception {
        store.readAllFrom(1);
        store.ownPartFrom(2);
        store.forgetPartHashes();
        Batch first = upload(
                county,
                "medical_settlement",
                SETTLEMENTS
                        + settlement(head.idNumber(), head.name(), "2025-12-01", "1")
                        + settlement(head.idNumber(), head.name(), "2025-12-02", "2"),
                false);
        int afterFirst = store.partCache().partsRead();
        // the part's highest id is kept with its hashes (its id index cannot answer max: the screening store asks it)
        assertThat(jdbc.sql("select last_id from department_record_hashes where part = :p")
                        .param("p", first.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(jdbc.sql("select max(id) from department_record where " + "batch_id = :b")
                        .param("b", first.id())
                        .query(Long.class)
                        .single());
        Batch second = upload(
                county,
                "medical_settlement",
                SETTLEMENTS
                        + settlement(head.idNumber(), head.name(), "2025-12-01", "1")
                        + settlement(head.idNumber(), head.name(), "2025-12-03", "3")
                        + settlement(head.idNumber(), head.name(), "2025-12-04", "4"),
                false);
        assertThat(second.rowsRepeated()).isEqualTo(1);
        int read = store.partCache().partsRead();
        assertThat(read)
                .as("the first part's hashes were kept by the batch that stored them")
                .isEqualTo(afterFirst);
        // the first and the second part's hashes come from memory: kept as they were stored
        Batch third = upload(
                county,
                "medical_settlement",
                SETTLEMENTS
                        + settlement(head.idNumber(), head.name(), "2025-12-02", "2")
                        + settlement(head.idNumber(), head.name(), "2025-12-04", "4")
                        + settlement(head.idNumber(), head.name(), "2025-12-05", "5")
                        + settlement(head.idNumber(), head.name(), "2025-12-06", "6"),
                false);
        assertThat(third.rowsRepeated()).isEqualTo(2);
        assertThat(tableExists("department_record_p" + first.id())).isTrue();
        long partsOfTheCategory =
                jdbc.sql("""
                select count(*) from exchange_batch b
                join pg_class c on c.relname = 'department_record_p' || b.id
                join pg_inherits i on i.inhrelid = c.oid and i.inhparent = 'department_record'::regclass
                where b.category = :c
                """).param("c", "medical_settlement").query(Long.class).single();
        assertThat(store.partCache().partsRead())
                .as("no part read")
                .isEqualTo(read)
                .isLessThan(read + (int) partsOfTheCategory);
        // a record changed or deleted anywhere (the counter of V12): every part is read again
        jdbc.sql("update screening_input_change set changes = changes + 1 where source = 'records_changed'")
                .update();
        int before = store.partCache().partsRead();
        Batch fourth = upload(
                county,
                "medical_settlement",
                SETTLEMENTS
                        + settlement(head.idNumber(), head.name(), "2025-12-06", "6")
                        + settlement(head.idNumber(), head.name(), "2025-12-07", "7"),
                false);
        assertThat(fourth.rowsRepeated()).isEqualTo(1);
        assertThat(store.partCache().partsRead()).isEqualTo(before + (int) partsOfTheCategory);
    }
}
