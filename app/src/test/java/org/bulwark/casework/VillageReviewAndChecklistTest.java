package org.bulwark.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.core.casework.Channel;
import org.bulwark.core.casework.Decision;
import org.bulwark.core.casework.MeasureCategory;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.casework.RiskType;
import org.bulwark.core.casework.Step;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.SwitchableClock;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The village review step records its democratic review meeting (issue 14, item 15), and the case page shows the
 * identification's checklist with a warning at the steps where it can still be fixed (item 12) — through the
 * services and the pages, with a fixed clock.
 */
@DatabaseTest
class VillageReviewAndChecklistTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Cases cases;

    @Autowired
    VillageReviews reviews;

    @Autowired
    CaseChecklists checklists;

    @Autowired
    Helpers helpers;

    @Autowired
    SupportPlans plans;

    @Autowired
    SwitchableClock clock;

    @Autowired
    JdbcClient jdbc;

    BulwarkUser cadre;
    BulwarkUser township;
    BulwarkUser county;
    BulwarkUser helper;
    long household;

    @BeforeEach
    void setUp() {
        cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        township = fixtures.user(Role.TOWNSHIP_REVIEWER, TestFixtures.TOWNSHIP);
        county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        helper = fixtures.user(Role.HELPER, TestFixtures.VILLAGE_A);
        household =
                fixtures.household(cadre, TestFixtures.VILLAGE_A).household().id();
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    <T> T on(LocalDate day, BulwarkUser user, Supplier<T> action) {
        // the services speak the reader's language: here Chinese, as the pages are first (a page request resets it)
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        try (var fixed = clock.at(day)) {
            return fixtures.as(user, action);
        }
    }

    SupportCase pass(SupportCase c, BulwarkUser user, LocalDate day) {
        return on(day, user, () -> cases.decide(c.id(), c.version(), Decision.PASS, "同意", 0));
    }

    /** A verified illness-and-schooling case, compared by the county: at the village review. */
    SupportCase atVillageReview() {
        SupportCase opened = on(
                DAY,
                cadre,
                () -> cases.open(new OpenCaseInput(
                        household,
                        Channel.GRASSROOTS_VISIT,
                        null,
                        DAY,
                        Set.of(RiskType.ILLNESS, RiskType.SCHOOLING),
                        "走访发现")));
        SupportCase verified = on(
                DAY,
                cadre,
                () -> cases.recordVerification(
                        opened.id(),
                        opened.version(),
                        new VerificationInput(
                                true,
                                MonitoringType.MARGINAL,
                                Set.of(RiskType.ILLNESS, RiskType.SCHOOLING),
                                new BigDecimal("12000"))));
        return pass(pass(verified, cadre, DAY), county, DAY.plusDays(1));
    }

    String page(long caseId, BulwarkUser reader, LocalDate day) throws Exception {
        try (var fixed = clock.at(day)) {
            return mvc.perform(get("/cases/" + caseId).with(user(reader)).header("Accept-Language", "zh-CN"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
        }
    }

    long meetings(long caseId) {
        return jdbc.sql("select count(*) from village_review_meeting where case_id = :c")
                .param("c", caseId)
                .query(Long.class)
                .single();
    }

    @Test
    void theVillageReviewRecordsItsMeetingShowsItAndAuditsIt() throws Exception {
        SupportCase c = atVillageReview();
        String form = page(c.id(), cadre, DAY.plusDays(2));
        assertThat(form).contains("id=\"village-review\"").contains("评议会议日期").contains("赞成票数");
        // the generic comment-only decision is not offered at this step
        assertThat(form).doesNotContain("action=\"/cases/" + c.id() + "/decision\"");

        // a meeting in the future, with more votes than attendees: refused, naming the fields, nothing stored
        assertThatThrownBy(() -> on(
                        DAY.plusDays(2),
                        cadre,
                        () -> reviews.decide(
                                c.id(),
                                c.version(),
                                Decision.PASS,
                                null,
                                new VillageMeetingInput(DAY.plusDays(3), 20, 15, 6, null))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.field() + "：" + p.message())
                                .containsExactly("meetingOn：不能晚于今天（" + DAY.plusDays(2) + "）"));
        assertThatThrownBy(() -> on(
                        DAY.plusDays(2),
                        cadre,
                        () -> reviews.decide(
                                c.id(),
                                c.version(),
                                Decision.PASS,
                                null,
                                new VillageMeetingInput(DAY.plusDays(2), 20, 15, 6, null))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.field() + "：" + p.message())
                                .containsExactly("votesFor：赞成票与反对票合计21票，超过参会人数20人"));
        assertThat(meetings(c.id())).isZero();

        SupportCase onNotice = on(
                DAY.plusDays(2),
                cadre,
                () -> reviews.decide(
                        c.id(),
                        c.version(),
                        Decision.PASS,
                        "同意公示",
                        new VillageMeetingInput(DAY.plusDays(2), 23, 19, 2, "村民代表会议，村支书主持")));
        assertThat(onNotice.step()).isEqualTo(Step.PUBLIC_NOTICE);
        VillageMeeting meeting =
                on(DAY.plusDays(2), county, () -> reviews.of(c.id())).orElseThrow();
        assertThat(meeting.abstentions()).isEqualTo(2);
        assertThat(meeting.recordedBy()).isEqualTo(cadre.getUsername());
        assertThat(page(c.id(), county, DAY.plusDays(2)))
                .contains("村级民主评议会议")
                .contains("参会23人：赞成19票，反对2票，弃权2票")
                .contains("村民代表会议，村支书主持");
        assertThat(jdbc.sql("""
                        select summary_key from audit_log where entity_type = 'case' and entity_id = :id
                         order by id desc limit 2""")
                        .param("id", String.valueOf(c.id()))
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder("villageMeetingRecorded", "caseStep");
        // only at its step
        assertThatThrownBy(() -> on(
                        DAY.plusDays(2),
                        cadre,
                        () -> reviews.decide(
                                c.id(),
                                onNotice.version(),
                                Decision.PASS,
                                null,
                                new VillageMeetingInput(DAY.plusDays(2), 23, 19, 2, null))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(meetings(c.id())).isEqualTo(1);
    }

    @Test
    void whatCannotBeReadComesBackOnThePageNamingTheField() throws Exception {
        SupportCase c = atVillageReview();
        try (var fixed = clock.at(DAY.plusDays(2))) {
            mvc.perform(post("/cases/" + c.id() + "/village-review")
                            .with(user(cadre))
                            .with(csrf())
                            .header("Accept-Language", "zh-CN")
                            .param("version", String.valueOf(c.version()))
                            .param("decision", "PASS")
                            .param("meetingOn", DAY.plusDays(2).toString())
                            .param("attendees", "二十")
                            .param("votesFor", "15")
                            .param("votesAgainst", "1"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute("errors", Matchers.contains("参会人数：不是有效的数字")))
                    .andExpect(flash().attributeExists("meetingDraft"));
            mvc.perform(post("/cases/" + c.id() + "/village-review")
                            .with(user(cadre))
                            .with(csrf())
                            .header("Accept-Language", "zh-CN")
                            .param("version", String.valueOf(c.version()))
                            .param("decision", "PASS")
                            .param("meetingOn", DAY.plusDays(2).toString())
                            .param("attendees", "20")
                            .param("votesFor", "6")
                            .param("votesAgainst", "9"))
                    .andExpect(flash().attribute(
                                    "errors", Matchers.contains("赞成票数：赞成6票未超过反对9票，评议未通过，不能办理“通过”（可办理“不通过”）")));
        }
        assertThat(meetings(c.id())).isZero();
    }

    @Test
    void theApiRecordsTheMeetingWithTheDecisionAndRefusesAnImpossibleOne() throws Exception {
        SupportCase c = atVillageReview();
        String body = """
                {"version": %d, "decision": "PASS", "meetingOn": "%s", "attendees": 9, "votesFor": 7,
                 "votesAgainst": %d, "note": "村民代表会议"}""";
        try (var fixed = clock.at(DAY.plusDays(2))) {
            mvc.perform(post("/api/v1/cases/" + c.id() + "/village-review")
                            .with(httpBasic(cadre.getUsername(), TestFixtures.PASSWORD))
                            .header("Accept-Language", "zh-CN")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body.formatted(c.version(), DAY.plusDays(2), 3)))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(content().string(Matchers.containsString("votesFor")));
            mvc.perform(post("/api/v1/cases/" + c.id() + "/village-review")
                            .with(httpBasic(cadre.getUsername(), TestFixtures.PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body.formatted(c.version(), DAY.plusDays(2), 1)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.step").value("PUBLIC_NOTICE"));
            mvc.perform(get("/api/v1/cases/" + c.id() + "/village-review")
                            .with(httpBasic(cadre.getUsername(), TestFixtures.PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.attendees").value(9))
                    .andExpect(jsonPath("$.votesFor").value(7))
                    .andExpect(jsonPath("$.votesAgainst").value(1))
                    .andExpect(jsonPath("$.abstentions").value(1));
        }
    }

    @Test
    void theChecklistWarnsTheTownshipWhichThenFixesTheCaseAndPassesIt() throws Exception {
        SupportCase c = atVillageReview();
        SupportCase notice = on(
                DAY.plusDays(2),
                cadre,
                () -> reviews.decide(
                        c.id(),
                        c.version(),
                        Decision.PASS,
                        null,
                        new VillageMeetingInput(DAY.plusDays(2), 12, 10, 0, null)));
        // while on notice, the village is told ahead what the township will need
        String onNotice = page(c.id(), cadre, DAY.plusDays(4));
        assertThat(onNotice).contains("认定材料清单").contains("乡镇审核前须补齐：").contains("公示中：" + DAY.plusDays(2) + "起公示");
        SupportCase atTownship = pass(notice, cadre, DAY.plusDays(7));

        String warned = page(c.id(), township, DAY.plusDays(7));
        assertThat(warned)
                .contains("id=\"checklist-warning\"")
                .contains("乡镇审核通过前须补齐：")
                .contains("帮扶计划尚未针对以下风险安排措施：因病、因学")
                .contains("/households/" + household + "/casework#helper")
                .contains(DAY.plusDays(2) + "至" + DAY.plusDays(7) + "公示5天（须满5天）");
        assertThat(on(DAY.plusDays(7), township, () -> checklists.lines(atTownship)))
                .extracting(l -> l.part() + ":" + l.done())
                .containsExactly(
                        "VERIFICATION:true", "CLASSIFICATION:true", "HELPER:false", "PLAN:false", "NOTICE:true");
        assertThat(on(DAY.plusDays(7), township, () -> checklists.missingForCounty(atTownship)))
                .containsExactly("帮扶责任人", "帮扶计划覆盖每项风险");

        on(DAY.plusDays(7), township, () -> helpers.assign(household, helper.getUsername(), null));
        for (RiskType risk : Set.of(RiskType.ILLNESS, RiskType.SCHOOLING)) {
            on(
                    DAY.plusDays(7),
                    township,
                    () -> plans.add(
                            household,
                            new MeasureInput(
                                    MeasureCategory.HEALTH, risk, "医疗保障局", null, null, DAY.plusDays(7), null)));
        }
        assertThat(on(DAY.plusDays(7), township, () -> checklists.lines(atTownship)))
                .allMatch(CaseChecklists.Line::done);
        assertThat(page(c.id(), township, DAY.plusDays(7)))
                .doesNotContain("id=\"checklist-warning\"")
                .contains("已针对因病、因学安排帮扶措施");
        assertThat(pass(atTownship, township, DAY.plusDays(7)).step()).isEqualTo(Step.COUNTY_APPROVAL);
    }
}
