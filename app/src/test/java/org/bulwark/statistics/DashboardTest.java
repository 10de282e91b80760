package org.bulwark.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditLog;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.Role;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The dashboard's figures are the stored data of the region asked for, inside the user's scope only. */
@DatabaseTest
class DashboardTest {

    @Autowired
    Dashboard dashboard;

    @Autowired
    HouseholdsBehind householdsBehind;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog audit;

    BulwarkUser county;
    BulwarkUser cadre;

    @BeforeEach
    void setUp() {
        county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        for (int i = 0; i < 3; i++) {
            fixtures.household(
                    cadre, TestFixtures.VILLAGE_A, TestFixtures.person("成员" + i, TestFixtures.newIdNumber(), "SPOUSE"));
        }
        fixtures.household(county, TestFixtures.VILLAGE_B);
    }

    private long count(String sql, Object... params) {
        var statement = jdbc.sql(sql);
        for (Object p : params) {
            statement = statement.param(p);
        }
        return statement.query(Long.class).single();
    }

    private static FigureTable.Cell cell(FigureTable.Row row, String measure) {
        return row.cells().stream()
                .filter(c -> c.measure().id().equals(measure))
                .findFirst()
                .orElseThrow();
    }

    private FigureTable registry(DashboardView view) {
        return view.table("registry");
    }

    @Test
    void figuresAreTheStoredDataOfTheRegionAndItsVillages() {
        DashboardView view = fixtures.as(county, () -> dashboard.view(TestFixtures.TOWNSHIP, null, Locale.CHINA));
        assertThat(view.region().code()).isEqualTo(TestFixtures.TOWNSHIP);
        assertThat(view.villageLevel()).isTrue();
        FigureTable.Row total = registry(view).total();
        assertThat(cell(total, "registry.households").value().longValue())
                .isEqualTo(count("select count(*) from household where village_code like '522324101%'"));
        assertThat(cell(total, "registry.persons").value().longValue())
                .isEqualTo(count("select count(*) from person p join household h on h.id = p.household_id "
                        + "where h.village_code like '522324101%'"));
        FigureTable.Row villageA = registry(view).rows().stream()
                .filter(r -> TestFixtures.VILLAGE_A.equals(r.regionCode()))
                .findFirst()
                .orElseThrow();
        assertThat(cell(villageA, "registry.households").value().longValue())
                .isEqualTo(count("select count(*) from household where village_code = ?", TestFixtures.VILLAGE_A));
        // the breadcrumb starts at the user's own region: nothing above it is theirs to open
        assertThat(view.path()).extracting(r -> r.code()).containsExactly(TestFixtures.COUNTY, TestFixtures.TOWNSHIP);
    }

    @Autowired
    FigureWarmUp warmUp;

    /** The warm-up after a start computes what the first visitor of a province, prefecture or county would see. */
    @Test
    void theWarmUpComputesEveryCountysDashboardAndThoseAboveAsTheirStaffSeeThem() {
        List<DashboardView> views = warmUp.warmUp();
        // provinces, prefectures and counties with households, no others
        assertThat(views)
                .isNotEmpty()
                .allSatisfy(v -> assertThat(v.region().code()).endsWith("000000"))
                .noneMatch(v -> count("select count(*) from household where village_code like '"
                                + v.region().code().replaceAll("(00)+$", "") + "%'")
                        == 0);
        DashboardView guizhou = views.stream()
                .filter(v -> v.region().code().equals("520000000000"))
                .findFirst()
                .orElseThrow();
        assertThat(cell(registry(guizhou).total(), "registry.households")
                        .value()
                        .longValue())
                .isEqualTo(count("select count(*) from household where village_code like '52%'"));
        DashboardView warmed = views.stream()
                .filter(v -> v.region().code().equals(TestFixtures.COUNTY))
                .findFirst()
                .orElseThrow();
        DashboardView seen = fixtures.as(county, () -> dashboard.view(TestFixtures.COUNTY, null, Locale.CHINA));
        assertThat(cell(registry(seen).total(), "registry.households").value().longValue())
                .isEqualTo(cell(registry(warmed).total(), "registry.households")
                        .value()
                        .longValue())
                .isEqualTo(count("select count(*) from household where village_code like '"
                        + TestFixtures.COUNTY.substring(0, 6) + "%'"));
    }

    @Test
    void everyHouseholdFigureListsTheHouseholdsItCounts() {
        DashboardView view = fixtures.as(county, () -> dashboard.view(TestFixtures.COUNTY, null, Locale.CHINA));
        for (FigureTable.Cell c : registry(view).total().cells()) {
            if (!c.linked()) {
                continue;
            }
            List<HouseholdsBehind.Listed> listed = new ArrayList<>();
            fixtures.as(
                    county,
                    () -> householdsBehind.export(c.measure().id(), TestFixtures.COUNTY, null, null, listed::add));
            long expected = c.measure().id().equals("registry.persons")
                    ? cell(registry(view).total(), "registry.households")
                            .value()
                            .longValue()
                    : c.value().longValue();
            assertThat((long) listed.size()).as(c.measure().id()).isEqualTo(expected);
        }
    }

    @Test
    void aRegionOutsideTheScopeIsNotFoundHoweverItIsAskedFor() {
        assertThatThrownBy(() -> fixtures.as(cadre, () -> dashboard.view(TestFixtures.VILLAGE_B, null, Locale.CHINA)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fixtures.as(
                        cadre,
                        () -> householdsBehind.page("registry.households", TestFixtures.COUNTY, null, null, 0, 50)))
                .isInstanceOf(NotFoundException.class);
        DashboardView own = fixtures.as(cadre, () -> dashboard.view(null, null, Locale.CHINA));
        assertThat(own.region().code()).isEqualTo(TestFixtures.VILLAGE_A);
        assertThat(own.path()).extracting(r -> r.code()).containsExactly(TestFixtures.VILLAGE_A);
        assertThat(cell(registry(own).total(), "registry.households").value().longValue())
                .isEqualTo(count("select count(*) from household where village_code = ?", TestFixtures.VILLAGE_A));
        assertThat(registry(own).rows()).isEmpty();
        var page = fixtures.as(cadre, () -> householdsBehind.page("registry.households", null, null, null, 0, 200));
        assertThat(page.households())
                .isNotEmpty()
                .allSatisfy(h -> assertThat(h.villageCode()).isEqualTo(TestFixtures.VILLAGE_A));
    }

    @Test
    void anUnknownFigureOrRegionIsAnErrorNamingTheField() {
        assertThatThrownBy(() ->
                        fixtures.as(county, () -> householdsBehind.page("registry.nothing", null, null, null, 0, 10)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("measure"));
        assertThatThrownBy(() ->
                        fixtures.as(county, () -> householdsBehind.page("exchange.unmatched", null, null, null, 0, 10)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("measure"));
        assertThatThrownBy(() -> fixtures.as(county, () -> dashboard.view("52x", null, Locale.CHINA)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("region"));
    }

    @Test
    void aTableDownloadsAsExcelAndAHouseholdListExportIsAudited() throws Exception {
        byte[] xlsx = mvc.perform(get("/dashboard/export")
                        .param("region", TestFixtures.TOWNSHIP)
                        .param("table", "registry")
                        .with(user(county)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("登记户数");
            // the totals, perhaps followed by the note on suppressed figures
            var total = IntStream.rangeClosed(2, sheet.getLastRowNum())
                    .mapToObj(sheet::getRow)
                    .filter(r -> r.getCell(0).getStringCellValue().equals("合计"))
                    .findFirst()
                    .orElseThrow();
            assertThat((long) total.getCell(1).getNumericCellValue())
                    .isEqualTo(count("select count(*) from household where village_code like '522324101%'"));
        }
        String invalid = mvc.perform(
                        get("/dashboard/export").param("table", "nothing").with(user(county)))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(invalid).contains("统计表：没有这个统计表");
        String unknownFigure = mvc.perform(get("/dashboard/households")
                        .param("measure", "registry.nothing")
                        .with(user(county)))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(unknownFigure).contains("统计指标：没有这个统计指标");
        String byRisk = mvc.perform(get("/dashboard/households")
                        .param("measure", "warnings.raised")
                        .param("region", TestFixtures.TOWNSHIP)
                        .param("key", "illness")
                        .with(user(county)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(byRisk).contains("风险类型: 因病").doesNotContain(": illness");
        mvc.perform(get("/dashboard/households/export")
                        .param("measure", "registry.households")
                        .param("region", TestFixtures.VILLAGE_A)
                        .with(user(county)))
                .andExpect(status().isOk());
        assertThat(audit.recent(RegionScope.nationwide(), "household-list", "registry.households", 5))
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo(AuditAction.EXPORT);
                    assertThat(e.username()).isEqualTo(county.getUsername());
                    assertThat(e.regionCode()).isEqualTo(TestFixtures.VILLAGE_A);
                });
    }

    @Test
    void theLargeScreenShowsTheHeadlinesAndAChartPerSectionInsideTheScopeOnly() throws Exception {
        String page = mvc.perform(get("/dashboard/cockpit")
                        .param("region", TestFixtures.COUNTY)
                        .with(user(county)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("防返贫动态监测大屏")
                .contains("http-equiv=\"refresh\"")
                .contains("data-theme=\"dark\"")
                .doesNotContain("navbar");
        assertThat(page.split("data-chart=", -1).length - 1)
                .as("a chart per section")
                .isGreaterThanOrEqualTo(5);
        long households = count("select count(*) from household where village_code like '522324%'");
        assertThat(page).contains(String.format("%,d", households));
        mvc.perform(get("/dashboard/cockpit")
                        .param("region", TestFixtures.VILLAGE_B)
                        .with(user(cadre)))
                .andExpect(status().isNotFound());
    }

    @Test
    void thePageIsChineseByDefaultAndEnglishOnRequest() throws Exception {
        String zh = mvc.perform(get("/dashboard").with(user(county)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(zh).contains("登记户和人口").contains("data-chart=");
        // the registry's categories and the casework's identified households are named so that they add up
        assertThat(zh)
                .contains("监测户（边缘易致贫户、突发严重困难户）")
                .contains("累计识别纳入 = 监测中 + 风险消除")
                .contains("登记户数 = 脱贫户 + 监测户 + 一般农户");
        String en = mvc.perform(get("/dashboard").param("lang", "en").with(user(county)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(en).contains("Registered households and persons").doesNotContain("登记户和人口");
        // the list behind a category's figure names the category in the page's language
        String behindEn = mvc.perform(get("/dashboard/households")
                        .param("measure", "exchange.households")
                        .param("key", "medical_settlement")
                        .param("lang", "en")
                        .with(user(county)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(behindEn)
                .contains("Medical Security Bureau · Medical cost settlement")
                .doesNotContain("医疗费用结算");
        String behindZh = mvc.perform(get("/dashboard/households")
                        .param("measure", "exchange.households")
                        .param("key", "medical_settlement")
                        .with(user(county)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(behindZh).contains("医疗保障局 · 医疗费用结算");
    }
}
