package org.bulwark.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bulwark.OwnDatabaseServerTest;
import org.bulwark.TestFixtures;
import org.bulwark.casework.QuarterlyReport.HouseholdsAndPersons;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.casework.RiskType;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The quarterly figures are counted as of each quarter's end from hand-made monitoring histories (identified,
 * eliminated, reversed, re-entered across quarters) in 泽库县, a county no other test fills, and leave as a Chinese
 * workbook whose township rows add up to the county row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuarterlyReportTest extends OwnDatabaseServerTest {

    static final String ZEKU = "632323000000";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Regions regions;

    @Autowired
    QuarterlyFigures quarterly;

    String townshipOne;
    String townshipTwo;
    BulwarkUser county;

    /**
     * Four households in two townships. In 2025: H1 (3 persons, marginal, illness and disability) identified in Q1 and
     * eliminated in Q3; H2 (1 person) identified in 2024 as unstable formerly poor, eliminated in Q1 and identified
     * again in Q2 as sudden hardship for an accident; H3 (2 persons, marginal, illness) identified, eliminated and the
     * elimination reversed, all in Q2; H4 (1 person) identified in Q3.
     */
    @BeforeAll
    void histories() {
        List<Region> townships = regions.children(ZEKU);
        townshipOne = townships.get(0).code();
        townshipTwo = townships.get(1).code();
        String villageOne = regions.children(townshipOne).get(0).code();
        String villageTwo = regions.children(townshipTwo).get(0).code();
        BulwarkUser cadreOne = fixtures.user(Role.VILLAGE_CADRE, villageOne);
        BulwarkUser cadreTwo = fixtures.user(Role.VILLAGE_CADRE, villageTwo);
        long h1 = household(cadreOne, villageOne, 3);
        long h2 = household(cadreOne, villageOne, 1);
        long h3 = household(cadreTwo, villageTwo, 2);
        long h4 = household(cadreTwo, villageTwo, 1);
        monitoring(h1, villageOne, "ELIMINATED", MonitoringType.MARGINAL, "ILLNESS,DISABILITY");
        event(
                h1,
                "IDENTIFIED",
                "2025-02-10",
                identification(h1, villageOne, MonitoringType.MARGINAL, "ILLNESS,DISABILITY"));
        event(h1, "ELIMINATED", "2025-08-20", null);
        monitoring(h2, villageOne, "MONITORED", MonitoringType.SUDDEN_HARDSHIP, "ACCIDENT");
        event(
                h2,
                "IDENTIFIED",
                "2024-11-01",
                identification(h2, villageOne, MonitoringType.UNSTABLE_FORMERLY_POOR, "SCHOOLING"));
        event(h2, "ELIMINATED", "2025-03-15", null);
        event(
                h2,
                "REENTERED",
                "2025-05-10",
                identification(h2, villageOne, MonitoringType.SUDDEN_HARDSHIP, "ACCIDENT"));
        monitoring(h3, villageTwo, "MONITORED", MonitoringType.MARGINAL, "ILLNESS");
        event(h3, "IDENTIFIED", "2025-04-05", identification(h3, villageTwo, MonitoringType.MARGINAL, "ILLNESS"));
        event(h3, "ELIMINATED", "2025-06-01", null);
        event(h3, "REVERSED", "2025-06-20", null);
        monitoring(h4, villageTwo, "MONITORED", MonitoringType.MARGINAL, "OTHER");
        event(h4, "IDENTIFIED", "2025-09-01", identification(h4, villageTwo, MonitoringType.MARGINAL, "OTHER"));
        county = fixtures.user(Role.COUNTY_APPROVER, ZEKU);
    }

    @Test
    void theSecondQuarterCountsEachHouseholdWhereItStoodOnJune30() {
        QuarterlyReport q2 = fixtures.as(county, () -> quarterly.of(null, "2025-Q2"));
        QuarterlyReport.RegionRow t = q2.total();
        String all = QuarterlyReport.ALL_TYPES;
        assertThat(q2.regionName()).isEqualTo("泽库县");
        assertThat(q2.from()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(q2.to()).isEqualTo(LocalDate.of(2025, 6, 30));
        // H1, identified in Q1 and eliminated only in Q3, is under monitoring at the end of Q2
        assertThat(t.cell(all, QuarterlyMeasure.MONITORED_AT_END)).isEqualTo(new HouseholdsAndPersons(3, 6));
        assertThat(t.cell(all, QuarterlyMeasure.IDENTIFIED)).isEqualTo(new HouseholdsAndPersons(2, 3));
        assertThat(t.cell(all, QuarterlyMeasure.IDENTIFIED_TO_END)).isEqualTo(new HouseholdsAndPersons(3, 6));
        // H3's elimination was reversed within the quarter: it does not count as eliminated
        assertThat(t.cell(all, QuarterlyMeasure.ELIMINATED)).isEqualTo(HouseholdsAndPersons.ZERO);
        assertThat(t.cell(all, QuarterlyMeasure.ELIMINATED_TO_END)).isEqualTo(HouseholdsAndPersons.ZERO);
        assertThat(t.cell(all, QuarterlyMeasure.REVERSED)).isEqualTo(new HouseholdsAndPersons(1, 2));
        assertThat(t.cell(all, QuarterlyMeasure.REENTERED)).isEqualTo(new HouseholdsAndPersons(1, 1));
        // H2 counts under the type of its latest identification; H4 (identified in Q3) nowhere
        assertThat(t.cell("SUDDEN_HARDSHIP", QuarterlyMeasure.MONITORED_AT_END))
                .isEqualTo(new HouseholdsAndPersons(1, 1));
        assertThat(t.cell("MARGINAL", QuarterlyMeasure.MONITORED_AT_END)).isEqualTo(new HouseholdsAndPersons(2, 5));
        assertThat(t.cell("UNSTABLE_FORMERLY_POOR", QuarterlyMeasure.IDENTIFIED_TO_END))
                .isEqualTo(HouseholdsAndPersons.ZERO);
        assertThat(t.risk(RiskType.ILLNESS)).isEqualTo(new HouseholdsAndPersons(2, 5));
        assertThat(t.risk(RiskType.DISABILITY)).isEqualTo(new HouseholdsAndPersons(1, 3));
        assertThat(t.risk(RiskType.ACCIDENT)).isEqualTo(new HouseholdsAndPersons(1, 1));
        assertThat(t.risk(RiskType.SCHOOLING)).isEqualTo(HouseholdsAndPersons.ZERO);
        assertThat(row(q2, townshipOne).cell(all, QuarterlyMeasure.MONITORED_AT_END))
                .isEqualTo(new HouseholdsAndPersons(2, 4));
        assertThat(row(q2, townshipTwo).cell(all, QuarterlyMeasure.MONITORED_AT_END))
                .isEqualTo(new HouseholdsAndPersons(1, 2));
    }

    @Test
    void theFirstAndThirdQuartersSeeTheEliminationsOfTheirOwn() {
        QuarterlyReport q1 = fixtures.as(county, () -> quarterly.of(ZEKU, "2025年第1季度"));
        String all = QuarterlyReport.ALL_TYPES;
        assertThat(q1.total().cell(all, QuarterlyMeasure.IDENTIFIED)).isEqualTo(new HouseholdsAndPersons(1, 3));
        assertThat(q1.total().cell(all, QuarterlyMeasure.ELIMINATED)).isEqualTo(new HouseholdsAndPersons(1, 1));
        assertThat(q1.total().cell("UNSTABLE_FORMERLY_POOR", QuarterlyMeasure.ELIMINATED_TO_END))
                .isEqualTo(new HouseholdsAndPersons(1, 1));
        assertThat(q1.total().cell(all, QuarterlyMeasure.MONITORED_AT_END)).isEqualTo(new HouseholdsAndPersons(1, 3));
        QuarterlyReport q3 = fixtures.as(county, () -> quarterly.of(ZEKU, "2025-Q3"));
        assertThat(q3.total().cell(all, QuarterlyMeasure.ELIMINATED)).isEqualTo(new HouseholdsAndPersons(1, 3));
        assertThat(q3.total().cell(all, QuarterlyMeasure.ELIMINATED_TO_END)).isEqualTo(new HouseholdsAndPersons(1, 3));
        assertThat(q3.total().cell(all, QuarterlyMeasure.MONITORED_AT_END)).isEqualTo(new HouseholdsAndPersons(3, 4));
        assertThat(q3.total().cell(all, QuarterlyMeasure.IDENTIFIED)).isEqualTo(new HouseholdsAndPersons(1, 1));
        assertThat(q3.total().cell(all, QuarterlyMeasure.IDENTIFIED_TO_END)).isEqualTo(new HouseholdsAndPersons(4, 7));
        assertThat(q3.total().cell(all, QuarterlyMeasure.REVERSED)).isEqualTo(HouseholdsAndPersons.ZERO);
    }

    @Test
    void aTownshipUserGetsItsOwnTownshipOnly() {
        BulwarkUser township = fixtures.user(Role.TOWNSHIP_REVIEWER, townshipOne);
        QuarterlyReport own = fixtures.as(township, () -> quarterly.of(null, "2025-Q2"));
        assertThat(own.regionCode()).isEqualTo(townshipOne);
        assertThat(own.total().cell(QuarterlyReport.ALL_TYPES, QuarterlyMeasure.MONITORED_AT_END))
                .isEqualTo(new HouseholdsAndPersons(2, 4));
        assertThat(own.rows()).allMatch(r -> r.regionCode().startsWith(townshipOne.substring(0, 9)));
        assertThatThrownBy(() -> fixtures.as(township, () -> quarterly.of(ZEKU, "2025-Q2")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("region");
        assertThatThrownBy(() -> fixtures.as(township, () -> quarterly.of(townshipTwo, "2025-Q2")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aQuarterThatHasNotEndedOrIsNotAQuarterIsRefusedNamingTheField() {
        LocalDate today = LocalDate.now();
        String current = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        assertThatThrownBy(() -> fixtures.as(county, () -> quarterly.of(ZEKU, current)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("quarter_unfinished"));
        assertThatThrownBy(() -> fixtures.as(county, () -> quarterly.of(ZEKU, "2025-Q5")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("quarter"));
        assertThat(ReportingQuarter.lastFinished(LocalDate.of(2026, 2, 3))).isEqualTo(new ReportingQuarter(2025, 4));
        assertThat(ReportingQuarter.lastFinished(LocalDate.of(2026, 12, 7))).isEqualTo(new ReportingQuarter(2026, 3));
    }

    @Test
    void theWorkbookIsChineseAndItsTownshipRowsAddUpToTheCounty() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/casework/statistics/quarterly/export")
                        .param("quarter", "2025-Q2")
                        .with(user(county)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(URLDecoder.decode(response.getHeader("Content-Disposition"), StandardCharsets.UTF_8))
                .contains("泽库县-监测帮扶季度统计表-2025年第2季度.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            assertThat(List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2)))
                    .containsExactly("汇总", "风险类型", "说明");
            Sheet summary = book.getSheet("汇总");
            assertThat(text(summary, 0, 0)).isEqualTo("泽库县防止返贫动态监测帮扶季度统计表（2025年第2季度）");
            assertThat(text(summary, 1, 0)).isEqualTo("乡镇");
            assertThat(text(summary, 1, 1)).isEqualTo("合计（各类型）");
            assertThat(text(summary, 1, 15)).isEqualTo("脱贫不稳定户");
            assertThat(text(summary, 2, 1)).isEqualTo("本季度识别纳入");
            assertThat(text(summary, 2, 5)).isEqualTo("季度末监测中");
            assertThat(text(summary, 3, 1)).isEqualTo("户数");
            assertThat(text(summary, 3, 2)).isEqualTo("人数");
            int last = summary.getLastRowNum();
            assertThat(text(summary, last, 0)).isEqualTo("合计（泽库县）");
            assertThat(number(summary, last, 5)).isEqualTo(3);
            assertThat(number(summary, last, 6)).isEqualTo(6);
            for (int col = 1; col < summary.getRow(3).getLastCellNum(); col++) {
                long sum = 0;
                for (int r = 4; r < last; r++) {
                    assertThat(text(summary, r, 0)).doesNotContainPattern("[0-9]{6}");
                    sum += number(summary, r, col);
                }
                assertThat(sum).as("column %d", col).isEqualTo(number(summary, last, col));
            }
            Sheet risks = book.getSheet("风险类型");
            assertThat(text(risks, 1, 0)).contains("各计一次");
            assertThat(text(risks, 2, 1)).isEqualTo("季度末监测中");
            assertThat(text(risks, 2, 3)).isEqualTo("因病");
            assertThat(number(risks, risks.getLastRowNum(), 3)).isEqualTo(2);
            Sheet notes = book.getSheet("说明");
            assertThat(text(notes, 1, 1)).isEqualTo("泽库县");
            assertThat(text(notes, 2, 1)).isEqualTo("2025年第2季度");
            assertThat(text(notes, 3, 1)).isEqualTo("2025-04-01至2025-06-30");
            assertThat(text(notes, 5, 1)).isEqualTo(county.displayName());
        }
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'quarterly-report'"
                                + " and entity_id = :id and summary_key = 'quarterlyReportExported'")
                        .param("id", "泽库县 2025年第2季度")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theStatisticsPageOffersTheQuarterlyDownloadForACounty() throws Exception {
        String page = mvc.perform(get("/casework/statistics").with(user(county)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-test=\"quarterly\"", "下载季度统计表（Excel）", "年第");
        mvc.perform(get("/casework/statistics/quarterly/export")
                        .param("region", ZEKU)
                        .param("quarter", "第五季度")
                        .with(user(county)))
                .andExpect(status().isBadRequest());
    }

    private static String text(Sheet sheet, int row, int col) {
        Row r = sheet.getRow(row);
        return r.getCell(col).getStringCellValue();
    }

    private static long number(Sheet sheet, int row, int col) {
        return (long) sheet.getRow(row).getCell(col).getNumericCellValue();
    }

    private static QuarterlyReport.RegionRow row(QuarterlyReport report, String code) {
        return report.rows().stream()
                .filter(r -> r.regionCode().equals(code))
                .findFirst()
                .orElseThrow();
    }

    private long household(BulwarkUser cadre, String village, int members) {
        var more = new org.bulwark.registry.PersonInput[members - 1];
        for (int i = 0; i < more.length; i++) {
            more[i] = TestFixtures.person("成员" + i, TestFixtures.newIdNumber(), "CHILD");
        }
        return fixtures.household(cadre, village, more).household().id();
    }

    private void monitoring(long household, String village, String status, MonitoringType type, String risks) {
        jdbc.sql("""
                insert into monitoring (household_id, village_code, status, monitoring_type, risk_types,
                    identified_on, first_identified_on)
                values (:h, :v, :s, :t, :r, date '2024-11-01', date '2024-11-01')
                """)
                .param("h", household)
                .param("v", village)
                .param("s", status)
                .param("t", type.name())
                .param("r", risks)
                .update();
    }

    private long identification(long household, String village, MonitoringType type, String risks) {
        return jdbc.sql("""
                insert into support_case (household_id, village_code, kind, channel, discovered_on, status,
                    monitoring_type, risk_types, opened_by)
                values (:h, :v, 'IDENTIFICATION', 'GRASSROOTS_VISIT', date '2024-10-01', 'APPROVED', :t, :r, 'test')
                returning id
                """)
                .param("h", household)
                .param("v", village)
                .param("t", type.name())
                .param("r", risks)
                .query(Long.class)
                .single();
    }

    private void event(long household, String event, String on, Long caseId) {
        jdbc.sql("""
                insert into monitoring_event (household_id, event, happened_on, case_id, done_by)
                values (:h, :e, cast(:on as date), :c, 'test')
                """)
                .param("h", household)
                .param("e", event)
                .param("on", on)
                .param("c", caseId)
                .update();
    }
}
