package org.bulwark.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.Arrays;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.core.identity.IdentityNumber;
import org.bulwark.core.identity.Sex;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Bad input through the API and the pages: each is refused naming the field and the reason, nothing is saved. */
@DatabaseTest
class RegistryInputTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    BulwarkUser cadre;

    @BeforeEach
    void setUp() {
        cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
    }

    private long households() {
        return jdbc.sql("select count(*) from household").query(Long.class).single();
    }

    private long persons() {
        return jdbc.sql("select count(*) from person").query(Long.class).single();
    }

    private ResultActions postHousehold(String village, String members) throws Exception {
        return mvc.perform(post("/api/v1/households")
                .with(httpBasic(cadre.getUsername(), TestFixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"villageCode\":\"" + village + "\",\"category\":\"ORDINARY\",\"address\":\"第2组\","
                        + "\"members\":[" + members + "]}"));
    }

    private static String member(String name, String idNumber, String relation) {
        return "{\"name\":\"" + name + "\",\"idNumber\":\"" + idNumber + "\",\"relation\":\"" + relation + "\"}";
    }

    private static String wrongCheckDigit() {
        String valid = TestFixtures.newIdNumber();
        char wrong = valid.charAt(17) == '1' ? '2' : '1';
        return valid.substring(0, 17) + wrong;
    }

    @Test
    void registersAValidHouseholdAndComputesNothingPartial() throws Exception {
        long before = households();
        postHousehold(
                        TestFixtures.VILLAGE_A,
                        member("张三", TestFixtures.newIdNumber(), "HEAD") + ","
                                + member(
                                        "李四", TestFixtures.newIdNumber(LocalDate.of(1975, 3, 1), Sex.FEMALE), "SPOUSE"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.members.length()").value(2))
                .andExpect(jsonPath("$.householdNumber").value(Matchers.startsWith(TestFixtures.VILLAGE_A)))
                .andExpect(jsonPath("$.members[0].idNumber").value(Matchers.containsString("*")));
        assertThat(households()).isEqualTo(before + 1);
    }

    @Test
    void aHouseholdThatMovedAwayKeepsItsNumberAndTheNextOneHereGetsAFreshOne() throws Exception {
        String moved = JsonPath.read(
                postHousehold(TestFixtures.VILLAGE_A, member("迁出甲", TestFixtures.newIdNumber(), "HEAD"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.householdNumber");
        jdbc.sql("update household set village_code = :b where household_number = :n")
                .param("b", TestFixtures.VILLAGE_B)
                .param("n", moved)
                .update();

        String next = JsonPath.read(
                postHousehold(TestFixtures.VILLAGE_A, member("新户甲", TestFixtures.newIdNumber(), "HEAD"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.householdNumber");
        assertThat(next).startsWith(TestFixtures.VILLAGE_A).isGreaterThan(moved);
    }

    @Test
    void phonesFollowTheCoreRuleAndAreStoredInTheirNormalForm() throws Exception {
        String members = member("区号甲", TestFixtures.newIdNumber(), "HEAD");
        // a landline as people type it: area code, spaces; stored with the hyphen after the area code
        mvc.perform(post("/api/v1/households")
                        .with(httpBasic(cadre.getUsername(), TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"villageCode\":\"" + TestFixtures.VILLAGE_A + "\",\"category\":\"ORDINARY\","
                                + "\"phone\":\"0851 322 1234\",\"members\":[" + members + "]}"))
                .andExpect(status().isCreated());
        assertThat(jdbc.sql(
                                "select h.phone from household h join person p on p.household_id = h.id where p.name = '区号甲'"
                                        + " order by h.id desc limit 1")
                        .query(String.class)
                        .single())
                .isEqualTo("0851-3221234");

        // a local number of 6 digits is no phone, whichever form it comes through
        long before = households();
        mvc.perform(post("/api/v1/households")
                        .with(httpBasic(cadre.getUsername(), TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"villageCode\":\"" + TestFixtures.VILLAGE_A + "\",\"category\":\"ORDINARY\","
                                + "\"phone\":\"0851-322123\",\"members\":["
                                + member("李四", TestFixtures.newIdNumber(), "HEAD") + "]}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("phone"))
                .andExpect(jsonPath("$.errors[0].code").value("phone"));
        assertThat(households()).isEqualTo(before);
    }

    @Test
    void wrongCheckDigitIsNamedAndNothingIsSaved() throws Exception {
        long hh = households();
        long pp = persons();
        postHousehold(
                        TestFixtures.VILLAGE_A,
                        member("张三", TestFixtures.newIdNumber(), "HEAD") + ","
                                + member("李四", wrongCheckDigit(), "SPOUSE"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("members[1].idNumber"))
                .andExpect(jsonPath("$.errors[0].code").value("id_check_digit"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("check digit")));
        assertThat(households()).isEqualTo(hh);
        assertThat(persons()).isEqualTo(pp);
    }

    @Test
    void unknownAndNonVillageRegionsAreRefused() throws Exception {
        postHousehold("522324999999", member("张三", TestFixtures.newIdNumber(), "HEAD"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("villageCode"))
                .andExpect(jsonPath("$.errors[0].code").value("unknown_region"));
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        mvc.perform(post("/api/v1/households")
                        .with(httpBasic(county.getUsername(), TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"villageCode\":\"" + TestFixtures.TOWNSHIP + "\",\"category\":\"ORDINARY\","
                                + "\"members\":[" + member("张三", TestFixtures.newIdNumber(), "HEAD") + "]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("not_village"));
    }

    @Test
    void birthDateInTheFutureIsRefused() throws Exception {
        String future = IdentityNumber.compose("522324", LocalDate.now().plusYears(1), 11, Sex.MALE)
                .value();
        postHousehold(TestFixtures.VILLAGE_A, member("张三", future, "HEAD"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("members[0].idNumber"))
                .andExpect(jsonPath("$.errors[0].code").value("id_birth_date_in_future"));
    }

    @Test
    void missingRequiredFieldsAreAllReportedAtOnce() throws Exception {
        mvc.perform(post("/api/v1/households")
                        .with(httpBasic(cadre.getUsername(), TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"members\":[{\"name\":\"\"}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[?(@.field=='villageCode')].code").value("required"))
                .andExpect(jsonPath("$.errors[?(@.field=='category')].code").value("required"))
                .andExpect(
                        jsonPath("$.errors[?(@.field=='members[0].name')].code").value("required"))
                .andExpect(jsonPath("$.errors[?(@.field=='members[0].idNumber')].code")
                        .value("required"))
                .andExpect(jsonPath("$.errors[?(@.field=='members[0].relation')].code")
                        .value("required"));
    }

    @Test
    void aPersonAlreadyInAnotherHouseholdIsRefused() throws Exception {
        HouseholdFile existing = fixtures.household(cadre, TestFixtures.VILLAGE_A);
        String taken = existing.head().orElseThrow().idNumber();
        long hh = households();
        postHousehold(TestFixtures.VILLAGE_A, member("王五", taken, "HEAD"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("members[0].idNumber"))
                .andExpect(jsonPath("$.errors[0].code").value("already_registered"));
        mvc.perform(post("/api/v1/households/{id}/members", existing.household().id())
                        .with(httpBasic(cadre.getUsername(), TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(member("王五", taken, "CHILD")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("already_registered"));
        assertThat(households()).isEqualTo(hh);
    }

    @Test
    void negativeIncomeAmountsAreRefusedByField() throws Exception {
        HouseholdFile existing = fixtures.household(cadre, TestFixtures.VILLAGE_A);
        mvc.perform(put(
                                "/api/v1/households/{id}/incomes/2025",
                                existing.household().id())
                        .with(httpBasic(cadre.getUsername(), TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"wage\":-5,\"operating\":0,\"property\":0,\"transfer\":0,\"productionCost\":0}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("wage"))
                .andExpect(jsonPath("$.errors[0].code").value("negative"));
        mvc.perform(get("/api/v1/households/{id}/incomes", existing.household().id())
                        .with(httpBasic(cadre.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void incomeIsStoredWithNetAndPerCapitaFromTheCore() throws Exception {
        HouseholdFile existing = fixtures.household(
                cadre, TestFixtures.VILLAGE_A, TestFixtures.person("成员", TestFixtures.newIdNumber(), "CHILD"));
        mvc.perform(
                        put(
                                        "/api/v1/households/{id}/incomes/2025",
                                        existing.household().id())
                                .with(httpBasic(cadre.getUsername(), TestFixtures.PASSWORD))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"wage\":12000,\"operating\":3000,\"property\":500,\"transfer\":1500,\"productionCost\":1000}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.netIncome").value(16000.0))
                .andExpect(jsonPath("$.members").value(2))
                .andExpect(jsonPath("$.perCapita").value(8000.0));
    }

    @Test
    void malformedAndOversizedPayloadsAreRefused() throws Exception {
        mvc.perform(post("/api/v1/households")
                        .with(httpBasic(cadre.getUsername(), TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"villageCode\": [unclosed"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        byte[] big = new byte[2 * 1024 * 1024];
        Arrays.fill(big, (byte) ' ');
        mvc.perform(post("/api/v1/households")
                        .with(httpBasic(cadre.getUsername(), TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(big))
                .andExpect(status().isPayloadTooLarge());
    }

    @Test
    void pageFormShowsFieldErrorsAndKeepsWhatWasTyped() throws Exception {
        long hh = households();
        String page = mvc.perform(post("/households/new")
                        .with(user(cadre))
                        .with(csrf())
                        .param("villageCode", TestFixtures.VILLAGE_A)
                        .param("category", "ORDINARY")
                        .param("address", "第3组")
                        .param("head.name", "赵六")
                        .param("head.idNumber", wrongCheckDigit())
                        .param("head.relation", "HEAD")
                        .param("head.disability", "NONE"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("身份证号校验位错误").contains("value=\"赵六\"").contains("is-invalid");
        assertThat(households()).isEqualTo(hh);
    }

    @Test
    void pageFormCreatesAHouseholdAndRedirectsToItsFile() throws Exception {
        String location = mvc.perform(post("/households/new")
                        .with(user(cadre))
                        .with(csrf())
                        .param("villageCode", TestFixtures.VILLAGE_A)
                        .param("category", "MONITORED")
                        .param("head.name", "钱七")
                        .param("head.idNumber", TestFixtures.newIdNumber())
                        .param("head.relation", "HEAD")
                        .param("head.disability", "NONE"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).matches("/households/\\d+");
        String file = mvc.perform(get(location).with(user(cadre)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(file).contains("钱七").contains("监测户");
    }

    @Test
    void aChangeBasedOnAStaleVersionIsRefusedAsAConflict() throws Exception {
        HouseholdFile existing = fixtures.household(cadre, TestFixtures.VILLAGE_A);
        String change = "{\"villageCode\":\"" + TestFixtures.VILLAGE_A + "\",\"category\":\"MONITORED\",\"version\":"
                + existing.household().version() + "}";
        mvc.perform(put("/api/v1/households/{id}", existing.household().id())
                        .with(httpBasic(cadre.getUsername(), TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(change))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/households/{id}", existing.household().id())
                        .with(httpBasic(cadre.getUsername(), TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(change.replace("MONITORED", "ORDINARY")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("changed by someone else")));
    }
}
