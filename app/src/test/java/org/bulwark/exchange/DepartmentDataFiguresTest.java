package org.bulwark.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.Role;
import org.bulwark.registry.Person;
import org.bulwark.statistics.Dashboard;
import org.bulwark.statistics.DashboardView;
import org.bulwark.statistics.FigureQuery;
import org.bulwark.statistics.FigureTable;
import org.bulwark.statistics.FigureValue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Department data by village: a registered resident's records count in the village of their household (found through
 * the household, since parts of their own have no index by region), an unregistered resident's in the region they
 * were stored in; households are counted once, unregistered residents as subjects.
 */
@DatabaseTest
class DepartmentDataFiguresTest {

    @Autowired
    DepartmentDataFigures figures;

    @Autowired
    DepartmentDataImport importer;

    @Autowired
    Dashboard dashboard;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void recordsCountInTheirHouseholdsVillageAndUnregisteredOnesWhereStored() throws Exception {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        Person a = fixtures.household(cadre, TestFixtures.VILLAGE_A).head().orElseThrow();
        Person b = fixtures.household(fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_B), TestFixtures.VILLAGE_B)
                .head()
                .orElseThrow();
        BulwarkUser county = fixtures.user(Role.PREFECTURE_ADMIN, TestFixtures.COUNTY);
        Map<String, Long> before = records(county);
        String csv = "身份证号,姓名,结算日期,就诊类型,医疗总费用,基金支付（基本医保+大病保险+医疗救助）,个人自付费用,政策范围内个人自付\n"
                + a.idNumber() + "," + a.name() + ",2025-03-01,outpatient,200,100,100,30\n"
                + a.idNumber() + "," + a.name() + ",2025-03-02,outpatient,200,100,100,30\n"
                + b.idNumber() + "," + b.name() + ",2025-03-03,outpatient,200,100,100,30\n";
        Batch batch = upload(county, csv);
        assertThat(batch.rowsAccepted()).isEqualTo(3);
        // an unregistered resident's record stored in village B (as a category with a village column stores it)
        jdbc.sql("""
                insert into department_record (part, batch_id, source_row, category, id_number, village_code,
                                               region_code, record_date, fields, row_hash)
                values (0, :b, 99, 'medical_settlement', '110101196102030021', :v, :v, date '2025-03-04', '{}',
                        decode('00112233445566778899aabbccddeeff', 'hex'))
                """).param("b", batch.id()).param("v", TestFixtures.VILLAGE_B).update();

        Map<String, Long> after = records(county);
        assertThat(after.getOrDefault(TestFixtures.VILLAGE_A + "|exchange.records", 0L)
                        - before.getOrDefault(TestFixtures.VILLAGE_A + "|exchange.records", 0L))
                .isEqualTo(2);
        assertThat(after.getOrDefault(TestFixtures.VILLAGE_B + "|exchange.records", 0L)
                        - before.getOrDefault(TestFixtures.VILLAGE_B + "|exchange.records", 0L))
                .isEqualTo(2);
        assertThat(after.getOrDefault(TestFixtures.VILLAGE_B + "|exchange.unmatched", 0L)
                        - before.getOrDefault(TestFixtures.VILLAGE_B + "|exchange.unmatched", 0L))
                .isEqualTo(1);

        // the household of A moves to village B: its records follow it (moved back after, since the fixtures number
        // a village's households by counting them)
        String move = "update household set village_code = :v "
                + "where id = (select household_id from person where id = :p)";
        jdbc.sql(move).param("v", TestFixtures.VILLAGE_B).param("p", a.id()).update();
        try {
            Map<String, Long> moved = records(county);
            assertThat(moved.getOrDefault(TestFixtures.VILLAGE_B + "|exchange.records", 0L)
                            - after.getOrDefault(TestFixtures.VILLAGE_B + "|exchange.records", 0L))
                    .isEqualTo(2);
        } finally {
            jdbc.sql(move).param("v", TestFixtures.VILLAGE_A).param("p", a.id()).update();
        }
        // a village cadre's figures hold their village only
        assertThat(records(cadre).keySet())
                .allMatch(key -> key.startsWith(TestFixtures.VILLAGE_A) || key.startsWith(FigureQuery.NO_GROUP));
    }

    /**
     * The breakdown by category is cached for readers of every language (and computed on another thread): the same
     * cached figures read in Chinese for a Chinese page and in English for an English one (issue 14 item 26).
     */
    @Test
    void categoryBreakdownNamesDepartmentsInTheReadersLanguage() throws Exception {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        Person a = fixtures.household(cadre, TestFixtures.VILLAGE_A).head().orElseThrow();
        BulwarkUser county = fixtures.user(Role.PREFECTURE_ADMIN, TestFixtures.COUNTY);
        upload(
                county,
                "身份证号,姓名,结算日期,就诊类型,医疗总费用,基金支付（基本医保+大病保险+医疗救助）,个人自付费用,政策范围内个人自付\n" + a.idNumber() + "," + a.name()
                        + ",2025-03-05,outpatient,200,100,100,30\n");

        List<String> chinese = categoryRows(county, Locale.CHINA);
        List<String> english = categoryRows(county, Locale.ENGLISH);
        List<String> chineseAgain = categoryRows(county, Locale.CHINA);

        assertThat(chinese).contains("医疗保障局 · 医疗费用结算");
        assertThat(english).contains("Medical Security Bureau · Medical cost settlement");
        assertThat(english).noneMatch(label -> label.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF));
        assertThat(chineseAgain).isEqualTo(chinese);
    }

    private List<String> categoryRows(BulwarkUser user, Locale locale) {
        DashboardView view = fixtures.as(user, () -> dashboard.view(TestFixtures.COUNTY, null, locale));
        return view.sections().stream()
                .filter(s -> s.providerId().equals("exchange"))
                .findFirst()
                .orElseThrow()
                .breakdown()
                .rows()
                .stream()
                .map(FigureTable.Row::label)
                .toList();
    }

    private Map<String, Long> records(BulwarkUser user) {
        String prefix = RegionScope.of(user.regionCode()).prefix();
        FigureQuery query =
                new FigureQuery(RegionScope.of(user.regionCode()), prefix, 12, 2025, LocalDate.of(2025, 12, 31));
        List<FigureValue> values = figures.byRegion(query);
        Map<String, Long> byKey = new HashMap<>();
        values.forEach(v -> byKey.put(v.group() + "|" + v.measureId(), v.value().longValue()));
        return byKey;
    }

    private Batch upload(BulwarkUser user, String csv) throws Exception {
        Path file = Files.createTempFile("figures-", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        try {
            return fixtures.as(
                    user,
                    () -> importer.run(new ImportRequest("medical_settlement", file, "f.csv", FileFormat.CSV, false)));
        } finally {
            Files.delete(file);
        }
    }
}
