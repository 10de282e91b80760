package org.bulwark.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.core.casework.CaseStatus;
import org.bulwark.core.casework.Channel;
import org.bulwark.core.casework.Decision;
import org.bulwark.core.casework.MeasureCategory;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.casework.RiskType;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.SwitchableClock;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.registry.HouseholdInput;
import org.bulwark.registry.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A county's monitoring roster brought in: marked history without made-up steps, each refusal with its row and column,
 * scope without leaks, idempotence, all or nothing, and imported households going on through the normal procedure.
 */
@DatabaseTest
class RosterImportTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final String HEADER = "户编号,户主身份证号,监测类型,识别日期,风险类型1,风险类型2,帮扶责任人,帮扶责任人电话,"
            + "措施1类别,措施1内容,措施1责任部门,措施1开始日期,措施1结束日期,风险是否消除,风险消除日期,是否自然消除,返贫日期";

    @Autowired
    TestFixtures fixtures;

    @Autowired
    RosterImport roster;

    @Autowired
    Monitoring monitoring;

    @Autowired
    Cases cases;

    @Autowired
    Visits visits;

    @Autowired
    MonitoringPeriods periods;

    @Autowired
    Helpers helpers;

    @Autowired
    SupportPlans plans;

    @Autowired
    Registry registry;

    @Autowired
    CaseworkStatistics statistics;

    @Autowired
    SwitchableClock clock;

    @Autowired
    JdbcClient jdbc;

    BulwarkUser cadre;
    BulwarkUser township;
    BulwarkUser county;
    HouseholdFile ordinary;
    HouseholdFile formerlyPoor;

    @BeforeEach
    void setUp() {
        cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        township = fixtures.user(Role.TOWNSHIP_REVIEWER, TestFixtures.TOWNSHIP);
        county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        ordinary = fixtures.household(cadre, TestFixtures.VILLAGE_A);
        formerlyPoor = fixtures.as(
                cadre,
                () -> registry.register(
                        new HouseholdInput(TestFixtures.VILLAGE_A, "FORMERLY_POOR", "第2组3号", "13800004321"),
                        List.of(TestFixtures.person("脱贫户主", TestFixtures.newIdNumber(), "HEAD"))));
    }

    <T> T on(LocalDate day, BulwarkUser user, Supplier<T> action) {
        try (var fixed = clock.at(day)) {
            return fixtures.as(user, action);
        }
    }

    static RosterRead csv(String name, String... lines) {
        String text = "\uFEFF" + HEADER + "\n" + String.join("\n", lines) + "\n";
        try {
            return RosterFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String number(HouseholdFile file) {
        return file.household().householdNumber();
    }

    String monitoredRow(HouseholdFile file, LocalDate identified) {
        return number(file) + ",,边缘易致贫户," + identified + ",因病,,王帮扶,13900001111,健康帮扶,大病保险补充,县医保局,"
                + identified.plusDays(10) + ",,否,,,";
    }

    RosterPreview commit(BulwarkUser user, RosterRead file) {
        return on(DAY, user, () -> roster.commit(file));
    }

    int count(String sql, long householdId) {
        return jdbc.sql(sql).param("h", householdId).query(Integer.class).single();
    }

    @Test
    void aMonitoredHouseholdBecomesHistoryMarkedWithFileAndRowWithoutCaseSteps() {
        long id = ordinary.household().id();
        RosterPreview done = commit(county, csv("名单.csv", monitoredRow(ordinary, DAY.minusMonths(8))));
        assertThat(done.households())
                .extracting(RosterPreview.HouseholdOutcome::outcome)
                .containsExactly(RosterPreview.Outcome.NEW);
        MonitoringStatus status =
                fixtures.as(county, () -> monitoring.status(id)).orElseThrow();
        assertThat(status.monitored()).isTrue();
        assertThat(status.type()).isEqualTo(MonitoringType.MARGINAL);
        assertThat(status.identifiedOn()).isEqualTo(DAY.minusMonths(8));
        List<MonitoringEvent> events = fixtures.as(county, () -> monitoring.history(id));
        assertThat(events).extracting(MonitoringEvent::event).containsExactly("IDENTIFIED");
        assertThat(events.get(0).caseId()).isNull();
        assertThat(events.get(0).note()).contains("名单.csv").contains("第 2 行");
        assertThat(count("select count(*) from monitoring_event where household_id = :h and roster_row = 2", id))
                .isEqualTo(1);
        // no case, no step that did not happen
        assertThat(count("select count(*) from support_case where household_id = :h", id))
                .isZero();
        // a helper without an account, and the measure the county took
        HelperAssignment helper = fixtures.as(county, () -> helpers.current(id)).orElseThrow();
        assertThat(helper.helperName()).isEqualTo("王帮扶");
        assertThat(helper.helperUsername()).isNull();
        // and it counts among the county's helpers' caseloads, by the name its record has
        assertThat(fixtures.as(county, () -> helpers.caseloads()))
                .filteredOn(c -> !c.hasAccount() && "王帮扶".equals(c.name()))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.households()).isGreaterThanOrEqualTo(1);
                    assertThat(c.username()).isNull();
                });
        PlanMeasure measure = fixtures.as(county, () -> plans.measures(id)).get(0);
        assertThat(measure.category()).isEqualTo(MeasureCategory.HEALTH);
        assertThat(measure.riskType()).isEqualTo(RiskType.ILLNESS);
        assertThat(measure.status()).isEqualTo(MeasureStatus.DELIVERED);
        // the registry follows, and the import is one audited action with its hash and counts
        assertThat(jdbc.sql("select category from registry_household where id = :h")
                        .param("h", id)
                        .query(String.class)
                        .single())
                .isEqualTo("MONITORED");
        String audited = jdbc.sql("""
                        select after::text || summary_key from audit_log
                        where entity_type = 'roster_import' and entity_id = :id
                        """)
                .param("id", String.valueOf(done.importId()))
                .query(String.class)
                .single();
        assertThat(audited)
                .contains(done.sha256())
                .contains("\"householdsNew\": 1")
                .endsWith("rosterImported");
    }

    @Test
    void theSameFileTwiceChangesNothingAndACorrectedOneChangesItsHousehold() {
        long id = ordinary.household().id();
        String row = monitoredRow(ordinary, DAY.minusMonths(8));
        commit(county, csv("名单.csv", row));
        int events = count("select count(*) from monitoring_event where household_id = :h", id);
        int imports = jdbc.sql("select count(*) from roster_import")
                .query(Integer.class)
                .single();
        RosterPreview again = commit(county, csv("名单.csv", row));
        assertThat(again.importId()).isNull();
        assertThat(again.count(RosterPreview.Outcome.UNCHANGED)).isEqualTo(1);
        assertThat(count("select count(*) from monitoring_event where household_id = :h", id))
                .isEqualTo(events);
        assertThat(jdbc.sql("select count(*) from roster_import")
                        .query(Integer.class)
                        .single())
                .isEqualTo(imports);

        String eliminated = row.replace(",否,,,", ",是," + DAY.minusMonths(1) + ",是,");
        RosterPreview preview = on(DAY, county, () -> roster.preview(csv("名单2.csv", eliminated)));
        assertThat(preview.households().get(0).outcome()).isEqualTo(RosterPreview.Outcome.CHANGED);
        assertThat(preview.households().get(0).detail()).contains("第 2 行");
        // a preview stores nothing
        assertThat(fixtures.as(county, () -> monitoring.status(id))
                        .orElseThrow()
                        .monitored())
                .isTrue();
        commit(county, csv("名单2.csv", eliminated));
        MonitoringStatus status =
                fixtures.as(county, () -> monitoring.status(id)).orElseThrow();
        assertThat(status.eliminated()).isTrue();
        assertThat(fixtures.as(county, () -> monitoring.history(id)))
                .extracting(MonitoringEvent::event)
                .containsExactly("IDENTIFIED", "ELIMINATED");
        assertThat(count("select count(*) from plan_measure where household_id = :h", id))
                .isEqualTo(1);
    }

    @Test
    void eachRuleRefusesItsHouseholdNamingRowAndColumnAndTheRestIsStored() {
        HouseholdFile other = fixtures.household(cadre, TestFixtures.VILLAGE_A);
        HouseholdFile overlapping = fixtures.household(cadre, TestFixtures.VILLAGE_A);
        HouseholdFile early = fixtures.household(cadre, TestFixtures.VILLAGE_A);
        HouseholdFile words = fixtures.household(cadre, TestFixtures.VILLAGE_A);
        HouseholdFile many = fixtures.household(cadre, TestFixtures.VILLAGE_A);
        RosterRead file = csv(
                "错误.csv",
                // 2: a formerly-poor household is never marginal
                number(formerlyPoor) + ",,边缘易致贫户,2023-05-01,因病,,,,,,,,,否,,,",
                // 3: an ordinary one cannot be unstable formerly poor
                number(ordinary) + ",,脱贫不稳定户,2023-05-01,因病,,,,,,,,,否,,,",
                // 4: eliminated before identified
                number(early) + ",,边缘易致贫户,2023-05-01,因病,,,,,,,,,是,2023-04-01,,",
                // 5 and 6: the second period begins while the first is still open
                number(overlapping) + ",,边缘易致贫户,2022-05-01,因病,,,,,,,,,否,,,",
                number(overlapping) + ",,突发严重困难户,2024-05-01,因灾,,,,,,,,,否,,,",
                // 7: words nobody knows
                number(words) + ",,困难户,2023-05-01,因穷,,,,,,,,,否,,,",
                // 8: a valid household, stored
                number(other) + ",,突发严重困难户,2023-05-01,因意外事故,因残,,,,,,,,否,,,",
                // 9: more than five risk types in one cell
                number(many) + ",,边缘易致贫户,2023-05-01,\"因病、因残、因学、因灾、因意外事故、因就业\",,,,,,,,,否,,,");
        RosterPreview done = commit(county, file);
        assertThat(done.problems())
                .extracting(RosterProblem::text)
                .anySatisfy(t -> assertThat(t).startsWith("第 2 行 监测类型：").contains("脱贫户"))
                .anySatisfy(t -> assertThat(t).startsWith("第 3 行 监测类型：").contains("脱贫不稳定户"))
                .anySatisfy(t -> assertThat(t).startsWith("第 4 行 风险消除日期：").contains("早于识别日期"))
                .anySatisfy(t -> assertThat(t).startsWith("第 6 行 识别日期：").contains("与第 5 行的监测期重叠"))
                .anySatisfy(t -> assertThat(t).startsWith("第 7 行 监测类型：").contains("困难户"))
                .anySatisfy(t -> assertThat(t).startsWith("第 7 行 风险类型1：").contains("因穷"))
                .anySatisfy(t -> assertThat(t).startsWith("第 9 行 风险类型：").contains("6 项"));
        assertThat(done.count(RosterPreview.Outcome.NEW)).isEqualTo(1);
        assertThat(done.count(RosterPreview.Outcome.REFUSED)).isEqualTo(6);
        assertThat(done.rowsRefused()).isEqualTo(7);
        // nothing of a refused household is stored, not even its valid first period
        for (HouseholdFile refused : List.of(formerlyPoor, ordinary, early, overlapping, words, many)) {
            assertThat(count(
                            "select count(*) from monitoring where household_id = :h",
                            refused.household().id()))
                    .isZero();
        }
        assertThat(count(
                        "select count(*) from monitoring where household_id = :h",
                        other.household().id()))
                .isEqualTo(1);
    }

    @Test
    void aHouseholdOutsideTheRegionReadsAsOneThatDoesNotExist() {
        String township2 = jdbc.sql("""
                        select code from region where code like '522324%' and length(code) = 12
                          and code like '%000' and code not like '%000000' and code <> :t order by code limit 1
                        """)
                .param("t", TestFixtures.TOWNSHIP)
                .query(String.class)
                .single();
        BulwarkUser otherTownship = fixtures.user(Role.TOWNSHIP_REVIEWER, township2);
        BulwarkUser otherCounty = fixtures.user(Role.COUNTY_APPROVER, "522323000000");
        RosterRead file = csv(
                "名单.csv",
                monitoredRow(ordinary, DAY.minusMonths(8)),
                monitoredRow(ordinary, DAY.minusMonths(8)).replace(number(ordinary), "5223249999999999"));
        for (BulwarkUser outsider : List.of(otherTownship, otherCounty)) {
            RosterPreview done = commit(outsider, file);
            assertThat(done.problems()).extracting(RosterProblem::reason).containsOnly(RosterMatcher.NOT_FOUND);
            assertThat(done.problems()).extracting(RosterProblem::row).containsExactly(2L, 3L);
        }
        assertThat(count(
                        "select count(*) from monitoring where household_id = :h",
                        ordinary.household().id()))
                .isZero();
        // the household's own township brings it in
        assertThat(commit(township, file).count(RosterPreview.Outcome.NEW)).isEqualTo(1);
    }

    @Test
    void aFailureWhileStoringLeavesNothingOfTheFile() {
        HouseholdFile second = fixtures.household(cadre, TestFixtures.VILLAGE_A);
        jdbc.sql("""
                create or replace function roster_test_fail() returns trigger language plpgsql as $$
                begin
                  if new.description = '中途失败' then raise exception 'store failed half-way'; end if;
                  return new;
                end $$
                """).update();
        jdbc.sql("create trigger roster_test_fail before insert on plan_measure for each row "
                        + "execute function roster_test_fail()")
                .update();
        try {
            RosterRead file = csv(
                    "名单.csv",
                    monitoredRow(ordinary, DAY.minusMonths(8)),
                    monitoredRow(second, DAY.minusMonths(8)).replace("大病保险补充", "中途失败"));
            assertThatThrownBy(() -> commit(county, file)).hasMessageContaining("store failed half-way");
        } finally {
            jdbc.sql("drop trigger roster_test_fail on plan_measure").update();
        }
        assertThat(count(
                        "select count(*) from monitoring where household_id = :h",
                        ordinary.household().id()))
                .isZero();
        assertThat(count(
                        "select count(*) from monitoring_event where household_id = :h",
                        ordinary.household().id()))
                .isZero();
        assertThat(jdbc.sql("select count(*) from roster_import where file_name = '名单.csv' and imported_by = :u")
                        .param("u", county.getUsername())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void theStatisticsCountTheRostersHouseholdsByType() {
        HouseholdFile eliminated = fixtures.household(cadre, TestFixtures.VILLAGE_A);
        CaseStatistics before = on(DAY, county, () -> statistics.of(TestFixtures.VILLAGE_A, null, null));
        commit(
                county,
                csv(
                        "名单.csv",
                        monitoredRow(ordinary, DAY.minusMonths(8)),
                        number(eliminated) + ",,突发严重困难户,2023-01-05,因灾,,,,,,,,,是,2024-02-01,,",
                        number(formerlyPoor) + ",,脱贫不稳定户,2022-07-01,因残,,,,,,,,,否,,,"));
        CaseStatistics after = on(DAY, county, () -> statistics.of(TestFixtures.VILLAGE_A, null, null));
        assertThat(after.total().identifiedHouseholds() - before.total().identifiedHouseholds())
                .isEqualTo(3);
        assertThat(after.total().eliminatedHouseholds() - before.total().eliminatedHouseholds())
                .isEqualTo(1);
        assertThat(after.total().monitoredHouseholds() - before.total().monitoredHouseholds())
                .isEqualTo(2);
        for (String type : List.of("MARGINAL", "SUDDEN_HARDSHIP", "UNSTABLE_FORMERLY_POOR")) {
            assertThat(after.byType().getOrDefault(type, 0L) - before.byType().getOrDefault(type, 0L))
                    .as(type)
                    .isEqualTo(1);
        }
    }

    SupportCase pass(SupportCase c, BulwarkUser user, LocalDate day) {
        return on(day, user, () -> cases.decide(c.id(), c.version(), Decision.PASS, "ok", 0));
    }

    @Test
    void anImportedMonitoredHouseholdIsVisitedAndHasItsRiskEliminatedByTheProcedure() {
        long id = ordinary.household().id();
        commit(county, csv("名单.csv", monitoredRow(ordinary, DAY.minusMonths(8))));
        LocalDate first = DAY.minusMonths(7);
        on(
                first,
                cadre,
                () -> visits.record(
                        new VisitInput(UUID.randomUUID(), id, first, "务工收入稳定", new BigDecimal("9500"), "IMPROVED")));
        on(
                DAY,
                cadre,
                () -> visits.record(
                        new VisitInput(UUID.randomUUID(), id, DAY, "收入稳定", new BigDecimal("9800"), "STABLE")));
        // no case opened its period here, so the roster's helper, plan and the visits since are the current period's
        MonitoringPeriods.Periods now = on(DAY, cadre, () -> periods.of(id));
        assertThat(now.helper()).isNotNull();
        assertThat(now.measures()).isNotEmpty();
        assertThat(now.visits()).extracting(Visit::findings).containsExactly("收入稳定", "务工收入稳定");
        assertThat(on(DAY, cadre, () -> monitoring.assess(id)).unmet()).isEmpty();
        SupportCase c = on(DAY, cadre, () -> cases.proposeElimination(id, "收入稳定"));
        c = pass(c, cadre, DAY);
        c = pass(c, county, DAY);
        c = pass(c, cadre, DAY);
        c = pass(c, cadre, DAY.plusDays(5));
        c = pass(c, township, DAY.plusDays(5));
        c = pass(c, county, DAY.plusDays(6));
        assertThat(c.status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(fixtures.as(county, () -> monitoring.history(id)))
                .extracting(MonitoringEvent::event)
                .containsExactly("IDENTIFIED", "ELIMINATED");
        // the platform's own history now stands beside the roster's: the roster cannot rewrite it
        RosterPreview again = on(
                DAY.plusDays(7),
                county,
                () -> roster.preview(csv("名单.csv", monitoredRow(ordinary, DAY.minusMonths(9)))));
        assertThat(again.households().get(0).outcome()).isEqualTo(RosterPreview.Outcome.REFUSED);
    }

    @Test
    void anImportedEliminatedHouseholdReentersThroughTheProcedure() {
        long id = ordinary.household().id();
        String row = number(ordinary) + ",,边缘易致贫户,2022-04-01,因病,,王帮扶,13900001111,健康帮扶,,县医保局,"
                + "2022-04-10,,是,2023-06-30,否,";
        String second = number(ordinary) + ",,突发严重困难户,2024-02-01,因灾,,王帮扶,13900001111,,,,,,是,2024-12-01,是,";
        RosterPreview done = commit(county, csv("名单.csv", row, second));
        assertThat(done.count(RosterPreview.Outcome.NEW)).isEqualTo(1);
        MonitoringStatus status =
                fixtures.as(county, () -> monitoring.status(id)).orElseThrow();
        assertThat(status.eliminated()).isTrue();
        assertThat(status.timesIdentified()).isEqualTo(2);
        assertThat(status.firstIdentifiedOn()).isEqualTo(LocalDate.of(2022, 4, 1));
        assertThat(fixtures.as(county, () -> monitoring.history(id)))
                .extracting(MonitoringEvent::event)
                .containsExactly("IDENTIFIED", "ELIMINATED", "REENTERED", "ELIMINATED");

        SupportCase c = on(
                DAY,
                cadre,
                () -> cases.open(
                        new OpenCaseInput(id, Channel.GRASSROOTS_VISIT, null, DAY, Set.of(RiskType.ILLNESS), "住院")));
        SupportCase opened = c;
        c = on(
                DAY,
                cadre,
                () -> cases.recordVerification(
                        opened.id(),
                        opened.version(),
                        new VerificationInput(
                                true, MonitoringType.MARGINAL, Set.of(RiskType.ILLNESS), new BigDecimal("12000"))));
        c = pass(c, cadre, DAY);
        c = pass(c, county, DAY.plusDays(1));
        c = pass(c, cadre, DAY.plusDays(2));
        c = pass(c, cadre, DAY.plusDays(7));
        BulwarkUser helper = fixtures.user(Role.HELPER, TestFixtures.VILLAGE_A);
        on(DAY.plusDays(8), township, () -> helpers.assign(id, helper.getUsername(), "就近"));
        on(
                DAY.plusDays(8),
                cadre,
                () -> plans.add(
                        id,
                        new MeasureInput(
                                MeasureCategory.HEALTH,
                                RiskType.ILLNESS,
                                "医疗保障局",
                                "大病保险",
                                null,
                                DAY.plusDays(8),
                                null)));
        // the roster's helper of the earlier period ended when this case opened; the township needs the new ones
        c = pass(c, township, DAY.plusDays(8));
        c = pass(c, county, DAY.plusDays(9));
        assertThat(c.status()).isEqualTo(CaseStatus.APPROVED);
        MonitoringStatus after =
                fixtures.as(county, () -> monitoring.status(id)).orElseThrow();
        assertThat(after.monitored()).isTrue();
        assertThat(after.timesIdentified()).isEqualTo(3);
        assertThat(fixtures.as(county, () -> monitoring.history(id)))
                .extracting(MonitoringEvent::event)
                .endsWith("REENTERED");
    }
}
