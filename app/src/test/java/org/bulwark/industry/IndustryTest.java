package org.bulwark.industry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.audit.AuditLog;
import org.bulwark.core.industry.BenefitKind;
import org.bulwark.core.industry.IndustryFailureCheck;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.bulwark.region.Regions;
import org.bulwark.registry.HouseholdFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * County staff keep projects; registry editors record links for their area's households; a township never sees
 * another township's projects or links; wrong input names each field and saves nothing; the household file shows the
 * links; every change is audited.
 */
@DatabaseTest
class IndustryTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Projects projects;

    @Autowired
    BenefitLinks links;

    @Autowired
    CollectiveIncomes collective;

    @Autowired
    LinksAtRisk atRisk;

    @Autowired
    Regions regions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProjectRepository projectRepository;

    @Autowired
    CurrentUser currentUser;

    @Autowired
    AuditLog auditLog;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    MessageSource messages;

    BulwarkUser county;
    BulwarkUser township;
    BulwarkUser otherTownship;
    String otherVillage;

    /** A year of its own for each test, so that figures of years count only this test's links. */
    int year = ThreadLocalRandom.current().nextInt(2040, 2100);

    @BeforeEach
    void setUp() {
        county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        township = fixtures.user(Role.TOWNSHIP_REVIEWER, TestFixtures.TOWNSHIP);
        otherVillage = regions.villagesUnder("522324001", 1).get(0).code();
        otherTownship = fixtures.user(Role.TOWNSHIP_REVIEWER, otherVillage.substring(0, 9) + "000");
    }

    @Test
    void countyStaffKeepAProjectInChineseWordsAndTheChangeIsAudited() {
        Project project = fixtures.as(county, () -> projects.create(greenhouses(TestFixtures.VILLAGE_A)));
        assertThat(project.kind().name()).isEqualTo("LEADING_ENTERPRISE");
        assertThat(project.assistanceFunds()).isEqualByComparingTo("2000000");
        Project failed = fixtures.as(
                county,
                () -> projects.update(project.id(), withState(greenhouses(TestFixtures.VILLAGE_A), "经营失败", 2026, 0)));
        assertThat(failed.state().name()).isEqualTo("FAILED");
        assertThat(failed.stateYear()).isEqualTo(2026);
        assertThat(audited("industry_project", project.id())).isEqualTo(2);
    }

    @Test
    void aTownshipMayReadButNotKeepProjects() {
        assertThatThrownBy(() -> fixtures.as(township, () -> projects.create(greenhouses(TestFixtures.VILLAGE_A))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aTownshipNeverSeesAnotherTownshipsProjectsOrLinks() throws Exception {
        Project here = fixtures.as(county, () -> projects.create(greenhouses(TestFixtures.VILLAGE_A)));
        Project there = fixtures.as(county, () -> projects.create(greenhouses(otherVillage)));
        HouseholdFile household = fixtures.household(county, TestFixtures.VILLAGE_A);
        BenefitLink link = fixtures.as(township, () -> links.record(link(here.id(), household, "WAGES", "3000")));

        assertThat(fixtures.as(otherTownship, () -> projects.search(null, null, null)))
                .extracting(Project::id)
                .contains(there.id())
                .doesNotContain(here.id());
        assertThatThrownBy(() -> fixtures.as(otherTownship, () -> projects.project(here.id())))
                .isInstanceOf(NotFoundException.class);
        assertThat(fixtures.as(
                        otherTownship,
                        () -> links.ofHousehold(household.household().id())))
                .isEmpty();
        assertThatThrownBy(() -> fixtures.as(otherTownship, () -> links.link(link.id())))
                .isInstanceOf(NotFoundException.class);
        assertThat(fixtures.as(otherTownship, () -> atRisk.of(year))).noneMatch(r -> r.projectId() == here.id());
        mvc.perform(get("/industry/projects/{id}", here.id()).with(user(otherTownship)))
                .andExpect(status().isNotFound());
        mvc.perform(get(
                                "/api/v1/industry/households/{id}/links",
                                household.household().id())
                        .with(httpBasic(otherTownship.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).isEqualTo("[]"));
    }

    @Test
    void aTownshipCannotLinkAnotherTownshipsHouseholdOrItsProject() {
        Project there = fixtures.as(county, () -> projects.create(greenhouses(otherVillage)));
        Project here = fixtures.as(county, () -> projects.create(greenhouses(TestFixtures.VILLAGE_A)));
        HouseholdFile farAway = fixtures.household(county, otherVillage);
        assertThatThrownBy(() -> fixtures.as(township, () -> links.record(link(here.id(), farAway, "WAGES", "1"))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .anyMatch(p -> p.field().equals("householdNumber")
                                        && p.code().equals("household_unknown")));
        HouseholdFile near = fixtures.household(county, TestFixtures.VILLAGE_A);
        assertThatThrownBy(() -> fixtures.as(township, () -> links.record(link(there.id(), near, "WAGES", "1"))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .anyMatch(p -> p.field().equals("projectId")
                                        && p.code().equals("project_unknown")));
    }

    @Test
    void wrongInputNamesEveryFieldAndSavesNothing() {
        long before = jdbc.sql("select count(*) from industry_project")
                .query(Long.class)
                .single();
        ProjectInput wrong = new ProjectInput(
                "大企业", " ", "522324999999", null, "衔接资金", new BigDecimal("-1"), null, null, "FAILED", null, 0);
        assertThatThrownBy(() -> fixtures.as(county, () -> projects.create(wrong)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.field() + ":" + p.code())
                                .contains(
                                        "kind:choice",
                                        "name:required",
                                        "regionCode:region",
                                        "industry:required",
                                        "assistanceFunds:amount_range",
                                        "stateYear:required"));
        assertThat(jdbc.sql("select count(*) from industry_project")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        assertThatThrownBy(() -> fixtures.as(
                        county,
                        () -> collective.record(new CollectiveIncomeInput(TestFixtures.TOWNSHIP, 1999, "x", null))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.field() + ":" + p.code())
                                .containsExactlyInAnyOrder(
                                        "villageCode:not_village",
                                        "year:year_range",
                                        "source:choice",
                                        "amount:required"));
    }

    @Test
    void theProjectPageShowsFieldErrorsAndKeepsWhatWasTyped() throws Exception {
        String page = mvc.perform(post("/industry/projects")
                        .with(user(county))
                        .with(csrf())
                        .param("kind", "LEADING_ENTERPRISE")
                        .param("name", "晴隆县测试蔬菜大棚")
                        .param("regionCode", TestFixtures.VILLAGE_A)
                        .param("industry", "PLANTING")
                        .param("fundingSource", "ASSISTANCE_FUNDS")
                        .param("assistanceFunds", "两百万"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("晴隆县测试蔬菜大棚", "两百万", "不是有效的数字");
        for (String url :
                List.of("/industry/projects", "/industry/projects/new", "/industry/collective", "/industry/at-risk")) {
            mvc.perform(get(url).with(user(county))).andExpect(status().isOk());
        }
    }

    @Test
    void theHouseholdFileShowsItsBenefitLinks() throws Exception {
        Project project = fixtures.as(county, () -> projects.create(greenhouses(TestFixtures.VILLAGE_A)));
        HouseholdFile household = fixtures.household(county, TestFixtures.VILLAGE_A);
        mvc.perform(post("/industry/projects/{id}/links", project.id())
                        .with(user(township))
                        .with(csrf())
                        .param("householdNumber", household.household().householdNumber())
                        .param("kind", "土地流转")
                        .param("year", String.valueOf(year))
                        .param("amount", "1250.50"))
                .andExpect(status().is3xxRedirection());
        String file = mvc.perform(
                        get("/households/{id}", household.household().id()).with(user(township)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(file).contains("联农带农收益", project.name(), "土地流转", "1,250.50");
    }

    @Test
    void aLinkToAFailedProjectOrOneThatPaidNothingIsAtRisk() {
        // a past year: "paid nothing" counts in the current one only from six months into it (IND-02's parameter)
        int year = 2001 + this.year % 20;
        Project failing = fixtures.as(county, () -> projects.create(greenhouses(TestFixtures.VILLAGE_A)));
        Project paying = fixtures.as(county, () -> projects.create(greenhouses(TestFixtures.VILLAGE_A)));
        HouseholdFile a = fixtures.household(county, TestFixtures.VILLAGE_A);
        HouseholdFile b = fixtures.household(county, TestFixtures.VILLAGE_A);
        fixtures.as(county, () -> links.record(linkOfYear(failing.id(), a, "DIVIDEND", "800", year)));
        fixtures.as(county, () -> links.record(linkOfYear(paying.id(), a, "WAGES", "5000", year)));
        // b was paid last year and nothing this year
        fixtures.as(county, () -> links.record(linkOfYear(paying.id(), b, "WAGES", "4000", year - 1)));
        fixtures.as(
                county,
                () -> projects.update(failing.id(), withState(greenhouses(TestFixtures.VILLAGE_A), "FAILED", year, 0)));

        List<LinkAtRisk> found = fixtures.as(county, () -> atRisk.of(year)).stream()
                .filter(r -> r.projectId() == failing.id() || r.projectId() == paying.id())
                .toList();
        assertThat(found)
                .extracting(r -> r.householdId() + ":" + r.reason())
                .containsExactlyInAnyOrder(
                        a.household().id() + ":" + IndustryFailureCheck.Reason.PROJECT_FAILED,
                        b.household().id() + ":" + IndustryFailureCheck.Reason.PAID_TOO_LITTLE);
    }

    @Test
    void aDuplicateLinkIsRefusedAndARemovalIsAudited() {
        Project project = fixtures.as(county, () -> projects.create(greenhouses(TestFixtures.VILLAGE_A)));
        HouseholdFile household = fixtures.household(county, TestFixtures.VILLAGE_A);
        BenefitLink first = fixtures.as(county, () -> links.record(link(project.id(), household, "WAGES", "10")));
        assertThatThrownBy(() -> fixtures.as(county, () -> links.record(link(project.id(), household, "务工", "20"))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems()).anyMatch(p -> p.code().equals("link_exists")));
        fixtures.as(county, () -> {
            links.remove(first.id());
            return null;
        });
        assertThat(audited("benefit_link", first.id())).isEqualTo(2);
    }

    @Test
    void twoUsersRecordingTheSameLinkAtOnceGetAChineseConflictNotAnErrorPage() {
        Project project = fixtures.as(county, () -> projects.create(greenhouses(TestFixtures.VILLAGE_A)));
        HouseholdFile household = fixtures.household(county, TestFixtures.VILLAGE_A);
        // both passed the check for an existing link before either inserted: only the table's key is left to stop it
        BenefitLinks racing = new BenefitLinks(
                new BenefitLinkRepository(jdbc) {
                    @Override
                    boolean exists(long projectId, long householdId, BenefitKind kind, int year) {
                        return false;
                    }
                },
                projectRepository,
                currentUser,
                regions,
                auditLog,
                events);
        fixtures.as(county, () -> racing.record(link(project.id(), household, "WAGES", "10")));

        assertThatThrownBy(() -> fixtures.as(county, () -> racing.record(link(project.id(), household, "WAGES", "20"))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems()).anyMatch(p -> p.code().equals("link_exists")));
        assertThat(messages.getMessage("problem.link_exists", null, Locale.SIMPLIFIED_CHINESE))
                .contains("已存在");
    }

    @Test
    void anUnknownHouseholdIsAChineseFieldErrorOnThePageAndInTheApi() throws Exception {
        Project project = fixtures.as(county, () -> projects.create(greenhouses(TestFixtures.VILLAGE_A)));
        String page = mvc.perform(post("/industry/projects/{id}/links", project.id())
                        .with(user(county))
                        .with(csrf())
                        .param("householdNumber", TestFixtures.VILLAGE_A + "9999")
                        .param("kind", "务工")
                        .param("year", String.valueOf(year))
                        .param("amount", "100"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("本辖区内没有这个户编号");
        mvc.perform(post("/api/v1/industry/links")
                        .with(httpBasic(county.getUsername(), TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"projectId": %d, "householdId": %d, "householdNumber": "%s", "kind": "务工",
                                 "year": %d, "amount": 100}
                                """.formatted(project.id(), Long.MAX_VALUE, TestFixtures.VILLAGE_A + "9999", year)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("householdNumber"));
    }

    @Test
    void theApiRecordsALinkAndRefusesAWrongOneNamingTheField() throws Exception {
        Project project = fixtures.as(county, () -> projects.create(greenhouses(TestFixtures.VILLAGE_A)));
        HouseholdFile household = fixtures.household(county, TestFixtures.VILLAGE_A);
        String body = """
                {"projectId": %d, "householdId": %d, "kind": "订单收购", "year": %d, "amount": 600}
                """.formatted(project.id(), household.household().id(), year);
        mvc.perform(post("/api/v1/industry/links")
                        .with(httpBasic(county.getUsername(), TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/industry/links")
                        .with(httpBasic(county.getUsername(), TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("订单收购", "打赏")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("kind"));
    }

    ProjectInput greenhouses(String region) {
        return new ProjectInput(
                "龙头企业",
                "测试蔬菜大棚" + ThreadLocalRandom.current().nextInt(1_000_000),
                region,
                "种植",
                "衔接资金",
                new BigDecimal("2000000"),
                new BigDecimal("5000000"),
                null,
                null,
                null,
                0);
    }

    static ProjectInput withState(ProjectInput p, String state, Integer stateYear, int version) {
        return new ProjectInput(
                p.kind(),
                p.name(),
                p.regionCode(),
                p.industry(),
                p.fundingSource(),
                p.assistanceFunds(),
                p.investment(),
                p.annualOutput(),
                state,
                stateYear,
                version);
    }

    BenefitLinkInput link(long projectId, HouseholdFile household, String kind, String amount) {
        return linkOfYear(projectId, household, kind, amount, year);
    }

    static BenefitLinkInput linkOfYear(long projectId, HouseholdFile household, String kind, String amount, int year) {
        return new BenefitLinkInput(projectId, household.household().id(), null, kind, year, new BigDecimal(amount));
    }

    long audited(String entity, long id) {
        return jdbc.sql("select count(*) from audit_log where entity_type = :e and entity_id = :i")
                .param("e", entity)
                .param("i", String.valueOf(id))
                .query(Long.class)
                .single();
    }
}
