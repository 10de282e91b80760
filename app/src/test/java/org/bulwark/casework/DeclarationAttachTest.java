package org.bulwark.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditLog;
import org.bulwark.core.casework.Channel;
import org.bulwark.core.casework.RiskType;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.Role;
import org.bulwark.platform.ConflictException;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.bulwark.registry.HouseholdFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 14, item 13: a declaration about a household whose case is under way is attached to that case — offered on
 * the declarations page, listed on the case page with the phone masked behind an audited reveal, audited with a
 * message key, and told to the resident as merged into the case in progress, never as declined. Only for users of
 * the case's region.
 */
@DatabaseTest
class DeclarationAttachTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Cases cases;

    @Autowired
    Declarations declarations;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    BulwarkUser cadre;
    HouseholdFile household;
    SupportCase open;
    String head;

    @BeforeEach
    void setUp() {
        cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        household = fixtures.household(cadre, TestFixtures.VILLAGE_A);
        head = household.head().orElseThrow().name();
        open = fixtures.as(
                cadre,
                () -> cases.open(new OpenCaseInput(
                        household.household().id(),
                        Channel.GRASSROOTS_VISIT,
                        null,
                        null,
                        Set.of(RiskType.ILLNESS),
                        "网格员走访发现")));
    }

    Declaration declared(String description) {
        return fixtures.as(
                cadre,
                () -> declarations.record(
                        new DeclarationInput(
                                head,
                                "13912340000",
                                null,
                                TestFixtures.VILLAGE_A,
                                Set.of(RiskType.ILLNESS, RiskType.SCHOOLING),
                                description),
                        "HOTLINE"));
    }

    String page(String url, BulwarkUser as) throws Exception {
        return mvc.perform(get(url).with(user(as)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void aDeclarationAboutAHouseholdWithAnOpenCaseIsAttachedToItAndTheResidentIsNotToldItWasDeclined()
            throws Exception {
        Declaration waiting = declared("孩子上学费用高，老人住院");
        // accepting it as a new case is refused: the household's case is under way
        assertThatThrownBy(() -> fixtures.as(
                        cadre,
                        () -> declarations.accept(
                                waiting.id(),
                                waiting.version(),
                                household.household().id())))
                .isInstanceOf(ConflictException.class);

        // the page offers to attach it to the open case, naming the case
        String list = page("/declarations", cadre);
        assertThat(list)
                .contains("data-test=\"attach-match\"")
                .contains("并入在办案件 " + open.id() + "：" + head + "户")
                .contains("该户已有在办案件 " + open.id());

        String location = mvc.perform(post("/declarations/" + waiting.id() + "/attach")
                        .with(user(cadre))
                        .with(csrf())
                        .param("version", String.valueOf(waiting.version()))
                        .param("householdNumber", household.household().householdNumber()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).isEqualTo("/cases/" + open.id() + "#attached-declarations");
        Declaration attached = fixtures.as(cadre, () -> declarations.get(waiting.id()));
        assertThat(attached.status()).isEqualTo(DeclarationStatus.ATTACHED);
        assertThat(attached.caseId()).isEqualTo(open.id());
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'declaration' and entity_id = :d"
                                + " and summary_key = 'declarationAttached'")
                        .param("d", String.valueOf(waiting.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // the case lists it: what the resident wrote, channel, date, the phone masked
        String casePage = page("/cases/" + open.id(), cadre);
        assertThat(casePage)
                .contains("并入本案的群众申报")
                .contains("孩子上学费用高，老人住院")
                .contains("热线电话")
                .contains("139****0000")
                .doesNotContain("13912340000");
        String phone = mvc.perform(post("/cases/" + open.id() + "/declarations/" + waiting.id() + "/phone")
                        .with(user(cadre))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(phone).contains("13912340000");
        assertThat(audit.recent(RegionScope.nationwide(), "declaration", String.valueOf(waiting.id()), 5))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo(AuditAction.REVEAL));

        // the resident's receipt says it is being handled with the case, not that it was declined
        DeclarationReceipt receipt = declarations.status(attached.receiptNumber(), "203.0.113.7");
        assertThat(receipt.status()).isEqualTo(DeclarationStatus.ATTACHED);
        String status = mvc.perform(get("/declare/status").param("receipt", attached.receiptNumber()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(status).contains("已并入该户正在办理的案件").doesNotContain("不予纳入");
    }

    @Test
    void onlyUsersOfTheCasesRegionAttachAndOnlyToACaseUnderWay() {
        Declaration waiting = declared("家里房子漏雨");
        BulwarkUser otherVillage = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_B);
        assertThatThrownBy(() -> fixtures.as(
                        otherVillage,
                        () -> declarations.attach(
                                waiting.id(),
                                waiting.version(),
                                household.household().id())))
                .isInstanceOf(NotFoundException.class);
        BulwarkUser leader = fixtures.user(Role.LEADER, TestFixtures.COUNTY);
        assertThatThrownBy(() -> fixtures.as(
                        leader,
                        () -> declarations.attach(
                                waiting.id(),
                                waiting.version(),
                                household.household().id())))
                .isNotInstanceOf(InvalidInputException.class);
        // a household without a case under way: refused, naming the household
        HouseholdFile quiet = fixtures.household(cadre, TestFixtures.VILLAGE_A);
        assertThatThrownBy(() -> fixtures.as(
                        cadre,
                        () -> declarations.attach(
                                waiting.id(),
                                waiting.version(),
                                quiet.household().id())))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .anySatisfy(p -> assertThat(p.field()).isEqualTo("householdId")));
        assertThat(fixtures.as(cadre, () -> declarations.get(waiting.id())).status())
                .isEqualTo(DeclarationStatus.RECEIVED);
        assertThat(fixtures.as(cadre, () -> declarations.attachedTo(open.id()))).isEmpty();
    }

    @Test
    void theApiAttachesADeclarationToTheOpenCase() throws Exception {
        Declaration waiting = declared("通过接口并入");
        String body = mvc.perform(post("/api/v1/declarations/" + waiting.id() + "/attach")
                        .with(httpBasic(cadre.getUsername(), TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + waiting.version() + ", \"householdId\": "
                                + household.household().id() + "}"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).contains("\"status\":\"ATTACHED\"").contains("\"caseId\":" + open.id());
        assertThat(fixtures.as(cadre, () -> declarations.attachedTo(open.id())))
                .extracting(Declaration::id)
                .containsExactly(waiting.id());
    }
}
