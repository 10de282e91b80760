package org.bulwark.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.core.employment.Skill;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The county's employment office keeps employers and postings on pages and through the API, within its county;
 * wrong input is refused naming each field and stores nothing; another township never sees them; every change is
 * audited.
 */
@DatabaseTest
class EmployersAndPostingsTest {

    /** A township of Qinglong other than 沙子镇: 东观街道 (TestFixtures.TOWNSHIP). */
    static final String OTHER_TOWNSHIP = "522324001000";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Employers employers;

    @Autowired
    Postings postings;

    @Autowired
    JdbcClient jdbc;

    BulwarkUser office;

    @BeforeEach
    void setUp() {
        office = fixtures.user(Role.EMPLOYMENT_OFFICER, TestFixtures.COUNTY);
    }

    @Test
    void theOfficeCreatesAnEmployerAndAPostingWithChineseWordsAndBothAreAudited() {
        Employer workshop = fixtures.as(office, () -> employers.create(workshop(TestFixtures.VILLAGE_A)));
        Posting posting = fixtures.as(
                office,
                () -> postings.create(new PostingInput(
                        workshop.id(),
                        "缝纫工",
                        TestFixtures.VILLAGE_A,
                        "手工编织",
                        List.of("缝纫、电子商务"),
                        new BigDecimal("2800"),
                        40,
                        12,
                        LocalDate.of(2026, 11, 1),
                        null,
                        null,
                        0)));
        assertThat(posting.skills()).containsExactly(Skill.SEWING, Skill.E_COMMERCE);
        assertThat(posting.state()).isEqualTo(Posting.State.OPEN);
        assertThat(audited("employer", workshop.id())).isEqualTo(1);
        assertThat(audited("posting", posting.id())).isEqualTo(1);

        Posting closed = fixtures.as(
                office,
                () -> postings.update(
                        posting.id(),
                        new PostingInput(
                                workshop.id(),
                                "缝纫工",
                                TestFixtures.VILLAGE_A,
                                "HANDICRAFT",
                                List.of("SEWING"),
                                new BigDecimal("3000"),
                                40,
                                12,
                                LocalDate.of(2026, 11, 1),
                                LocalDate.of(2026, 12, 31),
                                "CLOSED",
                                posting.version())));
        assertThat(closed.state()).isEqualTo(Posting.State.CLOSED);
        assertThat(audited("posting", posting.id())).isEqualTo(2);
    }

    @Test
    void wrongInputIsRefusedNamingEachFieldAndNothingIsStored() {
        long before = count();
        EmployerInput wrong = new EmployerInput("工厂", " ", "91350100M000100Y44", "110101000000", null, "123", null, 0);
        assertThatThrownBy(() -> fixtures.as(office, () -> employers.create(wrong)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.field())
                                .containsExactlyInAnyOrder("kind", "name", "creditCode", "regionCode", "contactPhone"));
        Employer workshop = fixtures.as(office, () -> employers.create(workshop(TestFixtures.VILLAGE_A)));
        PostingInput badPosting = new PostingInput(
                workshop.id(),
                "x",
                TestFixtures.VILLAGE_A,
                "飞行",
                List.of("飞行员"),
                new BigDecimal("-5"),
                100,
                0,
                LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 10, 1),
                "半开",
                0);
        assertThatThrownBy(() -> fixtures.as(office, () -> postings.create(badPosting)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.field())
                                .containsExactlyInAnyOrder(
                                        "workKind",
                                        "skills",
                                        "monthlyWage",
                                        "hoursPerWeek",
                                        "openings",
                                        "openTo",
                                        "state"));
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void anotherTownshipNeverSeesTheEmployerOrItsPostingAndOnlyTheOfficeChangesThem() throws Exception {
        Employer workshop = fixtures.as(office, () -> employers.create(workshop(TestFixtures.VILLAGE_A)));
        BulwarkUser elsewhere = fixtures.user(Role.TOWNSHIP_REVIEWER, OTHER_TOWNSHIP);
        BulwarkUser township = fixtures.user(Role.TOWNSHIP_REVIEWER, TestFixtures.TOWNSHIP);
        assertThatThrownBy(() -> fixtures.as(elsewhere, () -> employers.employer(workshop.id())))
                .isInstanceOf(NotFoundException.class);
        assertThat(fixtures.as(elsewhere, () -> employers.search(null, null, false)))
                .noneMatch(e -> e.id() == workshop.id());
        mvc.perform(get("/employment/employers/{id}", workshop.id()).with(user(elsewhere)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/employment/employers/{id}", workshop.id())
                        .with(httpBasic(elsewhere.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isNotFound());
        assertThat(fixtures.as(township, () -> employers.employer(workshop.id())))
                .isNotNull();
        assertThatThrownBy(() ->
                        fixtures.as(township, () -> employers.update(workshop.id(), workshop(TestFixtures.VILLAGE_A))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void thePageShowsFieldErrorsAndKeepsWhatWasTyped() throws Exception {
        long before = count();
        String page = mvc.perform(post("/employment/employers")
                        .with(user(office))
                        .with(csrf())
                        .param("kind", "ENTERPRISE")
                        .param("name", "晴隆县测试制衣厂")
                        .param("creditCode", "ABC")
                        .param("regionCode", TestFixtures.VILLAGE_A))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("晴隆县测试制衣厂", "不是有效的统一社会信用代码");
        assertThat(count()).isEqualTo(before);
        mvc.perform(post("/employment/employers")
                        .with(user(office))
                        .with(csrf())
                        .param("kind", "帮扶车间")
                        .param("name", "保家村扶贫车间")
                        .param("regionCode", TestFixtures.VILLAGE_A))
                .andExpect(status().is3xxRedirection());
        assertThat(count()).isEqualTo(before + 1);
        for (String url : List.of(
                "/employment/employers",
                "/employment/postings",
                "/employment/labourers",
                "/employment/employers/new",
                "/employment/postings/new")) {
            mvc.perform(get(url).with(user(office))).andExpect(status().isOk());
        }
    }

    @Test
    void theApiCreatesAPostingAndAnswersProblemDetailsNamingTheField() throws Exception {
        Employer workshop = fixtures.as(office, () -> employers.create(workshop(TestFixtures.VILLAGE_A)));
        String basic = office.getUsername();
        mvc.perform(post("/api/v1/employment/postings")
                        .with(httpBasic(basic, TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"employerId\":" + workshop.id() + ",\"title\":\"包装工\",\"regionCode\":\""
                                + TestFixtures.VILLAGE_A + "\",\"workKind\":\"制造加工\",\"skills\":[\"机械操作\"],"
                                + "\"monthlyWage\":3200,\"openings\":5,\"openFrom\":\"2026-11-01\"}"))
                .andExpect(status().isCreated());
        String problem = mvc.perform(post("/api/v1/employment/postings")
                        .with(httpBasic(basic, TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"employerId\":" + workshop.id() + ",\"title\":\"包装工\",\"regionCode\":\""
                                + TestFixtures.VILLAGE_A + "\",\"workKind\":\"挖矿\",\"monthlyWage\":3200,"
                                + "\"openings\":5,\"openFrom\":\"2026-11-01\"}"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(problem).contains("workKind");
    }

    private long count() {
        return jdbc.sql("select count(*) from employer").query(Long.class).single();
    }

    private long audited(String entity, long id) {
        return jdbc.sql("select count(*) from audit_log where entity_type = :e and entity_id = :i")
                .param("e", entity)
                .param("i", String.valueOf(id))
                .query(Long.class)
                .single();
    }

    static EmployerInput workshop(String village) {
        return new EmployerInput("WORKSHOP", "保家村帮扶车间", creditCode(), village, "罗师傅", "13800001234", true, 0);
    }

    /** A valid unified social credit code not used before (random, with its check character). */
    static String creditCode() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        StringBuilder code = new StringBuilder("93522324");
        while (code.length() < 17) {
            code.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(10)));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(code.charAt(i)) * weights[i];
        }
        return code.append(alphabet.charAt((31 - sum % 31) % 31)).toString();
    }
}
