package org.bulwark.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import org.bulwark.income.IncomeInput;
import org.bulwark.income.Incomes;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.SwitchableClock;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.registry.HouseholdInput;
import org.bulwark.registry.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 13, item 5: a county's monitoring roster exported in the import's template and imported back changes nothing
 * — for households recorded from a roster (several periods, a reversal, helpers with and without an account, more
 * than three measures) and for households whose periods were made here through the procedure (identified, helped,
 * planned, eliminated), in .xlsx and .csv; no duplicate period and no case step is made. A changed Bulwark-made period
 * is refused. A township exports only its villages; a user who may not see identity numbers exports nothing. The
 * households live in a county of their own (522326), so that other tests' casework does not enter the file.
 */
@DatabaseTest
class RosterExportTest {

    static final String COUNTY = "522326";
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    /** After every date the households' histories hold. */
    static final LocalDate IMPORT_DAY = LocalDate.of(2026, 11, 2);

    static final String HEADER = "户编号,户主身份证号,监测类型,识别日期,风险类型1,风险类型2,帮扶责任人,帮扶责任人电话,"
            + "措施1类别,措施1内容,措施1责任部门,措施1开始日期,措施1结束日期,"
            + "措施2类别,措施2内容,措施2责任部门,措施2开始日期,措施2结束日期,"
            + "措施3类别,措施3内容,措施3责任部门,措施3开始日期,措施3结束日期,"
            + "措施4类别,措施4内容,措施4责任部门,措施4开始日期,措施4结束日期,"
            + "风险是否消除,风险消除日期,是否自然消除,返贫日期";

    @Autowired
    TestFixtures fixtures;

    @Autowired
    RosterExport exports;

    @Autowired
    RosterImport roster;

    @Autowired
    Cases cases;

    @Autowired
    Helpers helpers;

    @Autowired
    SupportPlans plans;

    @Autowired
    Visits visits;

    @Autowired
    Incomes incomes;

    @Autowired
    Registry registry;

    @Autowired
    SwitchableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    String village;
    String otherVillage;
    BulwarkUser cadre;
    BulwarkUser otherCadre;
    BulwarkUser township;
    BulwarkUser county;
    BulwarkUser helper;

    @BeforeEach
    void setUp() {
        List<String> townships =
                jdbc.sql("""
                        select t.code from region t where t.code like :c and t.code like '%000'
                          and t.code not like '%000000'
                          and exists (select 1 from region v where v.code like substr(t.code, 1, 9) || '%'
                                      and v.code not like '%000')
                        order by t.code limit 2
                        """).param("c", COUNTY + "%").query(String.class).list();
        village = firstVillage(townships.get(0));
        otherVillage = firstVillage(townships.get(1));
        cadre = fixtures.user(Role.VILLAGE_CADRE, village);
        otherCadre = fixtures.user(Role.VILLAGE_CADRE, otherVillage);
        township = fixtures.user(Role.TOWNSHIP_REVIEWER, townships.get(0));
        county = fixtures.user(Role.COUNTY_APPROVER, COUNTY + "000000");
        helper = fixtures.user(Role.HELPER, village);
    }

    private String firstVillage(String townshipCode) {
        return jdbc.sql("select code from region where code like :t and code not like '%000' order by code limit 1")
                .param("t", townshipCode.substring(0, 9) + "%")
                .query(String.class)
                .single();
    }

    <T> T on(LocalDate day, BulwarkUser user, Supplier<T> action) {
        try (var fixed = clock.at(day)) {
            return fixtures.as(user, action);
        }
    }

    static RosterRead read(String name, byte[] bytes) {
        try {
            return RosterFile.read(new ByteArrayInputStream(bytes), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] csv(String... lines) {
        return ("\uFEFF" + HEADER + "\n" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    byte[] export(BulwarkUser user, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fixtures.as(user, () -> {
            try {
                return exports.export(COUNTY, RosterExport.Format.of(format), out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return out.toByteArray();
    }

    SupportCase pass(SupportCase c, BulwarkUser user, LocalDate day) {
        return on(day, user, () -> cases.decide(c.id(), c.version(), Decision.PASS, "同意", 0));
    }

    /** Identified through the procedure on {@code start} + 9 days with a helper and a plan; returns that day. */
    LocalDate identifiedHere(long id, LocalDate start) {
        SupportCase c = on(
                start,
                cadre,
                () -> cases.open(
                        new OpenCaseInput(id, Channel.GRASSROOTS_VISIT, null, start, Set.of(RiskType.ILLNESS), "住院")));
        SupportCase opened = c;
        c = on(
                start,
                cadre,
                () -> cases.recordVerification(
                        opened.id(),
                        opened.version(),
                        new VerificationInput(
                                true, MonitoringType.MARGINAL, Set.of(RiskType.ILLNESS), new BigDecimal("12000"))));
        c = pass(c, cadre, start);
        c = pass(c, county, start.plusDays(1));
        c = pass(c, cadre, start.plusDays(2));
        c = pass(c, cadre, start.plusDays(7));
        LocalDate day = start.plusDays(8);
        on(day, township, () -> helpers.assign(id, helper.getUsername(), "就近"));
        on(
                day,
                cadre,
                () -> plans.add(
                        id,
                        new MeasureInput(MeasureCategory.HEALTH, RiskType.ILLNESS, "医疗保障局", "大病保险", null, day, null)));
        c = pass(c, township, day);
        c = pass(c, county, start.plusDays(9));
        assertThat(c.status()).isEqualTo(CaseStatus.APPROVED);
        return start.plusDays(9);
    }

    /** The risk eliminated through the procedure half a year after identification; returns the day approved. */
    LocalDate eliminatedHere(long id, LocalDate identified) {
        LocalDate later = identified.plusMonths(6);
        PlanMeasure measure = on(later, cadre, () -> plans.measures(id)).get(0);
        on(later, cadre, () -> plans.deliver(measure.id(), measure.version(), later));
        on(
                later,
                cadre,
                () -> incomes.record(
                        id,
                        new IncomeInput(
                                2025,
                                new BigDecimal("30000"),
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO)));
        on(
                later,
                helper,
                () -> visits.record(
                        new VisitInput(UUID.randomUUID(), id, later, "收入稳定", new BigDecimal("15000"), "STABLE")));
        SupportCase e = on(later, cadre, () -> cases.proposeElimination(id, null));
        e = pass(e, cadre, later);
        e = pass(e, county, later);
        e = pass(e, cadre, later);
        e = pass(e, cadre, later.plusDays(5));
        e = pass(e, township, later.plusDays(5));
        e = pass(e, county, later.plusDays(5));
        assertThat(e.status()).isEqualTo(CaseStatus.APPROVED);
        return later.plusDays(5);
    }

    /** What casework holds for the county's households: any write would change one of these counts. */
    Map<String, Object> holdings() {
        return jdbc.sql("""
                        select (select count(*) from monitoring_event e join monitoring m using (household_id)
                                where m.village_code like :c) as events,
                               (select count(*) from helper_assignment a join monitoring m using (household_id)
                                where m.village_code like :c) as helpers,
                               (select count(*) from plan_measure p join monitoring m using (household_id)
                                where m.village_code like :c) as measures,
                               (select count(*) from support_case where village_code like :c) as cases,
                               (select count(*) from case_step s join support_case c on c.id = s.case_id
                                where c.village_code like :c) as steps,
                               (select count(*) from roster_household r join monitoring m using (household_id)
                                where m.village_code like :c) as roster_households,
                               (select count(*) from roster_import) as imports,
                               (select coalesce(sum(version), 0) from monitoring where village_code like :c) as versions
                        """).param("c", COUNTY + "%").query().singleRow();
    }

    HouseholdFile household(BulwarkUser editor, String villageCode) {
        return fixtures.household(editor, villageCode);
    }

    static String number(HouseholdFile file) {
        return file.household().householdNumber();
    }

    /** Roster households: two periods with a reversal and four measures; a formerly-poor one in another township. */
    void rosterHouseholds(HouseholdFile twoPeriods, HouseholdFile formerlyPoor, HouseholdFile eliminatedThenHere) {
        String measures = "健康帮扶,大病保险补充,县医保局,2022-04-10,2022-12-31,"
                + "就业帮扶,公益岗位推荐,\"县人社局,乡劳保站\",2022-05-01,,"
                + "小额信贷,,县农商行,2022-06-01,2023-06-01,"
                + "其他,\"说明：含“引号”\",县民政局,2022-07-01,,";
        byte[] file = csv(
                number(twoPeriods) + ",,边缘易致贫户,2022-04-01,因病,,王帮扶,139-0000-1111," + measures + "是,2023-06-30,是,",
                number(twoPeriods) + ",,突发严重困难户,2024-02-01,因灾,因意外事故," + helper.getUsername() + ",," + ",,,,,".repeat(4)
                        + "是,2024-12-01,否,2025-03-01",
                "," + formerlyPoor.head().orElseThrow().idNumber() + ",脱贫不稳定户,2023-05-01,因残,饮水安全,李帮扶,13900002222,"
                        + ",,,,,".repeat(4) + "否,,,",
                number(eliminatedThenHere) + ",,边缘易致贫户,2021-09-01,因学,,,," + ",,,,,".repeat(4) + "是,2022-09-01,否,");
        RosterPreview done = on(DAY.minusDays(1), county, () -> roster.commit(read("名单.csv", file)));
        assertThat(done.problems()).isEmpty();
        assertThat(done.count(RosterPreview.Outcome.NEW)).isEqualTo(3);
    }

    RosterPreview importBack(String name, byte[] bytes, boolean commit) {
        return on(
                IMPORT_DAY,
                county,
                () -> commit ? roster.commit(read(name, bytes)) : roster.preview(read(name, bytes)));
    }

    @Test
    void theExportedRosterImportedBackChangesNothingForRecordedAndBulwarkMadePeriods() throws IOException {
        HouseholdFile twoPeriods = household(cadre, village);
        HouseholdFile formerlyPoor = fixtures.as(
                otherCadre,
                () -> registry.register(
                        new HouseholdInput(otherVillage, "FORMERLY_POOR", "第2组3号", "13800004321"),
                        List.of(TestFixtures.person("脱贫户主", TestFixtures.newIdNumber(), "HEAD"))));
        HouseholdFile mixed = household(cadre, village);
        HouseholdFile madeHere = household(cadre, village);
        rosterHouseholds(twoPeriods, formerlyPoor, mixed);
        // one household identified and its risk eliminated here; one recorded eliminated and identified again here
        LocalDate identified = identifiedHere(madeHere.household().id(), DAY);
        LocalDate eliminated = eliminatedHere(madeHere.household().id(), identified);
        LocalDate reentered = identifiedHere(mixed.household().id(), DAY.plusDays(20));
        // a measure added here to a recorded period (no case opened it): the period's, and platform history
        on(
                DAY,
                cadre,
                () -> plans.add(
                        twoPeriods.household().id(),
                        new MeasureInput(
                                MeasureCategory.PUBLIC_WELFARE_JOB,
                                RiskType.NATURAL_DISASTER,
                                "乡镇人民政府",
                                "护林员",
                                null,
                                DAY,
                                null)));

        byte[] xlsx = export(county, "xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            List<String> headers = headers(sheet.getRow(0));
            assertThat(headers).startsWith("户编号", "户主身份证号", "监测类型", "识别日期").contains("措施4结束日期");
            List<Row> own = rowsOf(sheet, number(madeHere));
            assertThat(own).hasSize(1);
            Map<String, String> cells = cells(headers, own.get(0));
            assertThat(cells)
                    .containsEntry("户主身份证号", madeHere.head().orElseThrow().idNumber())
                    .containsEntry("监测类型", "边缘易致贫户")
                    .containsEntry("识别日期", identified.toString())
                    .containsEntry("风险类型1", "因病")
                    .containsEntry("帮扶责任人", helper.getUsername())
                    .containsEntry("措施1类别", "健康帮扶")
                    .containsEntry("措施1责任部门", "医疗保障局")
                    .containsEntry("风险是否消除", "是")
                    .containsEntry("风险消除日期", eliminated.toString())
                    .containsEntry("是否自然消除", "否");
            assertThat(rowsOf(sheet, number(mixed)))
                    .extracting(r -> cells(headers, r).get("识别日期"))
                    .containsExactly("2021-09-01", reentered.toString());
            assertThat(rowsOf(sheet, number(twoPeriods)))
                    .extracting(r -> cells(headers, r).get("返贫日期"))
                    .containsExactly("", "2025-03-01");
            assertThat(rowsOf(sheet, number(twoPeriods)))
                    .extracting(r -> cells(headers, r).get("措施1类别") + "/"
                            + cells(headers, r).get("措施4内容"))
                    .containsExactly("健康帮扶/说明：含“引号”", "公益岗位/");
        }
        roundTrip("导出.xlsx", xlsx);

        byte[] csv = export(county, "csv");
        assertThat(new byte[] {csv[0], csv[1], csv[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("\"县人社局,乡劳保站\"").contains("王帮扶,13900001111");
        roundTrip("导出.csv", csv);

        // the export is audited as one action of the county's user
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'roster_export' and action = 'EXPORT'"
                                + " and summary_key = 'rosterExported' and username = :u")
                        .param("u", county.getUsername())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        // a Bulwark-made period said otherwise is refused: the roster cannot rewrite what the procedure decided
        String changed = text.lines()
                .filter(l -> l.startsWith(number(madeHere)))
                .findFirst()
                .orElseThrow()
                .replace(identified.toString(), identified.minusDays(3).toString());
        String header = text.lines().findFirst().orElseThrow();
        Map<String, Object> before = holdings();
        RosterPreview refused =
                importBack("改过.csv", (header + "\r\n" + changed + "\r\n").getBytes(StandardCharsets.UTF_8), true);
        assertThat(refused.households())
                .singleElement()
                .satisfies(h -> assertThat(h.outcome()).isEqualTo(RosterPreview.Outcome.REFUSED))
                .satisfies(h -> assertThat(h.detail()).contains("名单不能改写其监测历史"));
        assertThat(holdings()).isEqualTo(before);

        // a case under way does not make an unchanged household refused: nothing would be written
        LocalDate opened = IMPORT_DAY.minusDays(1);
        on(
                opened,
                cadre,
                () -> cases.open(new OpenCaseInput(
                        madeHere.household().id(),
                        Channel.GRASSROOTS_VISIT,
                        null,
                        opened,
                        Set.of(RiskType.NATURAL_DISASTER),
                        "房屋受灾")));
        roundTrip("导出.csv", csv);
    }

    /** The file imported back: every household unchanged, none new, changed or refused, and nothing written. */
    void roundTrip(String name, byte[] bytes) {
        Map<String, Object> before = holdings();
        RosterPreview preview = importBack(name, bytes, false);
        assertThat(preview.problems()).isEmpty();
        assertThat(preview.count(RosterPreview.Outcome.NEW)).isZero();
        assertThat(preview.count(RosterPreview.Outcome.CHANGED)).isZero();
        assertThat(preview.count(RosterPreview.Outcome.REFUSED)).isZero();
        assertThat(preview.count(RosterPreview.Outcome.UNCHANGED)).isGreaterThanOrEqualTo(4);
        RosterPreview committed = importBack(name, bytes, true);
        assertThat(committed.importId()).isNull();
        assertThat(committed.count(RosterPreview.Outcome.UNCHANGED))
                .isEqualTo(preview.count(RosterPreview.Outcome.UNCHANGED));
        assertThat(holdings()).isEqualTo(before);
    }

    static List<String> headers(Row row) {
        DataFormatter format = new DataFormatter();
        List<String> headers = new java.util.ArrayList<>();
        row.forEach(c -> headers.add(format.formatCellValue(c)));
        return headers;
    }

    static List<Row> rowsOf(Sheet sheet, String householdNumber) {
        List<Row> rows = new java.util.ArrayList<>();
        for (Row row : sheet) {
            if (row.getCell(0) != null && householdNumber.equals(row.getCell(0).getStringCellValue())) {
                rows.add(row);
            }
        }
        return rows;
    }

    static Map<String, String> cells(List<String> headers, Row row) {
        Map<String, String> cells = new java.util.HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            var cell = row.getCell(i);
            String value = "";
            if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                value = cell.getLocalDateTimeCellValue().toLocalDate().toString();
            } else if (cell != null) {
                value = cell.getStringCellValue();
            }
            cells.put(headers.get(i), value);
        }
        return cells;
    }

    @Test
    void aTownshipExportsOnlyItsVillagesAndAnotherCountyNone() {
        HouseholdFile here = household(cadre, village);
        HouseholdFile there = household(otherCadre, otherVillage);
        byte[] file = csv(
                number(here) + ",,边缘易致贫户,2023-04-01,因病,,,," + ",,,,,".repeat(4) + "否,,,",
                number(there) + ",,边缘易致贫户,2023-04-01,因灾,,,," + ",,,,,".repeat(4) + "否,,,");
        assertThat(on(DAY, county, () -> roster.commit(read("名单.csv", file))).count(RosterPreview.Outcome.NEW))
                .isEqualTo(2);
        String text = new String(export(township, "csv"), StandardCharsets.UTF_8);
        assertThat(text).contains(number(here)).doesNotContain(number(there));
        // the township's own file imported back by the township changes nothing
        Map<String, Object> before = holdings();
        RosterPreview back =
                on(IMPORT_DAY, township, () -> roster.commit(read("乡镇.csv", text.getBytes(StandardCharsets.UTF_8))));
        assertThat(back.count(RosterPreview.Outcome.UNCHANGED))
                .isEqualTo(back.households().size());
        assertThat(holdings()).isEqualTo(before);
        // a county user of another county names this county: refused, naming the field
        BulwarkUser otherCounty = fixtures.user(Role.COUNTY_APPROVER, "522324000000");
        assertThatThrownBy(() -> export(otherCounty, "csv")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aUserWhoMayNotSeeIdentityNumbersExportsNothingAndThePageOffersTheExport() throws Exception {
        long audited = jdbc.sql("select count(*) from audit_log where entity_type = 'roster_export'")
                .query(Long.class)
                .single();
        for (BulwarkUser refused : List.of(
                fixtures.user(Role.LEADER, COUNTY + "000000"), fixtures.user(Role.PREFECTURE_ADMIN, "522300000000"))) {
            assertThatThrownBy(() -> export(refused, "csv")).isInstanceOf(AccessDeniedException.class);
            mvc.perform(get("/api/v1/casework/roster/export.csv")
                            .param("county", COUNTY)
                            .with(user(refused)))
                    .andExpect(status().isForbidden());
        }
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'roster_export'")
                        .query(Long.class)
                        .single())
                .isEqualTo(audited);

        String page = mvc.perform(get("/casework/roster").with(user(county)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("导出本辖区监测对象名单").contains("/casework/roster/export.xlsx?county=" + COUNTY);
        var response = mvc.perform(get("/api/v1/casework/roster/export.csv")
                        .param("county", COUNTY)
                        .with(user(county)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(response.getHeader("Content-Disposition")).contains("filename*=UTF-8''");
        assertThat(new String(response.getContentAsByteArray(), StandardCharsets.UTF_8))
                .startsWith("\uFEFF户编号,户主身份证号,监测类型,识别日期");
        byte[] xlsx = mvc.perform(get("/casework/roster/export.xlsx")
                        .param("county", COUNTY)
                        .with(user(county)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("户编号");
            assertThat(book.getSheetAt(1).getRow(0).getCell(0).getStringCellValue())
                    .contains("原样再导入不会改变任何数据");
        }
    }
}
