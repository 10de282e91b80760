package org.bulwark.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.core.employment.Reach;
import org.bulwark.core.employment.WorkMode;
import org.bulwark.core.registry.EmploymentPlace;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.ConflictException;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.bulwark.platform.worklist.WorkItem;
import org.bulwark.registry.HouseholdFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Matching in the application is explained, ranked and the same each time; it never shows a labourer outside the
 * user's region; a referral moves only forward and a hire updates the labourer and the posting; a labourer who lost
 * work lately is on the worklist.
 */
@DatabaseTest
class MatchingAndReferralsTest {

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
    JobMatches matches;

    @Autowired
    MatchWords words;

    @Autowired
    Referrals referrals;

    @Autowired
    LostWork lostWork;

    @Autowired
    EmploymentWorklist worklist;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    BulwarkUser office;
    BulwarkUser cadreA;
    Employer workshop;

    @BeforeEach
    void setUp() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        office = fixtures.user(Role.EMPLOYMENT_OFFICER, TestFixtures.COUNTY);
        cadreA = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        workshop =
                fixtures.as(office, () -> employers.create(EmployersAndPostingsTest.workshop(TestFixtures.VILLAGE_A)));
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aLabourersMatchesAreRankedExplainedInChineseAndTheSameEachTime() {
        long person = driver(TestFixtures.VILLAGE_A, "TOWNSHIP");
        Posting withSkill = posting(TestFixtures.VILLAGE_A, "LOGISTICS", List.of("DRIVER"), 3000, 5);
        Posting noSkill = posting(TestFixtures.VILLAGE_A, "LOGISTICS", List.of(), 3000, 5);
        Posting inTown = posting(TestFixtures.TOWNSHIP, "LOGISTICS", List.of(), 5000, 5);
        Posting belowWish = posting(TestFixtures.VILLAGE_A, "LOGISTICS", List.of(), 1500, 5);
        Posting notWished = posting(TestFixtures.VILLAGE_A, "MANUFACTURING", List.of(), 4000, 5);
        Posting skillMissing = posting(TestFixtures.VILLAGE_A, "LOGISTICS", List.of("WELDER"), 4000, 5);
        Posting inCounty = posting(TestFixtures.COUNTY, "LOGISTICS", List.of(), 6000, 5);
        Set<Long> mine = Set.of(
                withSkill.id(),
                noSkill.id(),
                inTown.id(),
                belowWish.id(),
                notWished.id(),
                skillMissing.id(),
                inCounty.id());

        List<PostingMatch> found = fixtures.as(cadreA, () -> matches.forLabourer(person));
        assertThat(found.stream().map(m -> m.posting().id()).filter(mine::contains))
                .containsExactly(withSkill.id(), noSkill.id(), inTown.id());
        assertThat(fixtures.as(cadreA, () -> matches.forLabourer(person))).isEqualTo(found);
        PostingMatch best = found.stream()
                .filter(m -> m.posting().id() == withSkill.id())
                .findFirst()
                .orElseThrow();
        assertThat(best.reach()).isEqualTo(Reach.VILLAGE);
        assertThat(words.sentences(best.reasons(), Locale.SIMPLIFIED_CHINESE))
                .containsExactly("在本村，在意向地域内", "意向工种：物流运输", "月薪 3,000 元，达到期望 2,000 元", "用到技能：驾驶员");

        List<LabourerMatch> forPosting = fixtures.as(office, () -> matches.forPosting(withSkill.id()));
        assertThat(forPosting).anyMatch(m -> m.labourer().labourer().personId() == person);
    }

    @Test
    void aLabourerOfAnotherTownshipIsNeverShownToAVillageOrTownshipUser() {
        String otherVillage = jdbc.sql("select min(code) from region where code like :t and code not like '%000'")
                .param("t", EmployersAndPostingsTest.OTHER_TOWNSHIP.substring(0, 9) + "%")
                .query(String.class)
                .single();
        long stranger = driver(otherVillage, "COUNTY");
        Posting inTown = posting(TestFixtures.TOWNSHIP, "LOGISTICS", List.of("DRIVER"), 3500, 5);
        BulwarkUser township = fixtures.user(Role.TOWNSHIP_REVIEWER, TestFixtures.TOWNSHIP);

        assertThatThrownBy(() -> fixtures.as(cadreA, () -> matches.forLabourer(stranger)))
                .isInstanceOf(NotFoundException.class);
        assertThat(fixtures.as(township, () -> matches.forPosting(inTown.id())))
                .noneMatch(m -> m.labourer().labourer().personId() == stranger);
        assertThat(fixtures.as(office, () -> matches.forPosting(inTown.id())))
                .anyMatch(m -> m.labourer().labourer().personId() == stranger);
        assertThatThrownBy(() -> fixtures.as(cadreA, () -> referrals.propose(stranger, inTown.id())))
                .isInstanceOf(NotFoundException.class);
    }

    @Autowired
    org.bulwark.registry.Registry registry;

    @Autowired
    LabourRegistryRefresh refresh;

    /** A referral is read where its labourer lives now: the old village loses it, the new one finds it. */
    @Test
    void aReferralMovesWithItsHouseholdToItsNewVillage() {
        long person = driver(TestFixtures.VILLAGE_A, "TOWNSHIP");
        Posting posting = posting(TestFixtures.TOWNSHIP, "LOGISTICS", List.of("DRIVER"), 3300, 5);
        Referral referral = fixtures.as(cadreA, () -> referrals.propose(person, posting.id()));
        BulwarkUser township = fixtures.user(Role.TOWNSHIP_REVIEWER, TestFixtures.TOWNSHIP);
        fixtures.as(township, () -> {
            var household = registry.fileToEdit(referral.householdId()).household();
            registry.update(
                    household.id(),
                    household.version(),
                    new org.bulwark.registry.HouseholdInput(
                            TestFixtures.VILLAGE_B,
                            household.category().name(),
                            household.address(),
                            household.phone()));
            return null;
        });
        // what the registry's durable listener does after the commit
        refresh.households(List.of(referral.householdId()), "test");

        BulwarkUser cadreB = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_B);
        assertThatThrownBy(() -> fixtures.as(cadreA, () -> referrals.referral(referral.id())))
                .isInstanceOf(NotFoundException.class);
        assertThat(fixtures.as(cadreB, () -> referrals.referral(referral.id())).personId())
                .isEqualTo(person);
    }

    /** A labourer may not be recorded as working for an employer outside the editor's region. */
    @Test
    void anEmployerOfAnotherTownshipIsNotFoundForALabourer() {
        long person = driver(TestFixtures.VILLAGE_A, "TOWNSHIP");
        String otherVillage = jdbc.sql("select min(code) from region where code like :t and code not like '%000'")
                .param("t", EmployersAndPostingsTest.OTHER_TOWNSHIP.substring(0, 9) + "%")
                .query(String.class)
                .single();
        Employer elsewhere =
                fixtures.as(office, () -> employers.create(EmployersAndPostingsTest.workshop(otherVillage)));
        var l = fixtures.as(cadreA, () -> labourers.labourer(person)).labourer();
        LabourerInput working = new LabourerInput(
                true,
                "IN_COUNTY",
                "WORKSHOP",
                elsewhere.id(),
                null,
                null,
                null,
                List.of("DRIVER"),
                null,
                "TOWNSHIP",
                List.of("LOGISTICS"),
                new BigDecimal("2000"),
                "VISIT",
                l.version());
        assertThatThrownBy(() -> fixtures.as(cadreA, () -> labourers.update(person, working)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.code()).contains("employer_unknown"));
    }

    @Test
    void aReferralMovesOnlyForwardAndAnIllegalMoveIsRefusedInChinese() {
        long person = driver(TestFixtures.VILLAGE_A, "TOWNSHIP");
        Posting posting = posting(TestFixtures.VILLAGE_A, "LOGISTICS", List.of(), 3200, 5);
        Referral proposed = fixtures.as(cadreA, () -> referrals.propose(person, posting.id()));
        assertThat(proposed.state()).isEqualTo(ReferralState.PROPOSED);
        assertThatThrownBy(() -> fixtures.as(cadreA, () -> referrals.propose(person, posting.id())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("已推荐到这个岗位");

        Referral contacted = move(proposed, "CONTACTED", null);
        assertThat(contacted.state()).isEqualTo(ReferralState.CONTACTED);
        assertThatThrownBy(() -> move(contacted, "PROPOSED", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("推荐状态不能从“已联系”改为“已推荐”");
        assertThatThrownBy(() -> move(contacted, "REFUSED", " "))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("须填写原因");
        assertThatThrownBy(() -> move(proposed, "INTERVIEWED", null)).isInstanceOf(ConflictException.class);

        Referral refused = move(contacted, "未成功", "工作时间与照顾老人冲突");
        assertThat(refused.refusalReason()).isEqualTo("工作时间与照顾老人冲突");
        assertThatThrownBy(() -> move(refused, "HIRED", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("不能从“未成功”改为“已录用”");
        assertThat(fixtures.as(cadreA, () -> referrals.history(proposed.id())))
                .extracting(ReferralChange::state)
                .containsExactly(ReferralState.REFUSED, ReferralState.CONTACTED, ReferralState.PROPOSED);
        assertThat(audited("referral", proposed.id())).isEqualTo(3);
        // after a refusal the same posting may be proposed again
        assertThat(fixtures.as(cadreA, () -> referrals.propose(person, posting.id()))
                        .state())
                .isEqualTo(ReferralState.PROPOSED);
    }

    @Test
    void aHireUpdatesTheLabourerWithHistoryAndTakesTheLastOpeningClosingThePosting() {
        long person = driver(TestFixtures.VILLAGE_A, "TOWNSHIP");
        Posting posting = posting(TestFixtures.TOWNSHIP, "LOGISTICS", List.of("DRIVER"), 3600, 1);
        Referral proposed = fixtures.as(cadreA, () -> referrals.propose(person, posting.id()));

        Referral hired = move(proposed, "HIRED", null);

        assertThat(hired.state()).isEqualTo(ReferralState.HIRED);
        Labourer l = fixtures.as(cadreA, () -> labourers.labourer(person)).labourer();
        assertThat(l.inWork()).isTrue();
        assertThat(l.employerId()).isEqualTo(workshop.id());
        assertThat(l.workMode()).isEqualTo(WorkMode.WORKSHOP);
        assertThat(l.place()).isEqualTo(EmploymentPlace.IN_COUNTY);
        assertThat(l.monthlyWage()).isEqualByComparingTo("3600");
        assertThat(l.source()).isEqualTo(LabourSource.VISIT);
        assertThat(fixtures.as(cadreA, () -> labourers.history(person))
                        .get(0)
                        .state()
                        .inWork())
                .isTrue();
        Posting after = fixtures.as(office, () -> postings.posting(posting.id()));
        assertThat(after.openings()).isZero();
        assertThat(after.state()).isEqualTo(Posting.State.CLOSED);
        assertThat(fixtures.as(cadreA, () -> matches.forLabourer(person)))
                .noneMatch(m -> m.posting().id() == posting.id());
    }

    @Test
    void aLabourerWhoLostWorkLatelyIsOnTheVillagesWorklistButNotOnAnotherVillages() {
        long person = driver(TestFixtures.VILLAGE_A, "TOWNSHIP");
        record(person, true);
        record(person, false);

        assertThat(fixtures.as(cadreA, () -> lostWork.lately()))
                .anyMatch(x -> x.labourer().labourer().personId() == person
                        && x.lostOn().equals(LocalDate.now()));
        WorkItem item = fixtures.as(cadreA, () -> worklist.workItems()).get(0);
        assertThat(item.key()).isEqualTo("work.lostWork");
        assertThat(item.count()).isPositive();
        BulwarkUser cadreB = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_B);
        assertThat(fixtures.as(cadreB, () -> lostWork.lately()))
                .noneMatch(x -> x.labourer().labourer().personId() == person);
    }

    @Test
    void theLabourerPageShowsMatchesWithReasonsAndRecordsAReferral() throws Exception {
        long person = driver(TestFixtures.VILLAGE_A, "TOWNSHIP");
        Posting posting = posting(TestFixtures.VILLAGE_A, "LOGISTICS", List.of("DRIVER"), 3100, 5);
        String page = mvc.perform(get("/employment/labourers/{id}", person).with(user(cadreA)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // the matches' own section, not the page: the form's employer choices name the workshop too
        String matched = page.substring(page.indexOf("id=\"posting-matches\""));
        matched = matched.substring(0, matched.indexOf("id=\"referrals\""));
        assertThat(matched).contains("匹配岗位", posting.title(), "月薪 3,100 元，达到期望 2,000 元", "保家村帮扶车间");

        mvc.perform(post("/employment/referrals")
                        .with(user(cadreA))
                        .with(csrf())
                        .param("personId", Long.toString(person))
                        .param("postingId", Long.toString(posting.id()))
                        .param("back", "/employment/labourers/" + person))
                .andExpect(status().is3xxRedirection());
        assertThat(fixtures.as(cadreA, () -> referrals.search(person, null, null, null)))
                .extracting(Referral::postingId)
                .containsExactly(posting.id());
        String after = mvc.perform(get("/employment/labourers/{id}", person).with(user(cadreA)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(after).contains("referral-card", "状态记录", "已推荐");
        String api = mvc.perform(
                        get("/api/v1/employment/labourers/{id}/matches", person).with(user(cadreA)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(api).contains("\"kind\":\"SKILLS_USED\"");
    }

    @Test
    void theHouseholdsCaseworkPageShowsItsReferrals() throws Exception {
        long person = driver(TestFixtures.VILLAGE_A, "TOWNSHIP");
        Posting posting = posting(TestFixtures.VILLAGE_A, "LOGISTICS", List.of(), 3400, 5);
        Referral referral = fixtures.as(cadreA, () -> referrals.propose(person, posting.id()));

        String page = mvc.perform(
                        get("/households/{id}/casework", referral.householdId()).with(user(cadreA)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("household-referrals", posting.title(), "已推荐");
    }

    @Test
    void anUnemploymentWarningShowsThePostingsThatFitTheHouseholdsLabourersOutOfWork() throws Exception {
        long person = driver(TestFixtures.VILLAGE_A, "TOWNSHIP");
        Posting posting = posting(TestFixtures.VILLAGE_A, "LOGISTICS", List.of(), 3300, 5);
        long household =
                fixtures.as(cadreA, () -> labourers.labourer(person)).labourer().householdId();
        long warning = unemploymentWarning(household);

        String page = mvc.perform(get("/warnings/{id}", warning).with(user(cadreA)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("未就业劳动力的匹配岗位", posting.title(), "月薪 3,300 元");
    }

    long unemploymentWarning(long household) {
        long run = jdbc.sql("""
                        insert into screening_run (region_code, as_of, mode, rules_version, started_by)
                        values (:r, :d, 'FULL', 'test', 'test') returning id
                        """)
                .param("r", TestFixtures.VILLAGE_A)
                .param("d", LocalDate.now())
                .query(Long.class)
                .single();
        return jdbc.sql("""
                        insert into warning (run_id, household_id, village_code, rule_id, rule_version, direction,
                            risk_type, level, registered, as_of, deadline, evidence)
                        values (:run, :h, :v, 'EMP-01', 'test', 'DOWN', 'unstable_employment', 'ORANGE', true, :d,
                            :d, '{}')
                        returning id
                        """)
                .param("run", run)
                .param("h", household)
                .param("v", TestFixtures.VILLAGE_A)
                .param("d", LocalDate.now())
                .query(Long.class)
                .single();
    }

    /** A labourer out of work who drives, wishes logistics work within {@code reach} at 2,000 yuan or more. */
    long driver(String village, String reach) {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, village);
        HouseholdFile file = households.household(
                cadre, village, "FORMERLY_POOR", List.of(households.member(40, false, "ABLE", "HEAD")));
        long person = file.members().get(0).id();
        Labourer l = fixtures.as(cadre, () -> labourers.labourer(person)).labourer();
        fixtures.as(
                cadre,
                () -> labourers.update(
                        person,
                        new LabourerInput(
                                false,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                List.of("DRIVER"),
                                null,
                                reach,
                                List.of("LOGISTICS"),
                                new BigDecimal("2000"),
                                "VISIT",
                                l.version())));
        return person;
    }

    void record(long person, boolean inWork) {
        Labourer l = fixtures.as(cadreA, () -> labourers.labourer(person)).labourer();
        fixtures.as(
                cadreA,
                () -> labourers.update(
                        person,
                        new LabourerInput(
                                inWork,
                                inWork ? "IN_COUNTY" : null,
                                inWork ? "GIG" : null,
                                null,
                                null,
                                null,
                                inWork ? new BigDecimal("2500") : null,
                                List.of("DRIVER"),
                                null,
                                "TOWNSHIP",
                                List.of("LOGISTICS"),
                                new BigDecimal("2000"),
                                "VISIT",
                                l.version())));
    }

    Posting posting(String place, String kind, List<String> skills, int wage, int openings) {
        return fixtures.as(
                office,
                () -> postings.create(new PostingInput(
                        workshop.id(),
                        "岗位" + kind + wage,
                        place,
                        kind,
                        skills,
                        new BigDecimal(wage),
                        40,
                        openings,
                        LocalDate.now().minusDays(3),
                        null,
                        null,
                        0)));
    }

    Referral move(Referral referral, String state, String reason) {
        return fixtures.as(
                cadreA, () -> referrals.move(referral.id(), new ReferralMove(state, reason, referral.version())));
    }

    long audited(String entity, long id) {
        return jdbc.sql("select count(*) from audit_log where entity_type = :t and entity_id = :id")
                .param("t", entity)
                .param("id", Long.toString(id))
                .query(Long.class)
                .single();
    }
}
