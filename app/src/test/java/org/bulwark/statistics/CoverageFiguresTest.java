package org.bulwark.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.core.identity.Sex;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.registry.PersonInput;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Insurance coverage: the figures count the members of formerly-poor and monitored households only, as the programme
 * reports them, and every count lists the households behind it. (Their employment is the labour registry's,
 * counted by the employment module: EmploymentFiguresTest.)
 */
@DatabaseTest
class CoverageFiguresTest {

    @Autowired
    Dashboard dashboard;

    @Autowired
    HouseholdsBehind householdsBehind;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    private static PersonInput member(
            String labour,
            String employment,
            String place,
            LocalDate born,
            String schooling,
            boolean medical,
            boolean pension) {
        return new PersonInput(
                "成员",
                TestFixtures.newIdNumber(born, Sex.FEMALE),
                "CHILD",
                null,
                null,
                "PRIMARY",
                "HEALTHY",
                "NONE",
                labour,
                employment,
                place,
                place == null ? 0 : 10,
                schooling,
                medical,
                pension);
    }

    private HouseholdFile household(BulwarkUser cadre, String category, PersonInput... members) {
        HouseholdFile file = fixtures.household(cadre, TestFixtures.VILLAGE_B, members);
        jdbc.sql("update household set category = ? where id = ?")
                .param(category)
                .param(file.household().id())
                .update();
        return file;
    }

    /** One person of the village's formerly-poor and monitored households, as stored. */
    private record Member(
            String labour,
            String employment,
            String place,
            LocalDate born,
            String schooling,
            boolean medical,
            boolean pension) {}

    @Test
    void countsFollowTheProgrammesDefinitionsAndListTheirHouseholds() {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_B);
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        LocalDate adult = LocalDate.of(1985, 3, 1);
        household(
                cadre,
                "FORMERLY_POOR",
                member("ABLE", "EMPLOYED", "OUT_OF_PROVINCE", adult, "NOT_SCHOOL_AGE", true, true),
                member("WEAK", "UNEMPLOYED", null, adult, "NOT_SCHOOL_AGE", false, false),
                member(
                        "NOT_WORKING_AGE",
                        "NOT_IN_LABOUR_FORCE",
                        null,
                        LocalDate.now().minusYears(12),
                        "COMPULSORY",
                        true,
                        false));
        household(
                cadre,
                "MONITORED",
                member("ABLE", "SELF_EMPLOYED", "IN_COUNTY", adult, "NOT_SCHOOL_AGE", true, false),
                member("ABLE", "FARMING", null, LocalDate.now().minusYears(17), "SENIOR_SECONDARY", true, false));
        // an ordinary household is not counted, however it stands
        household(cadre, "ORDINARY", member("ABLE", "UNEMPLOYED", null, adult, "NOT_SCHOOL_AGE", false, false));

        List<Member> members = jdbc.sql("""
                select p.labour_capacity, p.employment, p.employment_place, p.birth_date, p.schooling,
                       p.medical_insured, p.pension_insured
                from person p join household h on h.id = p.household_id
                where h.village_code like ? and h.category <> 'ORDINARY'
                """)
                .param(TestFixtures.COUNTY.substring(0, 6) + "%")
                .query((rs, n) -> new Member(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getString(5),
                        rs.getBoolean(6),
                        rs.getBoolean(7)))
                .list();
        long uninsured = members.stream().filter(m -> !m.medical()).count();
        LocalDate sixteen = LocalDate.now().minusYears(16);
        long eligible = members.stream()
                .filter(m -> !m.born().isAfter(sixteen)
                        && !List.of("PRESCHOOL", "COMPULSORY", "SENIOR_SECONDARY", "VOCATIONAL", "HIGHER")
                                .contains(m.schooling()))
                .count();
        long pensionUninsured = members.stream()
                .filter(m -> !m.born().isAfter(sixteen)
                        && !m.pension()
                        && !List.of("PRESCHOOL", "COMPULSORY", "SENIOR_SECONDARY", "VOCATIONAL", "HIGHER")
                                .contains(m.schooling()))
                .count();

        // the county's totals: never suppressed (a village's own view would hide these few households' figures)
        DashboardView view = fixtures.as(county, () -> dashboard.view(TestFixtures.COUNTY, null, Locale.CHINA));
        FigureTable coverage = view.table("coverage");
        assertThat(value(coverage, "coverage.persons")).isEqualTo(members.size());
        assertThat(value(coverage, "coverage.medicalUninsured")).isEqualTo(uninsured);
        assertThat(value(coverage, "coverage.pensionEligible")).isEqualTo(eligible);
        assertThat(value(coverage, "coverage.pensionUninsured")).isEqualTo(pensionUninsured);

        // the households behind each count: as many as the county sees, each one counted
        for (String measure : List.of("coverage.medicalUninsured", "coverage.pensionUninsured")) {
            List<HouseholdsBehind.Listed> listed = new ArrayList<>();
            fixtures.as(county, () -> householdsBehind.export(measure, TestFixtures.COUNTY, null, null, listed::add));
            assertThat(listed).as(measure).isNotEmpty();
            assertThat(listed)
                    .as(measure + ": no ordinary household")
                    .allSatisfy(l -> assertThat(l.category().name()).isNotEqualTo("ORDINARY"));
        }
    }

    private static FigureTable.Cell cell(FigureTable table, String measure) {
        return table.total().cells().stream()
                .filter(c -> c.measure().id().equals(measure))
                .findFirst()
                .orElseThrow();
    }

    /** The county total; a hidden figure would make the test read nothing. */
    private static long value(FigureTable table, String measure) {
        FigureTable.Cell cell = cell(table, measure);
        if (cell.suppressed()) {
            throw new AssertionError(measure + " is suppressed: the fixture needs three households or more");
        }
        return cell.value().longValue();
    }
}
