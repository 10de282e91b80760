package org.bulwark.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.core.employment.WorkMode;
import org.bulwark.exchange.DepartmentDataImport;
import org.bulwark.exchange.FileFormat;
import org.bulwark.exchange.ImportRequest;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.Role;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.registry.PersonInput;
import org.bulwark.statistics.FigureQuery;
import org.bulwark.statistics.FigureValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Public-welfare jobs in the application: allocation follows the documented order and refuses anyone whose household
 * is on a public payroll, all or none; holders count as in work; another county's officer sees nothing; renewal and
 * end keep their history; a wrong post is refused field by field in Chinese and nothing is saved.
 */
@DatabaseTest
class WelfareJobsTest {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    EmploymentFixtures households;

    @Autowired
    WelfareJobs jobs;

    @Autowired
    WelfareAllocations allocations;

    @Autowired
    WelfareTerms terms;

    @Autowired
    WelfareJobPlaces places;

    @Autowired
    Labourers labourers;

    @Autowired
    DepartmentDataImport importer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    BulwarkUser office;
    BulwarkUser county;
    String village;

    @Autowired
    JobFigures jobFigures;

    @BeforeEach
    void setUp() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        office = fixtures.user(Role.EMPLOYMENT_OFFICER, TestFixtures.COUNTY);
        county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        // a village of the county no other test uses, so that its candidates are this test's alone
        village = jdbc.sql("""
                        select code from region where code like '522324%' and code not like '%000'
                          and code not in (:a, :b) order by random() limit 1
                        """)
                .param("a", TestFixtures.VILLAGE_A)
                .param("b", TestFixtures.VILLAGE_B)
                .query(String.class)
                .single();
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void allocationFollowsTheOrderRefusesAPublicPayrollAndRecordsTheHolderInWork() throws Exception {
        long monitoredAble = head("MONITORED", "ABLE");
        PersonInput weakInput = households.member(45, false, "WEAK", "HEAD");
        PersonInput childInput = households.member(12, false, "NONE", "CHILD");
        HouseholdFile poorWeak = households.household(county, village, "FORMERLY_POOR", List.of(weakInput, childInput));
        long formerlyPoorWeak = poorWeak.members().get(0).id();
        HouseholdFile twoWeak = households.household(
                county,
                village,
                "MONITORED",
                List.of(households.member(50, false, "WEAK", "HEAD"), households.member(48, false, "WEAK", "SPOUSE")));
        long weakA =
                Math.min(twoWeak.members().get(0).id(), twoWeak.members().get(1).id());
        long weakB =
                Math.max(twoWeak.members().get(0).id(), twoWeak.members().get(1).id());
        long working = head("FORMERLY_POOR", "ABLE");
        fixtures.as(office, () -> labourers.update(working, inWork(labourers.labourer(working))));
        PersonInput paidInput = households.member(35, false, "ABLE", "SPOUSE");
        HouseholdFile payroll = households.household(
                county, village, "MONITORED", List.of(households.member(52, false, "WEAK", "HEAD"), paidInput));
        long payrollWeak = payroll.members().get(0).id();
        long paid = payroll.members().get(1).id();
        uploadPayroll(paidInput);
        WelfarePost post = fixtures.as(office, () -> jobs.create(input(village, 5, today(), today().plusYears(2))));

        WelfareProposal proposal = fixtures.as(office, () -> allocations.propose(post.id()));
        // no other work first, weak labour first, monitored first; one per household first, then the second weak
        assertThat(proposal.proposed().stream().map(WelfareProposal.Proposed::personId))
                .containsExactly(weakA, formerlyPoorWeak, monitoredAble, working, weakB);
        assertThat(proposal.proposed().get(1).explanation()).startsWith("无其他就业、弱劳动力、脱贫户、本户首个公益性岗位");
        assertThat(proposal.refused().stream().map(WelfareProposal.Refused::personId))
                .containsExactlyInAnyOrder(payrollWeak, paid);
        assertThat(proposal.refused().stream()
                        .filter(r -> r.personId() == payrollWeak)
                        .findFirst()
                        .orElseThrow()
                        .reason())
                .contains("家庭成员", "财政供养人员", "不予安置");

        // the whole confirmation is refused when one person is on a payroll: nobody is given a place
        assertThatThrownBy(() -> fixtures.as(office, () -> allocations.confirm(post.id(), List.of(weakA, paid))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .extracting(FieldProblem::field, FieldProblem::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("personIds", "on_public_payroll")))
                .hasMessageContaining("本人为财政供养人员");
        assertThat(fixtures.as(office, () -> jobs.holders(post.id(), false))).isEmpty();

        List<WelfareHolder> given =
                fixtures.as(office, () -> allocations.confirm(post.id(), List.of(formerlyPoorWeak, weakA)));
        assertThat(given).extracting(WelfareHolder::personId).containsExactly(weakA, formerlyPoorWeak);
        Labourer holder =
                fixtures.as(office, () -> labourers.labourer(formerlyPoorWeak)).labourer();
        assertThat(holder.inWork()).isTrue();
        assertThat(holder.workMode()).isEqualTo(WorkMode.PUBLIC_WELFARE);
        assertThat(holder.monthlyWage()).isEqualByComparingTo("800");

        // the next proposal counts the held places and the served household
        assertThat(fixtures.as(office, () -> allocations.propose(post.id())).proposed().stream()
                        .map(WelfareProposal.Proposed::personId))
                .containsExactly(monitoredAble, working, weakB);
        // someone not proposed now is named
        assertThatThrownBy(() -> fixtures.as(office, () -> allocations.confirm(post.id(), List.of(weakA))))
                .hasMessageContaining("不在本次拟定的安置人选中");

        // a holder whose household member turns up on a payroll is flagged
        uploadPayroll(childInput);
        assertThat(fixtures.as(office, () -> jobs.holders(post.id(), true)))
                .filteredOn(h -> h.personId() == formerlyPoorWeak)
                .singleElement()
                .satisfies(h -> assertThat(h.onPayroll()).isTrue());
        String page = mvc.perform(get("/employment/welfare/{id}", post.id()).with(user(office)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("户内有财政供养人员", "弱劳动力", "本户首个公益性岗位");

        assertThat(places.byRegion(village, 12, today())).singleElement().satisfies(p -> {
            assertThat(p.places()).isEqualTo(5);
            assertThat(p.held()).isEqualTo(2);
            assertThat(p.monitored()).isEqualTo(1);
            assertThat(p.formerlyPoor()).isEqualTo(1);
        });
        // the dashboard's employment section counts them in the village, the holders' households behind them
        String township = village.substring(0, 9);
        FigureQuery query = new FigureQuery(RegionScope.of(township), township, 12, today().getYear(), today());
        assertThat(jobFigures.byRegion(query))
                .filteredOn(v -> v.group().equals(village))
                .extracting(FigureValue::measureId, v -> v.value().longValue(), FigureValue::households)
                .contains(
                        tuple(JobFigures.WELFARE_POSTS, 1L, 0L),
                        tuple(JobFigures.WELFARE_PLACES, 5L, 0L),
                        tuple(JobFigures.WELFARE_HELD, 2L, 2L));
    }

    @Test
    void theApiRefusesAPayrollCandidateInChinese() throws Exception {
        PersonInput paidInput = households.member(40, false, "WEAK", "HEAD");
        long paid = households
                .household(county, village, "MONITORED", List.of(paidInput))
                .members()
                .get(0)
                .id();
        uploadPayroll(paidInput);
        WelfarePost post = fixtures.as(office, () -> jobs.create(input(village, 1, today(), today().plusYears(1))));
        String body = mvc.perform(post("/api/v1/employment/welfare-posts/{id}/holders", post.id())
                        .with(user(office))
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personIds\":[" + paid + "]}"))
                .andExpect(status().is4xxClientError())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("personIds", "本人为财政供养人员");
    }

    @Test
    void anotherCountysOfficerSeesNothingAndACadreOnlyReads() throws Exception {
        WelfarePost post = fixtures.as(office, () -> jobs.create(input(village, 2, today(), today().plusYears(1))));
        BulwarkUser elsewhere = fixtures.user(Role.EMPLOYMENT_OFFICER, "522301000000");
        assertThat(fixtures.as(elsewhere, () -> jobs.posts())).noneMatch(p -> p.id() == post.id());
        assertThatThrownBy(() -> fixtures.as(elsewhere, () -> jobs.post(post.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fixtures.as(elsewhere, () -> allocations.propose(post.id())))
                .isInstanceOf(NotFoundException.class);
        mvc.perform(get("/api/v1/employment/welfare-posts/{id}", post.id()).with(user(elsewhere)))
                .andExpect(status().isNotFound());
        // creating a post in a village of another county: the village is not one of the officer's
        assertThatThrownBy(() -> fixtures.as(elsewhere, () -> jobs.create(input(village, 1, today(), today()))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("villageCode");

        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, village);
        assertThat(fixtures.as(cadre, () -> jobs.post(post.id())).title()).isEqualTo(post.title());
        assertThatThrownBy(() -> fixtures.as(cadre, () -> jobs.create(input(village, 1, today(), today()))))
                .isInstanceOf(AccessDeniedException.class);
        mvc.perform(post("/api/v1/employment/welfare-posts/{id}/holders", post.id())
                        .with(user(cadre))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personIds\":[1]}"))
                .andExpect(status().isForbidden());
        BulwarkUser otherCadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        assertThatThrownBy(() -> fixtures.as(otherCadre, () -> jobs.post(post.id())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aTermEndingSoonIsListedRenewedWithinThePostAndEndedWithItsHistory() throws Exception {
        long person = head("MONITORED", "WEAK");
        LocalDate postEnd = today().plusDays(20);
        WelfarePost post = fixtures.as(office, () -> jobs.create(input(village, 1, today().minusMonths(1), postEnd)));
        WelfareHolder holder = fixtures.as(office, () -> allocations.confirm(post.id(), List.of(person)))
                .get(0);
        assertThat(holder.termTo()).isEqualTo(postEnd);
        assertThat(fixtures.as(office, () -> jobs.ending()))
                .extracting(WelfareHolder::id)
                .contains(holder.id());
        String endingPage = mvc.perform(get("/employment/welfare/ending").with(user(office)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(endingPage).contains("/employment/welfare/holders/" + holder.id() + "/renew", "续聘");
        // renewing beyond the post's term from the list: htmx gets the row back with the reason
        String row = mvc.perform(post("/employment/welfare/holders/{id}/renew", holder.id())
                        .with(user(office))
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("termTo", postEnd.plusYears(1).toString())
                        .param("version", String.valueOf(holder.version())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(row.strip()).startsWith("<tr").contains("续聘不能超过岗位期限");
        // a request leaves the thread's locale reset: the calls below answer in Chinese again
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);

        assertThatThrownBy(() -> fixtures.as(
                        office, () -> terms.renew(holder.id(), new WelfareTerms.Renewal(postEnd.plusYears(1), null))))
                .hasMessageContaining("续聘不能超过岗位期限");
        WelfarePostInput longer = new WelfarePostInput(
                village,
                post.title(),
                "保洁员",
                post.monthlyAllowance(),
                1,
                post.termStart(),
                postEnd.plusYears(1),
                "衔接资金",
                post.version());
        fixtures.as(office, () -> jobs.update(post.id(), longer));
        WelfareHolder renewed = fixtures.as(
                office, () -> terms.renew(holder.id(), new WelfareTerms.Renewal(postEnd.plusYears(1), null)));
        assertThat(renewed.state()).isEqualTo(WelfareHolderState.RENEWED);
        assertThat(renewed.termTo()).isEqualTo(postEnd.plusYears(1));
        assertThat(fixtures.as(office, () -> jobs.ending()))
                .extracting(WelfareHolder::id)
                .doesNotContain(holder.id());

        assertThatThrownBy(() ->
                        fixtures.as(office, () -> terms.end(holder.id(), new WelfareTerms.End(null, " ", null))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("reason");
        WelfareHolder ended =
                fixtures.as(office, () -> terms.end(holder.id(), new WelfareTerms.End(null, "本人外出务工", null)));
        assertThat(ended.state()).isEqualTo(WelfareHolderState.ENDED);
        assertThat(fixtures.as(office, () -> jobs.history(holder.id())))
                .extracting(WelfareHolderChange::state)
                .containsExactly(WelfareHolderState.ENDED, WelfareHolderState.RENEWED, WelfareHolderState.HOLDING);
        assertThat(fixtures.as(office, () -> labourers.labourer(person))
                        .labourer()
                        .inWork())
                .isFalse();
        assertThat(fixtures.as(office, () -> jobs.post(post.id())).vacant()).isEqualTo(1);
        assertThat(jdbc.sql(
                                "select count(*) from audit_log where entity_type = 'welfare_post_holder' and entity_id = :id")
                        .param("id", String.valueOf(holder.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void aWrongPostIsRefusedFieldByFieldInChineseAndNothingIsSaved() throws Exception {
        WelfarePostInput wrong = new WelfarePostInput(
                village, " ", "看门", new BigDecimal("-1"), 0, today(), today().minusDays(1), null, null);
        // the village is drawn at random, and other tests may have posts there already
        long before = postsIn(village);
        assertThatThrownBy(() -> fixtures.as(office, () -> jobs.create(wrong)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .extracting(FieldProblem::field, FieldProblem::message)
                        .contains(
                                org.assertj.core.groups.Tuple.tuple("title", "必填"),
                                org.assertj.core.groups.Tuple.tuple("duty", "不是可选的值"),
                                org.assertj.core.groups.Tuple.tuple("monthlyAllowance", "应在 0 至 100000 元之间"),
                                org.assertj.core.groups.Tuple.tuple("places", "应为 1 至 1000 的整数"),
                                org.assertj.core.groups.Tuple.tuple("termEnd", "早于开始日期"),
                                org.assertj.core.groups.Tuple.tuple("funding", "必填")));
        assertThat(postsIn(village)).isEqualTo(before);
        String page = mvc.perform(post("/employment/welfare")
                        .with(user(office))
                        .with(csrf())
                        .param("villageCode", TestFixtures.TOWNSHIP)
                        .param("title", "保洁员")
                        .param("duty", "SANITATION")
                        .param("monthlyAllowance", "八百")
                        .param("places", "2")
                        .param("termStart", today().toString())
                        .param("termEnd", today().plusYears(1).toString())
                        .param("funding", "ASSISTANCE_FUNDS"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("is-invalid");
    }

    private long head(String category, String capacity) {
        return households
                .household(county, village, category, List.of(households.member(40, false, capacity, "HEAD")))
                .members()
                .get(0)
                .id();
    }

    private static LabourerInput inWork(LabourerListing l) {
        return new LabourerInput(
                true,
                "IN_COUNTY",
                "EMPLOYER",
                null,
                null,
                null,
                new BigDecimal("3000"),
                List.of(),
                null,
                null,
                List.of(),
                null,
                "OFFICER",
                l.labourer().version());
    }

    private long postsIn(String villageCode) {
        return jdbc.sql("select count(*) from welfare_post where village_code = :v")
                .param("v", villageCode)
                .query(Long.class)
                .single();
    }

    private static WelfarePostInput input(String village, int places, LocalDate start, LocalDate end) {
        return new WelfarePostInput(
                village, "村庄保洁员", "SANITATION", new BigDecimal("800"), places, start, end, "ASSISTANCE_FUNDS", null);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private void uploadPayroll(PersonInput person) throws Exception {
        Path file = Files.createTempFile("payroll-", ".csv");
        Files.writeString(
                file,
                "身份证号,姓名,起始日期,工作单位\n" + person.idNumber() + "," + person.name() + ",2024-09-01,晴隆县某镇人民政府\n",
                StandardCharsets.UTF_8);
        try {
            fixtures.as(
                    county,
                    () -> importer.run(new ImportRequest("public_payroll", file, "p.csv", FileFormat.CSV, false)));
        } finally {
            Files.delete(file);
        }
    }
}
