package org.bulwark.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.Role;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.statistics.Breakdown;
import org.bulwark.statistics.FigureQuery;
import org.bulwark.statistics.FigureValue;
import org.bulwark.statistics.HouseholdsBehind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The employment figures on a small case computed by hand, in a village of the county nobody else's data is in:
 *
 * <ul>
 *   <li>a formerly-poor household: A (30, able) in the village's workshop for 2,000 a month since 40 days ago; B (40,
 *       weak) with an employer outside the province for 5,000 since 380 days ago; C (70) is no labourer;
 *   <li>a monitored household: D (25) hired today through a referral to the workshop's posting at 2,400; E (35) out
 *       of work, referred twice — refused by the workshop, proposed to a factory;
 *   <li>an ordinary household's member, no labourer.
 * </ul>
 *
 * So today 4 labourers, 3 in work (2 in the county, 1 outside the province), 1 out of work, 75.0%; wages 9,400, on
 * average 3,133; a month ago A and B were in work (+50.0%), a year ago B alone (+200.0%).
 */
@DatabaseTest
class EmploymentFiguresTest {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    EmploymentFixtures households;

    @Autowired
    Labourers labourers;

    @Autowired
    Employers employers;

    @Autowired
    Postings postings;

    @Autowired
    Referrals referrals;

    @Autowired
    LabourFigures labour;

    @Autowired
    JobFigures jobs;

    @Autowired
    HouseholdsBehind behind;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void countsLabourersInWorkByPlaceFormAndTimeWithWagesWorkshopsAndReferrals() throws Exception {
        String village = freshVillage();
        BulwarkUser office = fixtures.user(Role.EMPLOYMENT_OFFICER, TestFixtures.COUNTY);
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, village);
        Employer workshop = fixtures.as(office, () -> employers.create(EmployersAndPostingsTest.workshop(village)));
        Employer factory = fixtures.as(
                office,
                () -> employers.create(new EmployerInput(
                        "ENTERPRISE", "测试工厂", EmployersAndPostingsTest.creditCode(), village, null, null, true, 0)));
        HouseholdFile poor = households.household(
                cadre,
                village,
                "FORMERLY_POOR",
                List.of(
                        households.member(30, false, "ABLE", "HEAD"),
                        households.member(40, false, "WEAK", "SPOUSE"),
                        households.member(70, false, "ABLE", "PARENT")));
        HouseholdFile monitored = households.household(
                cadre,
                village,
                "MONITORED",
                List.of(households.member(25, false, "ABLE", "HEAD"), households.member(35, false, "ABLE", "CHILD")));
        households.household(cadre, village, "ORDINARY", List.of(households.member(30, false, "ABLE", "HEAD")));
        long a = member(poor, "HEAD");
        long b = member(poor, "SPOUSE");
        long d = member(monitored, "HEAD");
        long e = member(monitored, "CHILD");
        // the registry derived them today; their history starts 400 days ago
        backdate("change = 'ADDED' and person_id in (" + a + "," + b + "," + d + "," + e + ")", 400);
        work(cadre, a, "IN_COUNTY", "WORKSHOP", workshop.id(), 2000);
        backdate("change = 'CHANGED' and person_id = " + a, 40);
        work(cadre, b, "OUT_OF_PROVINCE", "EMPLOYER", null, 5000);
        backdate("change = 'CHANGED' and person_id = " + b, 380);
        Posting atWorkshop = posting(office, workshop, village, 2400, 2);
        Posting atFactory = posting(office, factory, village, 3000, 3);
        Referral hired = fixtures.as(cadre, () -> referrals.propose(d, atWorkshop.id()));
        fixtures.as(cadre, () -> referrals.move(hired.id(), new ReferralMove("HIRED", null, hired.version())));
        Referral refused = fixtures.as(cadre, () -> referrals.propose(e, atWorkshop.id()));
        fixtures.as(cadre, () -> referrals.move(refused.id(), new ReferralMove("REFUSED", "路远", refused.version())));
        fixtures.as(cadre, () -> referrals.propose(e, atFactory.id()));

        FigureQuery query = new FigureQuery(
                RegionScope.of(TestFixtures.COUNTY), village.substring(0, 9), 12, 2025, LocalDate.now());
        Map<String, BigDecimal> ofVillage = of(labour.byRegion(query), village);
        assertThat(ofVillage.get(LabourFigures.LABOURERS)).isEqualByComparingTo("4");
        assertThat(ofVillage.get(LabourFigures.EMPLOYED)).isEqualByComparingTo("3");
        assertThat(ofVillage.get(LabourFigures.IN_COUNTY)).isEqualByComparingTo("2");
        assertThat(ofVillage.get(LabourFigures.IN_PROVINCE)).isEqualByComparingTo("0");
        assertThat(ofVillage.get(LabourFigures.AWAY)).isEqualByComparingTo("1");
        assertThat(ofVillage.get(LabourFigures.NOT_EMPLOYED)).isEqualByComparingTo("1");
        assertThat(ofVillage.get(LabourFigures.RATE)).isEqualByComparingTo("75.0");
        assertThat(ofVillage.get(LabourFigures.WAGES)).isEqualByComparingTo("9400");
        assertThat(ofVillage.get(LabourFigures.AVERAGE_WAGE)).isEqualByComparingTo("3133");
        assertThat(ofVillage.get(LabourFigures.MONTH_AGO)).isEqualByComparingTo("2");
        assertThat(ofVillage.get(LabourFigures.MONTH_GROWTH)).isEqualByComparingTo("50.0");
        assertThat(ofVillage.get(LabourFigures.YEAR_AGO)).isEqualByComparingTo("1");
        assertThat(ofVillage.get(LabourFigures.YEAR_GROWTH)).isEqualByComparingTo("200.0");
        // each figure rests on its own households: the one outside the province is one household's
        assertThat(households(labour.byRegion(query), village, LabourFigures.AWAY))
                .isEqualTo(1);
        assertThat(households(labour.byRegion(query), village, LabourFigures.EMPLOYED))
                .isEqualTo(2);

        Breakdown byMode = labour.breakdown(query).orElseThrow();
        // the breakdown is of the whole township: only this village's labourers are compared, through its own ids
        Map<String, BigDecimal> workshopRow = of(byMode.values(), "WORKSHOP");
        assertThat(byMode.keys()).extracting(Breakdown.Row::key).contains("WORKSHOP", "PUBLIC_WELFARE", "NONE");
        FigureQuery ofVillageOnly =
                new FigureQuery(RegionScope.of(TestFixtures.COUNTY), village, 12, 2025, LocalDate.now());
        Map<String, BigDecimal> workshops =
                of(labour.breakdown(ofVillageOnly).orElseThrow().values(), "WORKSHOP");
        assertThat(workshops.get(LabourFigures.EMPLOYED)).isEqualByComparingTo("2");
        assertThat(workshops.get(LabourFigures.WAGES)).isEqualByComparingTo("4400");
        assertThat(workshops.get(LabourFigures.MONTH_AGO)).isEqualByComparingTo("1");
        Map<String, BigDecimal> employer =
                of(labour.breakdown(ofVillageOnly).orElseThrow().values(), "EMPLOYER");
        assertThat(employer.get(LabourFigures.AWAY)).isEqualByComparingTo("1");
        assertThat(employer.get(LabourFigures.YEAR_AGO)).isEqualByComparingTo("1");
        assertThat(workshopRow.get(LabourFigures.EMPLOYED)).isGreaterThanOrEqualTo(new BigDecimal("2"));

        Map<String, BigDecimal> jobsOfVillage = of(jobs.byRegion(query), village);
        assertThat(jobsOfVillage.get(JobFigures.EMPLOYERS)).isEqualByComparingTo("2");
        assertThat(jobsOfVillage.get(JobFigures.WORKSHOPS)).isEqualByComparingTo("1");
        assertThat(jobsOfVillage.get(JobFigures.WORKSHOP_LABOURERS)).isEqualByComparingTo("2");
        assertThat(jobsOfVillage.get(JobFigures.POSTINGS)).isEqualByComparingTo("2");
        assertThat(jobsOfVillage.get(JobFigures.OPENINGS)).isEqualByComparingTo("4");
        assertThat(jobsOfVillage.get(JobFigures.REFERRALS)).isEqualByComparingTo("3");
        assertThat(jobsOfVillage.get(JobFigures.HIRED)).isEqualByComparingTo("1");
        Map<String, BigDecimal> byState = jobs.breakdown(ofVillageOnly).orElseThrow().values().stream()
                .collect(Collectors.toMap(FigureValue::group, FigureValue::value));
        assertThat(byState).containsOnlyKeys("HIRED", "REFUSED", "PROPOSED");

        // the households behind a figure: the one working outside the province, the one hired through a referral
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        assertThat(listed(county, LabourFigures.AWAY, village, null))
                .containsExactly(poor.household().id());
        assertThat(listed(county, LabourFigures.EMPLOYED, village, "WORKSHOP"))
                .containsExactlyInAnyOrder(
                        poor.household().id(), monitored.household().id());
        assertThat(listed(county, JobFigures.HIRED, village, null))
                .containsExactly(monitored.household().id());

        // each table downloads as Excel with its Chinese headers, as the other sections' do
        for (String[] table : new String[][] {
            {"labour", "脱贫劳动力（含监测对象）"}, {"labour.byMode", "务工就业"}, {"jobs", "用工主体"}, {"jobs.byState", "推荐"}
        }) {
            byte[] xlsx = mvc.perform(get("/dashboard/export")
                            .param("region", village.substring(0, 9))
                            .param("table", table[0])
                            .with(user(county)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray();
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                assertThat(book.getSheetAt(0).getRow(1).getCell(1).getStringCellValue())
                        .as(table[0])
                        .isEqualTo(table[1]);
            }
        }
    }

    private static long member(HouseholdFile file, String relation) {
        return file.members().stream()
                .filter(p -> p.relation().name().equals(relation))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private List<Long> listed(BulwarkUser user, String measure, String region, String key) {
        List<Long> ids = new ArrayList<>();
        fixtures.as(user, () -> behind.export(measure, region, key, null, l -> ids.add(l.id())));
        return ids;
    }

    /** A village of the county without households, employers or referrals of anyone else's. */
    private String freshVillage() {
        return jdbc.sql("""
                select r.code from region r
                where r.level = 'VILLAGE' and r.code like '522324%' and r.code not like '522324101%'
                  and r.code not like '522324001%'
                  and not exists (select 1 from household h where h.village_code = r.code)
                  and not exists (select 1 from employer e where e.region_code = r.code)
                  and not exists (select 1 from labourer_history l where l.village_code = r.code)
                order by random() limit 1
                """).query(String.class).single();
    }

    private void backdate(String condition, int days) {
        jdbc.sql("update labourer_history set changed_at = now() - make_interval(days => :d) where " + condition)
                .param("d", days)
                .update();
    }

    private void work(BulwarkUser cadre, long person, String place, String mode, Long employer, int wage) {
        Labourer l = fixtures.as(cadre, () -> labourers.labourer(person)).labourer();
        fixtures.as(
                cadre,
                () -> labourers.update(
                        person,
                        new LabourerInput(
                                true,
                                place,
                                mode,
                                employer,
                                LocalDate.now().minusDays(40),
                                null,
                                new BigDecimal(wage),
                                List.of(),
                                null,
                                "PROVINCE",
                                List.of(),
                                null,
                                "VISIT",
                                l.version())));
    }

    private Posting posting(BulwarkUser office, Employer employer, String village, int wage, int openings) {
        return fixtures.as(
                office,
                () -> postings.create(new PostingInput(
                        employer.id(),
                        "测试岗位" + wage,
                        village,
                        "MANUFACTURING",
                        List.of(),
                        new BigDecimal(wage),
                        40,
                        openings,
                        LocalDate.now().minusDays(3),
                        null,
                        null,
                        0)));
    }

    private static Map<String, BigDecimal> of(List<FigureValue> values, String group) {
        Map<String, BigDecimal> of = new java.util.HashMap<>();
        values.stream().filter(v -> v.group().equals(group)).forEach(v -> of.put(v.measureId(), v.value()));
        return of;
    }

    private static long households(List<FigureValue> values, String group, String measure) {
        return values.stream()
                .filter(v -> v.group().equals(group) && v.measureId().equals(measure))
                .findFirst()
                .orElseThrow()
                .households();
    }
}
