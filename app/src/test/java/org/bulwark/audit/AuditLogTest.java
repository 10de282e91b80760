package org.bulwark.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.Role;
import org.bulwark.registry.HouseholdFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Every change is audited with who, what and the values before and after; nobody can edit the log. */
@DatabaseTest
class AuditLogTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    AuditLog audit;

    @Autowired
    ChainCheck chainCheck;

    @Autowired
    JdbcClient jdbc;

    BulwarkUser cadre;
    HouseholdFile household;

    @BeforeEach
    void setUp() {
        cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        household = fixtures.household(cadre, TestFixtures.VILLAGE_A);
    }

    private List<AuditEntry> entriesOfHousehold() {
        return audit.recent(
                RegionScope.nationwide(),
                "household",
                String.valueOf(household.household().id()),
                50);
    }

    @Test
    void aChangeThroughThePageIsRecordedWithBeforeAndAfter() throws Exception {
        mvc.perform(post("/households/{id}/edit", household.household().id())
                        .with(user(cadre))
                        .with(csrf())
                        .param("villageCode", TestFixtures.VILLAGE_A)
                        .param("category", "MONITORED")
                        .param("address", "第9组9号")
                        .param("version", String.valueOf(household.household().version())))
                .andExpect(status().is3xxRedirection());
        AuditEntry update = entriesOfHousehold().get(0);
        assertThat(update.action()).isEqualTo(AuditAction.UPDATE);
        assertThat(update.channel()).isEqualTo("WEB");
        assertThat(update.username()).isEqualTo(cadre.getUsername());
        assertThat(update.regionCode()).isEqualTo(TestFixtures.VILLAGE_A);
        assertThat(update.before()).contains("\"category\": \"ORDINARY\"").contains("第1组1号");
        assertThat(update.after()).contains("\"category\": \"MONITORED\"").contains("第9组9号");
    }

    @Test
    void aChangeThroughTheApiIsRecordedAsApi() throws Exception {
        mvc.perform(put("/api/v1/households/{id}", household.household().id())
                        .with(httpBasic(cadre.getUsername(), TestFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"villageCode\":\"" + TestFixtures.VILLAGE_A + "\",\"category\":\"FORMERLY_POOR\","
                                + "\"version\":" + household.household().version() + "}"))
                .andExpect(status().isOk());
        AuditEntry update = entriesOfHousehold().get(0);
        assertThat(update.action()).isEqualTo(AuditAction.UPDATE);
        assertThat(update.channel()).isEqualTo("API");
        assertThat(update.after()).contains("FORMERLY_POOR");
    }

    @Test
    void creationIsRecordedWithTheMembers() {
        AuditEntry created = entriesOfHousehold().get(entriesOfHousehold().size() - 1);
        assertThat(created.action()).isEqualTo(AuditAction.CREATE);
        assertThat(created.before()).isNull();
        assertThat(created.after()).contains(household.head().orElseThrow().name());
    }

    @Test
    void aRevealIsRecorded() throws Exception {
        long head = household.head().orElseThrow().id();
        String body = mvc.perform(post("/persons/{id}/reveal", head)
                        .param("field", "idNumber")
                        .with(user(cadre))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).contains(household.head().orElseThrow().idNumber());
        List<AuditEntry> reveals = audit.recent(RegionScope.nationwide(), "person", String.valueOf(head), 5);
        assertThat(reveals.get(0).action()).isEqualTo(AuditAction.REVEAL);
    }

    @Test
    void theLogCannotBeUpdatedOrDeleted() {
        long id = entriesOfHousehold().get(0).id();
        assertThatThrownBy(() -> jdbc.sql("update audit_log set username = 'mallory' where id = :id")
                        .param("id", id)
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log where id = :id")
                        .param("id", id)
                        .update())
                .hasMessageContaining("append-only");
    }

    @Test
    void theHashChainIsIntactAndDetectsATamperedEntry() {
        assertThat(audit.brokenLinks()).isEmpty();
        long id = entriesOfHousehold().get(0).id();
        // a superuser who switches the trigger off can change a row, but the chain shows it
        jdbc.sql("alter table audit_log disable trigger audit_log_no_update").update();
        try {
            jdbc.sql("update audit_log set summary = 'forged' where id = :id")
                    .param("id", id)
                    .update();
            assertThat(audit.brokenLinks()).contains(id);
            // the audit page's check, kept between its runs, finds it at its next run
            assertThat(chainCheck.refresh().broken()).contains(id);
            assertThat(chainCheck.current().broken()).contains(id);
            jdbc.sql("update audit_log set summary = null where id = :id")
                    .param("id", id)
                    .update();
        } finally {
            jdbc.sql("alter table audit_log enable trigger audit_log_no_update").update();
        }
        assertThat(audit.brokenLinks()).isEmpty();
        assertThat(chainCheck.refresh().broken()).isEmpty();
    }

    @Test
    void onlyRolesWithAuditPermissionReadTheLog() throws Exception {
        mvc.perform(get("/audit").with(user(cadre))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit").with(httpBasic(cadre.getUsername(), TestFixtures.PASSWORD)))
                .andExpect(status().isForbidden());
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        String page = mvc.perform(get("/audit").with(user(county)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(cadre.getUsername());
    }
}
