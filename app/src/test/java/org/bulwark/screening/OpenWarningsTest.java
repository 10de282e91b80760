package org.bulwark.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.identity.UserAccounts;
import org.bulwark.income.IncomeInput;
import org.bulwark.income.Incomes;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.registry.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Runs reconcile their hits with the open warnings' keys held in memory (issue 18 item 1): a repeated run writes
 * nothing to the warning table and finds the same open warnings; a warning verified, changed or deleted by another
 * path between runs is seen through the warnings' change counter, and the hit is raised again exactly as when
 * PostgreSQL was asked each time; a re-screening stores only its new warnings.
 */
@DatabaseTest
class OpenWarningsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Incomes incomes;

    @Autowired
    Warnings warnings;

    @Autowired
    ScreeningRuns runs;

    @Autowired
    OpenWarnings openWarnings;

    @Autowired
    JdbcClient jdbc;

    BulwarkUser cadre;
    BulwarkUser officer;
    BulwarkUser county;
    HouseholdFile household;
    Person head;

    @BeforeEach
    void setUp() {
        cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        officer = fixtures.user(Role.DEPARTMENT_OFFICER, TestFixtures.COUNTY);
        accounts.assignDepartment(officer.getUsername(), "medical_security");
        household = fixtures.household(cadre, TestFixtures.VILLAGE_A);
        head = household.head().orElseThrow();
        int year = LocalDate.now().getYear() - 1;
        // a comfortable income, so that only the medical costs below put the household at risk
        fixtures.as(
                cadre,
                () -> incomes.record(
                        household.household().id(),
                        new IncomeInput(
                                year,
                                new BigDecimal("60000"),
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO)));
        fixtures.as(
                cadre,
                () -> incomes.record(
                        household.household().id(),
                        new IncomeInput(
                                year - 1,
                                new BigDecimal("58000"),
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO)));
    }

    private void settle(String date, String outOfPocket) throws Exception {
        String json = "{\"rows\":[{\"id_number\":\"" + head.idNumber() + "\",\"name\":\"" + head.name() + "\","
                + "\"settle_date\":\"" + date + "\",\"kind\":\"inpatient\",\"total_cost\":" + outOfPocket
                + ",\"fund_paid\":0,\"out_of_pocket\":" + outOfPocket + ",\"in_scope_out_of_pocket\":0}]}";
        mvc.perform(post("/api/v1/exchange/medical_settlement/rows")
                        .with(httpBasic(officer.getUsername(), TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isOk());
        fixtures.awaitRescreening();
    }

    private List<Long> openIds(String rule) {
        return jdbc.sql("select id from warning where household_id = :h and rule_id = :r and status = 'OPEN'")
                .param("h", household.household().id())
                .param("r", rule)
                .query(Long.class)
                .list();
    }

    private List<Long> allOpen() {
        return jdbc.sql("select id from warning where status = 'OPEN' order by id")
                .query(Long.class)
                .list();
    }

    private long changes() {
        return jdbc.sql("select changes from warning_change").query(Long.class).single();
    }

    private RunReport full() {
        return fixtures.as(county, () -> runs.full(TestFixtures.COUNTY, null));
    }

    @Test
    void aRepeatedRunWritesNothingAndFindsTheSameOpenWarnings() throws Exception {
        settle(LocalDate.now().minusMonths(3).toString(), "25000");
        assertThat(openIds("MED-01")).hasSize(1);
        full();
        List<Long> open = allOpen();
        long changes = changes();
        long loads = openWarnings.loads();

        RunReport again = full();

        assertThat(again.hitsByRule()).containsKey("MED-01");
        assertThat(again.warningsRaised()).isZero();
        assertThat(changes()).as("no statement touched the warning table").isEqualTo(changes);
        assertThat(allOpen()).isEqualTo(open);
        assertThat(openWarnings.loads())
                .as("the keys held after the last run were current: not read again")
                .isEqualTo(loads);
    }

    @Test
    void aWarningDismissedBetweenRunsIsRaisedAgain() throws Exception {
        settle(LocalDate.now().minusMonths(3).toString(), "25000");
        full();
        Warning warning =
                fixtures.as(county, () -> warnings.get(openIds("MED-01").get(0)));
        fixtures.as(cadre, () -> warnings.dismiss(warning.id(), warning.version(), "已核实，不属实"));
        assertThat(openIds("MED-01")).isEmpty();

        RunReport again = full();

        assertThat(again.warningsRaised()).isGreaterThanOrEqualTo(1);
        assertThat(openIds("MED-01")).hasSize(1).doesNotContain(warning.id());
    }

    @Test
    void aChangeByAnotherInstanceMovesTheCounterAndTheKeysAreReadAgain() throws Exception {
        settle(LocalDate.now().minusMonths(3).toString(), "25000");
        full();
        long id = openIds("MED-01").get(0);
        long loads = openWarnings.loads();
        // what another instance's verification (or a test's clean-up) does: a statement this instance did not run
        jdbc.sql("update warning set status = 'CONFIRMED', verified_by = 'elsewhere' where id = :id")
                .param("id", id)
                .update();

        RunReport again = full();

        assertThat(openWarnings.loads()).isEqualTo(loads + 1);
        assertThat(again.warningsRaised()).isGreaterThanOrEqualTo(1);
        assertThat(openIds("MED-01")).hasSize(1).doesNotContain(id);

        jdbc.sql("delete from warning where household_id = :h")
                .param("h", household.household().id())
                .update();
        full();
        assertThat(openIds("MED-01")).as("deleted, then raised again").hasSize(1);
    }

    @Test
    void aReScreeningStoresOnlyItsNewWarnings() throws Exception {
        settle(LocalDate.now().minusMonths(3).toString(), "25000");
        long id = openIds("MED-01").get(0);
        long changes = changes();
        String prefix = TestFixtures.COUNTY.substring(0, 6);

        RunReport again = runs.incremental(List.of(household.household().id()), List.of(), prefix, "test-rescreening");

        assertThat(again.hitsByRule()).containsKey("MED-01");
        assertThat(again.warningsRaised()).isZero();
        assertThat(changes()).isEqualTo(changes);
        assertThat(openIds("MED-01")).containsExactly(id);

        jdbc.sql("update warning set status = 'DISMISSED', verified_by = 'elsewhere' where id = :id")
                .param("id", id)
                .update();
        RunReport after = runs.incremental(List.of(household.household().id()), List.of(), prefix, "test-rescreening");
        assertThat(after.warningsRaised())
                .as("only the dismissed one is new; the household's other hits keep their open warnings")
                .isEqualTo(1);
        assertThat(openIds("MED-01")).hasSize(1).doesNotContain(id);
    }

    @Test
    void aRunNamedByWarningsIsKept() throws Exception {
        settle(LocalDate.now().minusMonths(3).toString(), "25000");
        long run = jdbc.sql("select run_id from warning where id = :id")
                .param("id", openIds("MED-01").get(0))
                .query(Long.class)
                .single();
        assertThatThrownBy(() -> jdbc.sql("delete from screening_run where id = :id")
                        .param("id", run)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.sql("select count(*) from screening_run where id = :id")
                        .param("id", run)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anOpenWarningTheRegionsKeysDoNotHoldIsNotRaisedTwice() throws Exception {
        settle(LocalDate.now().minusMonths(3).toString(), "25000");
        long id = openIds("MED-01").get(0);
        fixtures.as(county, () -> runs.full(TestFixtures.VILLAGE_A, null));
        // a household that moved keeps its open warning under its former village, outside the keys of its new one
        jdbc.sql("update warning set village_code = :v where id = :id")
                .param("v", TestFixtures.VILLAGE_B)
                .param("id", id)
                .update();

        RunReport again = fixtures.as(county, () -> runs.full(TestFixtures.VILLAGE_A, null));

        assertThat(again.hitsByRule()).containsKey("MED-01");
        assertThat(again.warningsRaised()).isZero();
        assertThat(openIds("MED-01")).containsExactly(id);
        long loads = openWarnings.loads();
        fixtures.as(county, () -> runs.full(TestFixtures.VILLAGE_A, null));
        assertThat(openWarnings.loads())
                .as("after the unique index decided, the keys held are read again")
                .isEqualTo(loads + 1);
        assertThat(openIds("MED-01")).containsExactly(id);
    }
}
