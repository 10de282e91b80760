package org.bulwark.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.core.casework.Channel;
import org.bulwark.core.casework.Decision;
import org.bulwark.core.casework.MeasureCategory;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.casework.RiskType;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.identity.UserAccounts;
import org.bulwark.platform.SwitchableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Casework keeps user names and ids, identity keeps who they are: the case steps, visits, monitoring events and
 * helpers show people by their display names (looked up from identity), and a name without an account (a replayed
 * history's principal) as it was recorded.
 */
@DatabaseTest
class PeopleByNameTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Autowired
    TestFixtures fixtures;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Cases cases;

    @Autowired
    Helpers helpers;

    @Autowired
    SupportPlans plans;

    @Autowired
    Visits visits;

    @Autowired
    Monitoring monitoring;

    @Autowired
    SwitchableClock clock;

    @Autowired
    JdbcClient jdbc;

    BulwarkUser named(Role role, String region, String displayName) {
        String username = "named-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(username, TestFixtures.PASSWORD, displayName, role, region);
        return accounts.find(username).orElseThrow();
    }

    <T> T on(LocalDate day, BulwarkUser user, Supplier<T> action) {
        try (var fixed = clock.at(day)) {
            return fixtures.as(user, action);
        }
    }

    @Test
    void casesVisitsEventsAndHelpersShowPeopleByTheirDisplayNames() {
        BulwarkUser cadre = named(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A, "张村干");
        BulwarkUser township = named(Role.TOWNSHIP_REVIEWER, TestFixtures.TOWNSHIP, "李审核");
        BulwarkUser county = named(Role.COUNTY_APPROVER, TestFixtures.COUNTY, "王审批");
        BulwarkUser helper = named(Role.HELPER, TestFixtures.VILLAGE_A, "赵帮扶");
        long household =
                fixtures.household(cadre, TestFixtures.VILLAGE_A).household().id();
        SupportCase c = on(
                DAY,
                cadre,
                () -> cases.open(new OpenCaseInput(
                        household,
                        Channel.GRASSROOTS_VISIT,
                        null,
                        DAY,
                        Set.of(RiskType.ILLNESS),
                        "visit found a hospital stay")));
        SupportCase verified = on(
                DAY,
                cadre,
                () -> cases.recordVerification(
                        c.id(),
                        c.version(),
                        new VerificationInput(
                                true, MonitoringType.MARGINAL, Set.of(RiskType.ILLNESS), new BigDecimal("12000"))));
        SupportCase s = pass(verified, cadre, DAY);
        s = pass(s, county, DAY.plusDays(1));
        s = pass(s, cadre, DAY.plusDays(2));
        s = pass(s, cadre, DAY.plusDays(7));
        on(DAY.plusDays(8), township, () -> helpers.assign(household, helper.getUsername(), "nearest"));
        on(
                DAY.plusDays(8),
                cadre,
                () -> plans.add(
                        household,
                        new MeasureInput(
                                MeasureCategory.HEALTH,
                                RiskType.ILLNESS,
                                "医疗保障局",
                                "critical illness insurance top-up",
                                new BigDecimal("3000"),
                                DAY.plusDays(8),
                                null)));
        s = pass(s, township, DAY.plusDays(8));
        long caseId = pass(s, county, DAY.plusDays(9)).id();
        // a step of a replayed history, decided by someone without an account
        jdbc.sql(
                        "insert into case_step (case_id, step, decision, decided_by, decided_on) values (:c, 'COUNTY_APPROVAL',"
                                + " 'PASS', 'replayed-officer', :on)")
                .param("c", caseId)
                .param("on", DAY.plusDays(9))
                .update();

        try {
            assertThat(fixtures.as(county, () -> cases.steps(caseId)))
                    .extracting(CaseStepRecord::decidedBy)
                    .containsExactly("张村干", "王审批", "张村干", "张村干", "李审核", "王审批", "replayed-officer");
            assertThat(fixtures.as(county, () -> cases.stepsOfHousehold(household))
                            .get(caseId))
                    .extracting(CaseStepRecord::decidedBy)
                    .endsWith("李审核", "王审批", "replayed-officer");
        } finally {
            // written behind the services' back (no audit entry): gone again, for tests sharing a database server
            jdbc.sql("delete from case_step where case_id = :c and decided_by = 'replayed-officer'")
                    .param("c", caseId)
                    .update();
        }
        assertThat(fixtures.as(cadre, () -> monitoring.history(household)))
                .extracting(MonitoringEvent::doneBy)
                .containsExactly("王审批");
        assertThat(fixtures.as(cadre, () -> helpers.current(household))).hasValueSatisfying(a -> {
            assertThat(a.helperUsername()).isEqualTo(helper.getUsername());
            assertThat(a.helperName()).isEqualTo("赵帮扶");
        });
        assertThat(fixtures.as(cadre, () -> helpers.history(household)))
                .extracting(HelperAssignment::helperName)
                .containsExactly("赵帮扶");

        LocalDate visited = DAY.plusDays(12);
        on(
                visited,
                helper,
                () -> visits.record(new VisitInput(UUID.randomUUID(), household, visited, "all well", null, "STABLE")));
        assertThat(on(visited, helper, () -> visits.of(household)))
                .extracting(Visit::visitor)
                .containsExactly("赵帮扶");
        assertThat(on(visited, township, () -> visits.due(false, 1000)))
                .filteredOn(d -> d.householdId() == household)
                .extracting(VisitDue::helperUsername)
                .containsExactly(helper.getUsername());
        assertThat(on(visited, township, () -> helpers.caseloads()))
                .filteredOn(l -> Long.valueOf(helper.id()).equals(l.helperId()))
                .singleElement()
                .satisfies(l -> {
                    assertThat(l.username()).isEqualTo(helper.getUsername());
                    assertThat(l.name()).isEqualTo("赵帮扶");
                    assertThat(l.regionCode()).isEqualTo(TestFixtures.VILLAGE_A);
                    assertThat(l.households()).isEqualTo(1);
                });
    }

    SupportCase pass(SupportCase c, BulwarkUser user, LocalDate day) {
        return on(day, user, () -> cases.decide(c.id(), c.version(), Decision.PASS, "ok", 0));
    }
}
