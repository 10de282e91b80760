package org.bulwark.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditLog;
import org.bulwark.core.casework.Channel;
import org.bulwark.core.casework.Decision;
import org.bulwark.core.casework.MeasureCategory;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.casework.RiskType;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.Role;
import org.bulwark.platform.ConflictException;
import org.bulwark.registry.HouseholdFile;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/** The casework pages render for their users, keep what was typed when refused, and print no personal data. */
@DatabaseTest
class CaseworkPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    AuditLog audit;

    @Autowired
    Cases cases;

    @Autowired
    SupportPlans plans;

    @Autowired
    Declarations declarations;

    BulwarkUser cadre;
    HouseholdFile household;
    SupportCase opened;

    @BeforeEach
    void setUp() {
        cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        household = fixtures.household(cadre, TestFixtures.VILLAGE_A);
        opened = fixtures.as(
                cadre,
                () -> cases.open(new OpenCaseInput(
                        household.household().id(),
                        Channel.GRASSROOTS_VISIT,
                        null,
                        null,
                        Set.of(RiskType.ILLNESS),
                        "visit")));
    }

    String page(String url, BulwarkUser as) throws Exception {
        return mvc.perform(get(url).with(user(as)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void casePagesRenderInChineseForTheCadre() throws Exception {
        assertThat(page("/cases", cadre))
                .contains("帮扶案件")
                .contains(household.household().householdNumber());
        String casePage = page("/cases/" + opened.id(), cadre);
        assertThat(casePage).contains("入户核实").contains("保存核实情况").contains("农户已签署承诺授权书");
        assertThat(page("/households/" + household.household().id() + "/casework", cadre))
                .contains("监测帮扶")
                // a measure's responsible department is offered, not typed from memory
                .contains("list=\"department-choices\"")
                .contains("<option value=\"乡镇人民政府\">")
                .contains("<option value=\"医疗保障局\">");
        // one household, one file: the file shows its cases and warnings too
        assertThat(page("/households/" + household.household().id(), cadre))
                .contains("file-casework")
                .contains("/cases/" + opened.id())
                .contains("入户核实")
                .contains("暂无预警");
        assertThat(page("/declarations", cadre)).contains("群众申报").contains("/declare/qr/" + TestFixtures.VILLAGE_A);
        assertThat(page("/visits", cadre)).contains("走访");
        assertThat(page("/casework/statistics", cadre)).contains("识别纳入监测");
        assertThat(mvc.perform(get("/cases/" + opened.id()).param("lang", "en").with(user(cadre)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Home verification");
    }

    @Test
    void measuresAndDeclarationsOfferTheirActionsByStatusAndNameItInChinese() throws Exception {
        long householdId = household.household().id();
        PlanMeasure measure = fixtures.as(
                cadre,
                () -> plans.add(
                        householdId,
                        new MeasureInput(MeasureCategory.HEALTH, RiskType.ILLNESS, "医疗保障局", "医疗救助", null, null, null)));
        assertThat(measure.status()).isEqualTo(MeasureStatus.PLANNED);
        assertThat(page("/households/" + householdId + "/casework", cadre))
                .contains("/measures/" + measure.id() + "/delivery")
                .contains("计划中");
        PlanMeasure cancelled = fixtures.as(cadre, () -> plans.cancel(measure.id(), measure.version()));
        assertThat(page("/households/" + householdId + "/casework", cadre))
                .doesNotContain("/measures/" + measure.id() + "/delivery")
                .contains("已取消");
        // refusals are worded in the request's language; outside a request, say which
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        try {
            assertThatThrownBy(() -> fixtures.as(cadre, () -> plans.cancel(measure.id(), cancelled.version())))
                    .isInstanceOf(ConflictException.class)
                    .hasMessage("该措施已取消");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }

        // a landline typed with spaces is stored in its normal form, like the registry's
        Declaration waiting = fixtures.as(
                cadre,
                () -> declarations.record(
                        new DeclarationInput(
                                "钱七", "0851 322 1234", null, TestFixtures.VILLAGE_A, Set.of(RiskType.ACCIDENT), null),
                        "HOTLINE"));
        assertThat(waiting.phone()).isEqualTo("0851-3221234");
        assertThat(waiting.channel()).isEqualTo(DeclarationChannel.HOTLINE);
        assertThat(page("/declarations", cadre)).contains("/declarations/" + waiting.id() + "/accept");
        Declaration declined = fixtures.as(cadre, () -> declarations.decline(waiting.id(), waiting.version(), "不符合"));
        assertThat(declined.status()).isEqualTo(DeclarationStatus.DECLINED);
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        try {
            assertThatThrownBy(() ->
                            fixtures.as(cadre, () -> declarations.decline(waiting.id(), declined.version(), "再次")))
                    .isInstanceOf(ConflictException.class)
                    .hasMessage("该申报已处理（经核实不予纳入）");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void aDeclarationSuggestsTheHouseholdsItMayBeAboutAndIsAcceptedByName() throws Exception {
        HouseholdFile other = fixtures.household(cadre, TestFixtures.VILLAGE_A);
        String head = other.head().orElseThrow().name();
        Declaration waiting = fixtures.as(
                cadre,
                () -> declarations.record(
                        new DeclarationInput(
                                head, "13800000000", null, TestFixtures.VILLAGE_A, Set.of(RiskType.ILLNESS), "住院"),
                        "SERVICE_WINDOW"));

        String list = page("/declarations", cadre);
        assertThat(list)
                .contains("可能是这些登记户")
                .contains("value=\"" + other.household().householdNumber() + "\"")
                .contains("受理：" + head + "户");

        String location = mvc.perform(post("/declarations/" + waiting.id() + "/accept")
                        .with(user(cadre))
                        .with(csrf())
                        .param("version", String.valueOf(waiting.version()))
                        .param("householdNumber", head))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/cases/");
        assertThat(fixtures.as(cadre, () -> declarations.get(waiting.id())).caseId())
                .isNotNull();

        // the cadre goes to the visit knowing what the resident wrote, and calls the number first
        String casePage = page(location, cadre);
        assertThat(casePage)
                .contains("群众申报内容")
                .contains("住院")
                .contains("138****0000")
                .doesNotContain("13800000000");
        String phone = mvc.perform(
                        post(location + "/declaration/phone").with(user(cadre)).with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(phone).contains("13800000000");
        assertThat(audit.recent(RegionScope.nationwide(), "declaration", String.valueOf(waiting.id()), 5))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo(AuditAction.REVEAL));
    }

    @Test
    void homePageListsTheCaseworkOfTheRole() throws Exception {
        assertThat(page("/", cadre)).contains("待办事项").contains("待办理：入户核实").contains("待处理的群众申报");
        BulwarkUser helper = fixtures.user(Role.HELPER, TestFixtures.VILLAGE_A);
        assertThat(page("/", helper)).contains("我帮扶的户").doesNotContain("待办理：");
        BulwarkUser leader = fixtures.user(Role.LEADER, TestFixtures.COUNTY);
        assertThat(page("/", leader))
                .doesNotContain("待办理：")
                .doesNotContain("待核实的预警")
                .contains("统计看板");
        assertThat(page("/", cadre)).contains("待核实的预警");
        BulwarkUser officer = fixtures.user(Role.DEPARTMENT_OFFICER, TestFixtures.COUNTY);
        assertThat(page("/", officer)).contains("有退回行的数据批次").doesNotContain("待核实的预警");
    }

    @Test
    void theDataComparisonStepSetsTheRecordsBesideTheDeclaredCost() throws Exception {
        assertThat(page("/cases/" + opened.id(), cadre)).doesNotContain("id=\"data-comparison\"");
        SupportCase verified = fixtures.as(
                cadre,
                () -> cases.recordVerification(
                        opened.id(),
                        opened.version(),
                        new VerificationInput(
                                true, MonitoringType.MARGINAL, Set.of(RiskType.ILLNESS), new BigDecimal("62000"))));
        fixtures.as(cadre, () -> cases.decide(verified.id(), verified.version(), Decision.PASS, null, null));
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        // no settlement on record for the household: the declared 62,000 yuan stands out against none
        assertThat(page("/cases/" + opened.id(), county))
                .contains("id=\"data-comparison\"")
                .contains("申报风险：因病")
                .contains("近12个月政策范围内自付医疗费用")
                .contains("申报自付 62,000 元，医保结算记录合计 0 元")
                .contains("家庭成员名下高价值车辆")
                .contains("家庭成员为财政供养人员")
                .doesNotContain("medical_settlement")
                .doesNotContain("costly_vehicles");
    }

    @Test
    void refusedVerificationComesBackWithTheMessageAndWhatWasTyped() throws Exception {
        mvc.perform(post("/cases/" + opened.id() + "/verification")
                        .with(user(cadre))
                        .with(csrf())
                        .param("version", String.valueOf(opened.version()))
                        .param("commitmentSigned", "true")
                        .param("monitoringType", MonitoringType.UNSTABLE_FORMERLY_POOR.name())
                        .param("risks", "ILLNESS")
                        .param("medicalOutOfPocket", "0"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("errors", Matchers.hasItem(Matchers.containsString("脱贫户"))))
                .andExpect(flash().attributeExists("draft"));
    }

    @Test
    void aCaseOfAnotherVillageIsNotFound() throws Exception {
        BulwarkUser other = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_B);
        mvc.perform(get("/cases/" + opened.id()).with(user(other))).andExpect(status().isNotFound());
        mvc.perform(get("/households/" + household.household().id() + "/casework")
                        .with(user(other)))
                .andExpect(status().isNotFound());
    }

    @Test
    void publicNoticeShowsNoIdentityNumberOrPhone() throws Exception {
        String notice = page("/cases/" + opened.id() + "/notice", cadre);
        String idNumber = household.members().get(0).idNumber();
        assertThat(notice)
                .contains(household.members().get(0).name())
                .contains("因病")
                .doesNotContain(idNumber)
                .doesNotContain(idNumber.substring(12))
                .doesNotContain("13800001234")
                .doesNotContain("1234");
    }

    @Test
    void publicFormNeedsNoAccountAndItsQrCodeIsAnImage() throws Exception {
        mvc.perform(get("/declare").param("village", TestFixtures.VILLAGE_A))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("防返贫困难申报")));
        mvc.perform(get("/declare/qr/" + TestFixtures.VILLAGE_A + ".png"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"));
        mvc.perform(get("/declare/regions").param("parent", "522324101000"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(TestFixtures.VILLAGE_A)));
        String receipt = mvc.perform(post("/declare")
                        .with(csrf())
                        .with(r -> {
                            r.setRemoteAddr("10.77.0.1");
                            return r;
                        })
                        .param("declarantName", "赵六")
                        .param("phone", "13700001111")
                        .param("villageCode", TestFixtures.VILLAGE_A)
                        .param("risks", "NATURAL_DISASTER"))
                .andExpect(status().is3xxRedirection())
                .andExpect(MockMvcResultMatchers.redirectedUrl("/declare/received"))
                .andExpect(flash().attributeExists("receipt"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(receipt).isEmpty();
        String refused = mvc.perform(post("/declare")
                        .with(csrf())
                        .with(r -> {
                            r.setRemoteAddr("10.77.0.2");
                            return r;
                        })
                        .param("declarantName", "赵六")
                        .param("phone", "123")
                        .param("villageCode", TestFixtures.VILLAGE_A))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused)
                .contains("联系电话")
                .contains("不是有效的手机号")
                .contains("遇到的困难")
                .contains("value=\"赵六\"");
    }

    @Test
    void photosAndScansAreKeptWithTheStepAndOtherFilesAreRefused() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
        mvc.perform(MockMvcRequestBuilders.multipart("/cases/" + opened.id() + "/attachments")
                        .file(new MockMultipartFile("file", "承诺书.png", "image/png", png))
                        .with(user(cadre))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("flash"));
        mvc.perform(MockMvcRequestBuilders.multipart("/cases/" + opened.id() + "/attachments")
                        .file(new MockMultipartFile(
                                "file", "photo.png", "image/png", "<html>not a picture</html>".getBytes()))
                        .with(user(cadre))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("errors"));
        String casePage = page("/cases/" + opened.id(), cadre);
        assertThat(casePage).contains("承诺书.png").doesNotContain("photo.png");
        String link = casePage.replaceAll("(?s).*href=\"(/cases/attachments/\\d+)\".*", "$1");
        mvc.perform(get(link).with(user(cadre)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"));
        BulwarkUser other = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_B);
        mvc.perform(get(link).with(user(other))).andExpect(status().isNotFound());
    }
}
