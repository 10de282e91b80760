package org.bulwark.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditEntry;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditSentences;
import org.bulwark.audit.AuditTexts;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A household read with reveal=true unmasks every member's identity number and the phone: each is audited. */
@DatabaseTest
class HouseholdRevealAuditTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditTexts texts;

    @Test
    void everyValueRevealedWithTheHouseholdHasItsOwnAuditEntry() throws Exception {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        HouseholdFile household = fixtures.household(
                cadre,
                TestFixtures.VILLAGE_A,
                TestFixtures.person("测试配偶", TestFixtures.newIdNumber(), "SPOUSE"),
                TestFixtures.person("测试子女", TestFixtures.newIdNumber(), "CHILD"));
        String body = mvc.perform(
                        get("/api/v1/households/{id}", household.household().id())
                                .param("reveal", "true")
                                .with(httpBasic(cadre.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        household.members().forEach(p -> assertThat(body).contains(p.idNumber()));
        assertThat(body).contains("13800001234");

        Map<String, List<String>> persons = Map.of(
                "person",
                household.members().stream().map(p -> String.valueOf(p.id())).toList());
        List<AuditEntry> reveals =
                audit.about(RegionScope.nationwide(), persons, EnumSet.of(AuditAction.REVEAL), null, 50);
        long head = household.head().orElseThrow().id();
        List<String> expected = new ArrayList<>(
                household.members().stream().map(p -> p.id() + " 查看完整信息：身份证号").toList());
        expected.add(head + " 查看完整信息：联系电话");
        assertThat(reveals)
                .extracting(e -> e.entityId() + " " + AuditSentences.chinese(texts, e))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(reveals).allSatisfy(e -> assertThat(e.channel()).isEqualTo("API"));
    }

    @Test
    void aReadWithoutRevealRecordsNoReveal() throws Exception {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        HouseholdFile household = fixtures.household(cadre, TestFixtures.VILLAGE_A);
        String body = mvc.perform(
                        get("/api/v1/households/{id}", household.household().id())
                                .with(httpBasic(cadre.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).doesNotContain(household.members().get(0).idNumber()).doesNotContain("13800001234");
        assertThat(audit.about(
                        RegionScope.nationwide(),
                        Map.of(
                                "person",
                                List.of(String.valueOf(
                                        household.members().get(0).id()))),
                        EnumSet.of(AuditAction.REVEAL),
                        null,
                        5))
                .isEmpty();
    }
}
