package org.bulwark.exchange.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.identity.UserAccounts;
import org.bulwark.income.IncomeInput;
import org.bulwark.income.Incomes;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.registry.Person;
import org.bulwark.screening.Warning;
import org.bulwark.screening.Warnings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Large batches get a part of {@code department_record} of their own (here from two rows on, so that small files
 * take that path): the records are found through the table like any other, a record stored in one part is not
 * stored again by a later batch (in its own part or in the shared one), and all-or-nothing leaves no part behind.
 */
@DatabaseTest
class RecordStoreTest {

    static final String HEADER = "身份证号,姓名,结算日期,就诊类型,医疗总费用,基金支付（基本医保+大病保险+医疗救助）,个人自付费用,政策范围内个人自付\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecordStore store;

    @Autowired
    Incomes incomes;

    @Autowired
    Warnings warnings;

    BulwarkUser officer;
    Person head;

    @BeforeEach
    void setUp() {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        HouseholdFile household = fixtures.household(cadre, TestFixtures.VILLAGE_A);
        head = household.head().orElseThrow();
        officer = fixtures.user(Role.DEPARTMENT_OFFICER, TestFixtures.COUNTY);
        accounts.assignDepartment(officer.getUsername(), "medical_security");
        officer = accounts.find(officer.getUsername()).orElseThrow();
        store.ownPartFrom(2);
    }

    @AfterEach
    void resetThreshold() {
        store.ownPartFrom(100_000);
    }

    private String row(String name, String date, String outOfPocket) {
        return head.idNumber() + "," + name + "," + date + ",inpatient,20000,10000," + outOfPocket + ",3000\n";
    }

    private long upload(String csv, boolean allOrNothing) throws Exception {
        String location = mvc.perform(multipart("/exchange")
                        .file(new MockMultipartFile("file", "s.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("category", "medical_settlement")
                        .param("allOrNothing", String.valueOf(allOrNothing))
                        .with(user(officer))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        fixtures.awaitRescreening();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private Map<String, Object> batch(long id) {
        return jdbc.sql("select status, rows_accepted, rows_repeated, rows_rejected from exchange_batch where id = :id")
                .param("id", id)
                .query()
                .singleRow();
    }

    private boolean partExists(long batch) {
        return jdbc.sql("select count(*) from pg_inherits i join pg_class c on c.oid = i.inhrelid "
                                + "where i.inhparent = 'department_record'::regclass and c.relname = :name")
                        .param("name", "department_record_p" + batch)
                        .query(Long.class)
                        .single()
                == 1;
    }

    @Test
    void aLargeBatchIsStoredInAPartOfItsOwnAndFoundThroughTheTable() throws Exception {
        long insertedBefore = recordsInserted();
        long batch = upload(
                HEADER
                        + row(head.name(), "2025-01-05", "100")
                        + row(head.name(), "2025-01-06", "200.5")
                        + row("别人的名字", "2025-01-07", "300"),
                false);
        assertThat(partExists(batch)).isTrue();
        assertThat(batch(batch)).containsEntry("rows_accepted", 2).containsEntry("rows_rejected", 1);
        // the screening store learns of the part's records from the counter, though no trigger saw them inserted
        assertThat(recordsInserted()).isEqualTo(insertedBefore + 2);
        var records = jdbc.sql(
                        "select part, source_row, person_id, household_id, region_code, amount, fields::text as fields "
                                + "from department_record where batch_id = :b order by source_row")
                .param("b", batch)
                .query()
                .listOfRows();
        assertThat(records).hasSize(2);
        assertThat(records.get(0))
                .containsEntry("part", batch)
                .containsEntry("source_row", 2)
                .containsEntry("person_id", head.id())
                .containsEntry("region_code", TestFixtures.VILLAGE_A);
        assertThat((String) records.get(1).get("fields"))
                .contains("\"out_of_pocket\":200.5")
                .contains("\"kind\":\"inpatient\"");
        // found by household, as incremental screening looks records up
        assertThat(jdbc.sql("select count(*) from department_record where household_id = :h and batch_id = :b")
                        .param("h", records.get(0).get("household_id"))
                        .param("b", batch)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        // the row matching turned down comes back with the cells as sent
        String errors = mvc.perform(
                        get("/exchange/batches/" + batch + "/rejected.csv").with(user(officer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(errors).contains("别人的名字").contains("2025-01-07").contains("与档案中这个身份证号登记的姓名不一致");
    }

    private long recordsInserted() {
        return jdbc.sql("select changes from screening_input_change where source = 'records_inserted'")
                .query(Long.class)
                .single();
    }

    @Test
    void aRecordInOnePartIsNotStoredAgainByALaterBatchInAnyPart() throws Exception {
        long first =
                upload(HEADER + row(head.name(), "2025-02-05", "100") + row(head.name(), "2025-02-06", "200"), false);
        // its own part again: one record repeated (written differently), two new
        long second = upload(
                HEADER
                        + row(head.name(), "2025-02-05", "100.00")
                        + row(head.name(), "2025-02-07", "1")
                        + row(head.name(), "2025-02-08", "2"),
                false);
        assertThat(partExists(first)).isTrue();
        assertThat(partExists(second)).isTrue();
        assertThat(batch(second)).containsEntry("rows_accepted", 2).containsEntry("rows_repeated", 1);
        // the shared part: a small batch repeating a record of each of the two parts
        store.ownPartFrom(100_000);
        long third =
                upload(HEADER + row(head.name(), "2025-02-06", "200") + row(head.name(), "2025-02-08", "2"), false);
        assertThat(partExists(third)).isFalse();
        assertThat(batch(third))
                .containsEntry("status", "ACCEPTED")
                .containsEntry("rows_accepted", 0)
                .containsEntry("rows_repeated", 2);
        assertThat(jdbc.sql("select count(*) from department_record where batch_id in (:a, :b, :c)")
                        .param("a", first)
                        .param("b", second)
                        .param("c", third)
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
    }

    @Test
    void theScreeningReadsRecordsStoredInAPartOfTheirOwn() throws Exception {
        int year = LocalDate.now().getYear() - 1;
        // a comfortable income, so that only the medical costs below put the household at risk
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        fixtures.as(
                cadre,
                () -> incomes.record(
                        head.householdId(),
                        new IncomeInput(
                                year,
                                new BigDecimal("60000"),
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO)));
        // 12,000 + 9,000 out of pocket within 12 months: above the 20,000 of MED-01 for an ordinary household
        long batch = upload(
                HEADER
                        + head.idNumber() + "," + head.name() + ","
                        + LocalDate.now().minusMonths(2) + ",inpatient,12000,0,12000,0\n"
                        + head.idNumber() + "," + head.name() + ","
                        + LocalDate.now().minusMonths(1) + ",inpatient,9000,0,9000,0\n",
                false);
        assertThat(partExists(batch)).isTrue();
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        List<Warning> raised =
                fixtures.as(county, () -> warnings.list("OPEN", false, TestFixtures.VILLAGE_A, 1000)).stream()
                        .filter(w -> w.ruleId().equals("MED-01"))
                        .filter(w -> Long.valueOf(head.householdId()).equals(w.householdId()))
                        .toList();
        assertThat(raised)
                .as("raised by the incremental screening from the records of the new part")
                .hasSize(1);
        assertThat(raised.get(0).evidence()).contains("21000");
    }

    @Test
    void allOrNothingTurnedDownByMatchingLeavesNoPart() throws Exception {
        long batch = upload(
                HEADER
                        + row(head.name(), "2025-03-05", "100")
                        + row(head.name(), "2025-03-06", "200")
                        + row("别人的名字", "2025-03-07", "300"),
                true);
        assertThat(batch(batch)).containsEntry("status", "REJECTED").containsEntry("rows_accepted", 0);
        assertThat(partExists(batch)).isFalse();
        assertThat(jdbc.sql("select count(*) from department_record where batch_id = :b")
                        .param("b", batch)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
