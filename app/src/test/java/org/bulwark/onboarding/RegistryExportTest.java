package org.bulwark.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.core.identity.Sex;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.income.IncomeInput;
import org.bulwark.income.Incomes;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.registry.PersonInput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A county's registry exported in the import's templates and imported back: nothing new, nothing changed, nothing
 * refused, nothing written — for households with disabled members, students and migrant workers and incomes of two
 * years, in .xlsx and in .csv with BOM; a township exports only its villages.
 */
@DatabaseTest
class RegistryExportTest {

    @Autowired
    RegistryExports exports;

    @Autowired
    RegistryImports imports;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Incomes incomes;

    @Autowired
    Regions regions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @TempDir
    Path dir;

    BulwarkUser county;
    Region village;
    Region elsewhere;
    HouseholdFile family;
    HouseholdFile migrant;

    @BeforeEach
    void setUp() {
        county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        List<Region> inTownship = regions.villagesUnder(TestFixtures.TOWNSHIP.substring(0, 9), 50);
        List<Region> other = regions.villagesUnder("522324102", 50);
        village = inTownship.get(ThreadLocalRandom.current().nextInt(inTownship.size()));
        elsewhere = other.get(ThreadLocalRandom.current().nextInt(other.size()));
        family = fixtures.household(
                county,
                village.code(),
                person(
                        "王二妹",
                        id(45, Sex.FEMALE),
                        "SPOUSE",
                        "CHRONIC_ILLNESS",
                        "GRADE_2",
                        "WEAK",
                        "FARMING",
                        null,
                        null,
                        "NOT_SCHOOL_AGE"),
                person(
                        "张小明",
                        id(12, Sex.MALE),
                        "CHILD",
                        "HEALTHY",
                        "NONE",
                        "NONE",
                        "UNEMPLOYED",
                        null,
                        null,
                        "COMPULSORY"),
                person(
                        "张小红",
                        id(19, Sex.FEMALE),
                        "CHILD",
                        "HEALTHY",
                        "NONE",
                        "ABLE",
                        "UNEMPLOYED",
                        null,
                        null,
                        "HIGHER"));
        migrant = fixtures.household(
                county,
                elsewhere.code(),
                person(
                        "李四",
                        id(30, Sex.MALE),
                        "SIBLING",
                        "HEALTHY",
                        "GRADE_1",
                        "WEAK",
                        "EMPLOYED",
                        "OUT_OF_PROVINCE",
                        10,
                        "NOT_SCHOOL_AGE"),
                person(
                        "李五",
                        id(28, Sex.MALE),
                        "SIBLING",
                        "HEALTHY",
                        "NONE",
                        "ABLE",
                        "EMPLOYED",
                        "IN_COUNTY",
                        6,
                        "NOT_SCHOOL_AGE"));
        fixtures.as(county, () -> {
            incomes.record(family.household().id(), income(2024, "12345.67", "3000", "0", "2400.5", "800"));
            incomes.record(family.household().id(), income(2025, "15000", "2800.25", "120", "2600", "900"));
            return incomes.record(migrant.household().id(), income(2025, "36000", "0", "0", "1200", "0"));
        });
    }

    private static PersonInput person(
            String name,
            String idNumber,
            String relation,
            String health,
            String disability,
            String labour,
            String employment,
            String place,
            Integer months,
            String schooling) {
        return new PersonInput(
                name,
                idNumber,
                relation,
                null,
                null,
                "JUNIOR_SECONDARY",
                health,
                disability,
                labour,
                employment,
                place,
                months,
                schooling,
                true,
                false);
    }

    private static IncomeInput income(
            int year, String wage, String operating, String property, String transfer, String cost) {
        return new IncomeInput(
                year,
                new BigDecimal(wage),
                new BigDecimal(operating),
                new BigDecimal(property),
                new BigDecimal(transfer),
                new BigDecimal(cost));
    }

    private static String id(int yearsOld, Sex sex) {
        return TestFixtures.newIdNumber(LocalDate.of(2025 - yearsOld, 5, 1), sex);
    }

    private Path export(BulwarkUser user, RegistryFileKind kind, String format) throws IOException {
        Path file = dir.resolve(kind.name().toLowerCase() + "-" + user.getUsername() + "." + format);
        try (OutputStream out = Files.newOutputStream(file)) {
            fixtures.as(user, () -> {
                try {
                    return exports.export("522324", kind, RegistryExports.Format.of(format), out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return file;
    }

    private ImportPreview preview(Path file) {
        return fixtures.as(county, () -> {
            try {
                return imports.preview(file, file.getFileName().toString(), "522324", n -> {});
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private long versions() {
        return jdbc.sql("select coalesce(sum(h.version), 0) + (select coalesce(sum(p.version), 0) from person p"
                        + " join household hh on hh.id = p.household_id where hh.village_code like '522324%')"
                        + " from household h where h.village_code like '522324%'")
                .query(Long.class)
                .single();
    }

    private long incomeStamps() {
        return jdbc.sql("select count(*) from household_income where updated_at > now() - interval '1 hour'")
                .query(Long.class)
                .single();
    }

    private void roundTrip(Path members, Path incomesFile) {
        long versions = versions();
        ImportPreview m = preview(members);
        assertThat(m.refused()).isEmpty();
        assertThat(m.counts().householdsNew() + m.counts().householdsChanged()).isZero();
        assertThat(m.counts().personsNew() + m.counts().personsChanged()).isZero();
        assertThat(m.counts().householdsUnchanged()).isGreaterThanOrEqualTo(2);
        assertThat(m.counts().personsUnchanged()).isGreaterThanOrEqualTo(6);
        assertThat(m.storable()).isFalse();
        fixtures.as(county, () -> imports.commit(m.id()));
        assertThat(versions()).isEqualTo(versions);

        long stamps = incomeStamps();
        ImportPreview i = preview(incomesFile);
        assertThat(i.refused()).isEmpty();
        assertThat(i.counts().incomesNew() + i.counts().incomesChanged()).isZero();
        assertThat(i.counts().incomesUnchanged()).isGreaterThanOrEqualTo(3);
        assertThat(i.storable()).isFalse();
        fixtures.as(county, () -> imports.commit(i.id()));
        assertThat(incomeStamps()).isEqualTo(stamps);
    }

    @Test
    void xlsxExportImportedBackChangesNothing() throws IOException {
        Path members = export(county, RegistryFileKind.MEMBERS, "xlsx");
        Path incomesFile = export(county, RegistryFileKind.INCOMES, "xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(members))) {
            Sheet sheet = book.getSheetAt(0);
            Row wife = rowOf(sheet, family.members().get(1).idNumber());
            assertThat(wife.getCell(RegistryFileKind.MEMBERS.template().position("disability"))
                            .getStringCellValue())
                    .isEqualTo("二级");
            assertThat(wife.getCell(0).getStringCellValue())
                    .isEqualTo(family.household().householdNumber());
        }
        roundTrip(members, incomesFile);
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'registry_export'"
                                + " and action = 'EXPORT' and username = :u")
                        .param("u", county.getUsername())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    private static Row rowOf(Sheet sheet, String idNumber) {
        int column = RegistryFileKind.MEMBERS.template().position("id_number");
        for (Row row : sheet) {
            if (row.getCell(column) != null
                    && idNumber.equals(row.getCell(column).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row of " + idNumber);
    }

    @Test
    void csvWithBomImportedBackChangesNothing() throws IOException {
        Path members = export(county, RegistryFileKind.MEMBERS, "csv");
        Path incomesFile = export(county, RegistryFileKind.INCOMES, "csv");
        byte[] bytes = Files.readAllBytes(members);
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        assertThat(bytes[1]).isEqualTo((byte) 0xBB);
        assertThat(bytes[2]).isEqualTo((byte) 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("户编号,村代码,乡镇,村名,户类别");
        assertThat(text).contains(migrant.household().householdNumber() + "," + elsewhere.code());
        assertThat(Files.readString(incomesFile, StandardCharsets.UTF_8))
                .contains(family.household().householdNumber() + ",2024,12345.67,3000,0,2400.5,800");
        roundTrip(members, incomesFile);
    }

    @Test
    void aTownshipExportsOnlyItsVillages() throws IOException {
        BulwarkUser township = fixtures.user(Role.TOWNSHIP_REVIEWER, TestFixtures.TOWNSHIP);
        String text = Files.readString(export(township, RegistryFileKind.MEMBERS, "csv"), StandardCharsets.UTF_8);
        assertThat(text).contains(family.household().householdNumber());
        assertThat(text).doesNotContain(migrant.household().householdNumber());
        int column = RegistryFileKind.MEMBERS.template().position("village_code");
        text.lines()
                .skip(1)
                .forEach(line -> assertThat(line.split(",", -1)[column]).startsWith("522324101"));
        String incomesText =
                Files.readString(export(township, RegistryFileKind.INCOMES, "csv"), StandardCharsets.UTF_8);
        assertThat(incomesText).contains(family.household().householdNumber() + ",2025");
        assertThat(incomesText).doesNotContain(migrant.household().householdNumber());
    }

    @Test
    void aUserWhoMayNotRevealIdentityNumbersExportsNothing() {
        BulwarkUser admin = fixtures.user(Role.PREFECTURE_ADMIN, "522300000000");
        assertThatThrownBy(() -> export(admin, RegistryFileKind.MEMBERS, "csv"))
                .isInstanceOf(AccessDeniedException.class);
        BulwarkUser leader = fixtures.user(Role.LEADER, TestFixtures.COUNTY);
        assertThatThrownBy(() -> export(leader, RegistryFileKind.MEMBERS, "csv"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aFileWithHealthWithheldIsRefusedNotStoredAsBlank() throws IOException {
        // what a user without READ_SENSITIVE_DATA gets: the marker in health and disability, which the import refuses
        Path members = export(county, RegistryFileKind.MEMBERS, "csv");
        int health = RegistryFileKind.MEMBERS.template().position("health");
        int disability = RegistryFileKind.MEMBERS.template().position("disability");
        List<String> lines = Files.readAllLines(members, StandardCharsets.UTF_8);
        StringBuilder withheld = new StringBuilder(lines.get(0)).append("\r\n");
        lines.stream()
                .skip(1)
                .filter(l -> l.startsWith(family.household().householdNumber()))
                .forEach(l -> {
                    String[] cells = l.split(",", -1);
                    cells[health] = RegistryExports.WITHHELD;
                    cells[disability] = RegistryExports.WITHHELD;
                    withheld.append(String.join(",", cells)).append("\r\n");
                });
        Path file = dir.resolve("withheld.csv");
        Files.writeString(file, withheld.toString(), StandardCharsets.UTF_8);
        long versions = versions();
        ImportPreview p = preview(file);
        // each of the household's four rows refused (health and disability each named), the household not stored
        assertThat(p.refused().stream().map(RowRefusal::row).distinct()).hasSize(4);
        assertThat(p.refused())
                .allMatch(r -> r.column().equals("健康状况") || r.column().equals("残疾等级"));
        assertThat(p.counts().householdsRefused()).isEqualTo(1);
        assertThat(p.storable()).isFalse();
        fixtures.as(county, () -> imports.commit(p.id()));
        assertThat(versions()).isEqualTo(versions);
        assertThat(RegistryExports.notes(RegistryFileKind.MEMBERS, false)).contains("不能再导入");
    }

    @Test
    void thePageOffersTheExportAndThePageAndApiDownloadIt() throws Exception {
        String page = mvc.perform(get("/registry-imports").with(user(county)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("导出本辖区户籍").contains("/registry-imports/export/members.xlsx?county=522324");

        var csv = mvc.perform(get("/registry-imports/export/members.csv")
                        .param("county", "522324")
                        .with(user(county)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(csv.getHeader("Content-Disposition")).contains("filename*=UTF-8''");
        byte[] bytes = csv.getContentAsByteArray();
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .contains(family.household().householdNumber());

        byte[] xlsx = mvc.perform(get("/api/v1/registry-imports/export/incomes.xlsx")
                        .param("county", "522324")
                        .with(user(county)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(1).getStringCellValue())
                    .isEqualTo("年度");
        }
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'registry_export'"
                                + " and summary_key = 'registryExported' and username = :u")
                        .param("u", county.getUsername())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        BulwarkUser township = fixtures.user(Role.TOWNSHIP_REVIEWER, TestFixtures.TOWNSHIP);
        mvc.perform(get("/api/v1/registry-imports/export/members.csv")
                        .param("county", "522325")
                        .with(user(township)))
                .andExpect(status().is4xxClientError());
    }
}
