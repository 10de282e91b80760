package org.bulwark.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.core.casework.CaseStatus;
import org.bulwark.core.casework.Channel;
import org.bulwark.core.screening.Direction;
import org.bulwark.exchange.BatchStored;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.identity.UserAccounts;
import org.bulwark.platform.OutstandingEventsOnStart;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.registry.Person;
import org.bulwark.screening.Warning;
import org.bulwark.screening.WarningConfirmed;
import org.bulwark.screening.Warnings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The events that must not be lost, end to end: a stored batch (exchange) is re-screened after its commit and raises
 * its warning (screening), whose confirmation opens the household's case (casework) after its own commit; and a
 * confirmation whose case a dead platform never opened is opened when its publication is resubmitted, as a start does.
 */
@DatabaseTest
@EnableScenarios
class DurableEventFlowTest {

    private static final Duration AT_MOST = Duration.ofMinutes(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Warnings warnings;

    @Autowired
    Cases cases;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventPublicationRegistry registry;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    OutstandingEventsOnStart onStart;

    BulwarkUser cadre;
    BulwarkUser officer;
    HouseholdFile household;

    @BeforeEach
    void setUp() {
        cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        officer = fixtures.user(Role.DEPARTMENT_OFFICER, TestFixtures.COUNTY);
        accounts.assignDepartment(officer.getUsername(), "medical_security");
        household = fixtures.household(cadre, TestFixtures.VILLAGE_A);
    }

    @Test
    void aStoredBatchRaisesItsWarningAndItsConfirmationOpensTheCase(Scenario scenario) {
        Person head = household.head().orElseThrow();
        long householdId = household.household().id();
        scenario.stimulate((TransactionOperations tx) -> settle(head, "25000"))
                .andWaitAtMost(AT_MOST)
                .andWaitForStateChange(() -> openWarnings(householdId, "MED-01"), raised -> !raised.isEmpty())
                .andVerify(raised -> assertThat(raised)
                        .as("raised once, after the batch's commit")
                        .hasSize(1));
        Warning warning = openWarnings(householdId, "MED-01").get(0);

        scenario.stimulate((TransactionOperations tx) ->
                        fixtures.as(cadre, () -> warnings.confirm(warning.id(), warning.version(), "入户核实属实")))
                .andWaitAtMost(AT_MOST)
                .andWaitForStateChange(() -> openCase(householdId), Optional::isPresent)
                .andVerify(opened -> {
                    assertThat(opened.orElseThrow().channel()).isEqualTo(Channel.DEPARTMENT_WARNING);
                    assertThat(opened.orElseThrow().sourceId()).isEqualTo(warning.id());
                });
        assertThat(fixtures.as(cadre, () -> cases.openCaseOf(householdId))).isPresent();
    }

    @Test
    void confirmingADownwardWarningOpensTheHouseholdsCase(Scenario scenario) {
        long warning = warning(household, "OPEN");
        scenario.stimulate((TransactionOperations tx) ->
                        fixtures.as(cadre, () -> warnings.confirm(warning, 0, "house damaged by the flood")))
                .andWaitAtMost(AT_MOST)
                .andWaitForStateChange(() -> openCase(household.household().id()), Optional::isPresent)
                .andVerify(opened -> {
                    SupportCase c = opened.orElseThrow();
                    assertThat(c.channel()).isEqualTo(Channel.DEPARTMENT_WARNING);
                    assertThat(c.sourceId()).isEqualTo(warning);
                    assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
                    assertThat(c.greenChannel()).isTrue();
                });
    }

    @Test
    void aConfirmationWhoseCaseADeadPlatformNeverOpenedOpensItWhenResubmitted(Scenario scenario) {
        long householdId = household.household().id();
        long warning = warning(household, "CONFIRMED");
        WarningConfirmed confirmed = new WarningConfirmed(
                warning,
                householdId,
                TestFixtures.VILLAGE_A,
                "DSR-01",
                "natural_disaster",
                Direction.DOWN,
                LocalDate.now(),
                cadre.getUsername());
        // what a platform killed right after the confirmation's commit leaves: the publication, not completed
        transactions.executeWithoutResult(status -> registry.store(
                confirmed, Stream.of(PublicationTargetIdentifier.of(ConfirmedWarningIntake.LISTENER_ID))));
        assertThat(openCase(householdId)).isEmpty();

        // what the next start does (OutstandingEventsOnStart; the library's own resubmission is this call)
        scenario.stimulate((TransactionOperations tx) -> {
                    incomplete.resubmitIncompletePublications(p -> confirmed.equals(p.getEvent()));
                    return null;
                })
                .andWaitAtMost(AT_MOST)
                .andWaitForStateChange(() -> openCase(householdId), Optional::isPresent)
                .andVerify(opened -> assertThat(opened.orElseThrow().sourceId()).isEqualTo(warning));
        assertThat(registry.findIncompletePublications().stream().map(p -> p.getEvent()))
                .doesNotContain(confirmed);
    }

    @Test
    void aConfirmationHandedOutByAStartThatDiedBeforeItsListenerRanIsRunByTheNextStart(Scenario scenario) {
        long householdId = household.household().id();
        long warning = warning(household, "CONFIRMED");
        WarningConfirmed confirmed = new WarningConfirmed(
                warning,
                householdId,
                TestFixtures.VILLAGE_A,
                "DSR-01",
                "natural_disaster",
                Direction.DOWN,
                LocalDate.now(),
                cadre.getUsername());
        transactions.executeWithoutResult(status -> registry.store(
                confirmed, Stream.of(PublicationTargetIdentifier.of(ConfirmedWarningIntake.LISTENER_ID))));
        // a start resubmitted it and died before the listener began: the registry never hands such a row out again
        assertThat(jdbc.sql("update event_publication set status = 'RESUBMITTED' where listener_id = :l "
                                + "and completion_date is null and serialized_event like :w")
                        .param("l", ConfirmedWarningIntake.LISTENER_ID)
                        .param("w", "%\"warningId\":" + warning + ",%")
                        .update())
                .isEqualTo(1);

        scenario.stimulate((TransactionOperations tx) -> {
                    onStart.resubmit();
                    return null;
                })
                .andWaitAtMost(AT_MOST)
                .andWaitForStateChange(() -> openCase(householdId), Optional::isPresent)
                .andVerify(opened -> assertThat(opened.orElseThrow().sourceId()).isEqualTo(warning));
    }

    @Test
    void aBatchIsRescreenedOnceItsPublicationCompleted(Scenario scenario) {
        Person head = household.head().orElseThrow();
        scenario.stimulate((TransactionOperations tx) -> settle(head, "30000"))
                .andWaitAtMost(AT_MOST)
                .andWaitForEventOfType(BatchStored.class)
                .toArriveAndVerify(stored -> {
                    fixtures.awaitRescreening();
                    assertThat(registry.findIncompletePublications().stream().map(p -> p.getEvent()))
                            .doesNotContain(stored);
                    assertThat(openWarnings(household.household().id(), "MED-01"))
                            .hasSize(1);
                });
    }

    private Object settle(Person head, String outOfPocket) {
        String json = "{\"rows\":[{\"id_number\":\"" + head.idNumber() + "\",\"name\":\"" + head.name() + "\","
                + "\"settle_date\":\"" + LocalDate.now().minusMonths(1) + "\",\"kind\":\"inpatient\",\"total_cost\":"
                + outOfPocket + ",\"fund_paid\":0,\"out_of_pocket\":" + outOfPocket
                + ",\"in_scope_out_of_pocket\":0}]}";
        try {
            mvc.perform(post("/api/v1/exchange/medical_settlement/rows")
                            .with(httpBasic(officer.getUsername(), TestFixtures.PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(json))
                    .andExpect(status().isOk());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return null;
    }

    private List<Warning> openWarnings(long householdId, String rule) {
        return fixtures.as(cadre, () -> warnings.list("OPEN", false, TestFixtures.VILLAGE_A, 1000)).stream()
                .filter(w -> Long.valueOf(householdId).equals(w.householdId()))
                .filter(w -> w.ruleId().equals(rule))
                .toList();
    }

    private Optional<SupportCase> openCase(long householdId) {
        return fixtures.as(cadre, () -> cases.openCaseOf(householdId));
    }

    /** A downward disaster warning about the household, as a run would have raised it. */
    private long warning(HouseholdFile household, String status) {
        long run = jdbc.sql("""
                insert into screening_run (region_code, as_of, mode, rules_version, started_by)
                values (:r, :d, 'FULL', 'test', 'test') returning id
                """)
                .param("r", TestFixtures.VILLAGE_A)
                .param("d", LocalDate.now())
                .query(Long.class)
                .single();
        return jdbc.sql("""
                insert into warning (run_id, household_id, village_code, rule_id, rule_version, direction, risk_type,
                    level, registered, as_of, deadline, evidence, status)
                values (:run, :h, :v, 'DSR-01', 'test', 'DOWN', 'natural_disaster', 'RED', true, :d, :d, '{}', :s)
                returning id
                """)
                .param("run", run)
                .param("h", household.household().id())
                .param("v", TestFixtures.VILLAGE_A)
                .param("d", LocalDate.now())
                .param("s", status)
                .query(Long.class)
                .single();
    }
}
