package org.bulwark.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.Role;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.registry.Person;
import org.bulwark.registry.PersonInput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;

/**
 * The audit log's values before and after obey the rules of every other read: identity and phone numbers masked for
 * every role, revealed one value at a time by roles holding REVEAL_PERSONAL_DATA (and the reveal audited); health and
 * disability values withheld from roles without READ_SENSITIVE_DATA.
 */
@DatabaseTest
class AuditDisclosureTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    AuditLog audit;

    @Autowired
    ObjectMapper json;

    @Autowired
    AuditTexts texts;

    HouseholdFile household;
    Person spouse;
    long created;

    @BeforeEach
    void setUp() {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        PersonInput ill = new PersonInput(
                "测试病人",
                TestFixtures.newIdNumber(),
                "SPOUSE",
                null,
                null,
                "PRIMARY",
                "SERIOUS_ILLNESS",
                "GRADE_2",
                "ABLE",
                "FARMING",
                null,
                0,
                "NOT_SCHOOL_AGE",
                true,
                true);
        household = fixtures.household(cadre, TestFixtures.VILLAGE_A, ill);
        spouse = household.members().stream()
                .filter(p -> p.name().equals("测试病人"))
                .findFirst()
                .orElseThrow();
        created = audit.recent(
                        RegionScope.nationwide(),
                        "household",
                        String.valueOf(household.household().id()),
                        1)
                .get(0)
                .id();
    }

    String api(BulwarkUser reader) throws Exception {
        return mvc.perform(get("/api/v1/audit")
                        .param("entityType", "household")
                        .param("entityId", String.valueOf(household.household().id()))
                        .with(httpBasic(reader.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    String page(BulwarkUser reader) throws Exception {
        return mvc.perform(get("/audit")
                        .param("entityType", "household")
                        .param("entityId", String.valueOf(household.household().id()))
                        .with(user(reader)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void administratorsReadTheLogWithNumbersMaskedAndHealthWithheld() throws Exception {
        List<BulwarkUser> readers = List.of(
                fixtures.user(Role.PROVINCE_ADMIN, "520000000000"),
                fixtures.user(Role.PREFECTURE_ADMIN, "522300000000"));
        for (BulwarkUser reader : readers) {
            for (String shown : List.of(api(reader), page(reader))) {
                assertThat(shown)
                        .as(reader.role().name())
                        .contains(household.household().householdNumber())
                        .doesNotContain(spouse.idNumber())
                        .doesNotContain("13800001234")
                        .doesNotContain("SERIOUS_ILLNESS")
                        .doesNotContain("GRADE_2")
                        .doesNotContain("HEALTHY")
                        .contains(spouse.idNumber().substring(0, 3) + "***********");
            }
            mvc.perform(get("/api/v1/audit/" + created + "/reveal")
                            .param("pointer", "/after/members/1/idNumber")
                            .with(httpBasic(reader.getUsername(), TestFixtures.PASSWORD)))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void theCountyReadsHealthButRevealsNumbersOneAtATimeAndEachRevealIsAudited() throws Exception {
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        String shown = api(county);
        assertThat(shown)
                .doesNotContain(spouse.idNumber())
                .doesNotContain("13800001234")
                .contains("SERIOUS_ILLNESS")
                .contains("GRADE_2")
                .contains("/after/household/phone");
        assertThat(page(county))
                .doesNotContain(spouse.idNumber())
                .contains("hx-post=\"/audit/" + created + "/reveal?pointer=");
        int index = household.members().indexOf(spouse);
        String revealed = mvc.perform(get("/api/v1/audit/" + created + "/reveal")
                        .param("pointer", "/after/members/" + index + "/idNumber")
                        .with(httpBasic(county.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json.readTree(revealed).get("value").asString()).isEqualTo(spouse.idNumber());
        assertThat(json.readTree(revealed).get("pointer").asString())
                .isEqualTo("/after/members/" + index + "/idNumber");
        String phone = mvc.perform(post("/audit/" + created + "/reveal")
                        .param("pointer", "/after/household/phone")
                        .with(user(county))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(phone).contains("13800001234");
        assertThat(audit.recent(RegionScope.nationwide(), "audit_entry", String.valueOf(created), 5))
                .extracting(e ->
                        e.action() + " " + e.username() + " " + AuditSentences.chinese(texts, e) + " " + e.channel())
                .containsExactly(
                        "REVEAL " + county.getUsername() + " 查看完整信息：修改后 · 农户 · 联系电话 WEB",
                        "REVEAL " + county.getUsername() + " 查看完整信息：修改后 · 成员" + (index + 1) + " · 身份证号 API");
    }

    @Test
    void onlyMaskedValuesCanBeRevealed() throws Exception {
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        mvc.perform(get("/api/v1/audit/" + created + "/reveal")
                        .param("pointer", "/after/household/address")
                        .with(httpBasic(county.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isUnprocessableContent());
        // a NUL is refused by the request guard for every parameter, naming it (400)
        mvc.perform(get("/api/v1/audit")
                        .param("entityType", "house\u0000hold")
                        .with(httpBasic(county.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isBadRequest());
        BulwarkUser otherCounty = fixtures.user(Role.COUNTY_APPROVER, "522326000000");
        mvc.perform(get("/api/v1/audit/" + created + "/reveal")
                        .param("pointer", "/after/household/phone")
                        .with(httpBasic(otherCounty.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isNotFound());
    }
}
