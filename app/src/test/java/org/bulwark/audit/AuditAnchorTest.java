package org.bulwark.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hash chain alone cannot tell that its newest entries were cut off (what is left is a valid chain), so its head
 * — the count and the newest hash — is written to an append-only file outside the database, and each check (at
 * start, periodically, at shutdown) compares the database with the last line written.
 */
@DatabaseTest
class AuditAnchorTest {

    @Autowired
    AuditAnchor anchor;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    ChainWrites writes;

    @Autowired
    TransactionTemplate tx;

    @Test
    void deletingTheNewestEntriesIsDetectedOnTheNextCheck() throws Exception {
        recordSome(3);
        assertThat(anchor.check()).as("an intact log").isEmpty();
        long newest = newestId();
        asSuperuserWithoutTheTrigger("delete from audit_log where id >= " + (newest - 1));
        assertThat(audit.brokenLinks()).as("what is left is a valid chain").isEmpty();

        Optional<AnchorMismatch> found = anchor.check();

        assertThat(found).as("the truncation is found").isPresent();
        assertThat(found.get().anchored().lastId()).isEqualTo(newest);
        AuditEntry alert =
                audit.recent(RegionScope.nationwide(), "audit_log", null, 1).get(0);
        assertThat(alert.action()).isEqualTo(AuditAction.INTEGRITY_ALERT);
        assertThat(alert.before()).contains(String.valueOf(newest));
        BulwarkUser auditor = fixtures.user(Role.PROVINCE_ADMIN, "520000000000");
        String page = mvc.perform(get("/audit").with(user(auditor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("审计日志末尾的记录被删除或改写").contains(String.valueOf(newest));
    }

    @Test
    void rewritingTheNewestEntryIsDetected() {
        recordSome(2);
        assertThat(anchor.check()).isEmpty();
        long newest = newestId();
        // a chain recomputed after the change is valid again; only the anchor knows the old head
        asSuperuserWithoutTheTrigger("update audit_log set summary = 'forged', hash = audit_row_hash(prev_hash, at, "
                + "username, role, action, entity_type, entity_id, region_code, channel, 'forged', before, after) "
                + "where id = " + newest);
        assertThat(audit.brokenLinks()).isEmpty();

        assertThat(anchor.check()).isPresent();
    }

    @Test
    void eachCheckAppendsTheHeadAndNeverRewritesTheFile() throws Exception {
        recordSome(1);
        anchor.check();
        List<String> before = Files.readAllLines(anchor.file());
        recordSome(2);

        assertThat(anchor.check()).isEmpty();

        List<String> after = Files.readAllLines(anchor.file());
        assertThat(after).hasSize(before.size() + 1).startsWith(before.toArray(String[]::new));
        assertThat(after.get(after.size() - 1)).contains("last=" + newestId());
    }

    @Test
    void aCommittedEntryAndNotARolledBackOneCallsForAnAnchorSoon() {
        writes.takeGrown();
        tx.executeWithoutResult(status -> {
            recordSome(1);
            assertThat(writes.takeGrown()).as("before the commit").isFalse();
        });
        assertThat(writes.takeGrown()).as("after the commit").isTrue();
        assertThat(writes.takeGrown()).as("once").isFalse();
        tx.executeWithoutResult(status -> {
            recordSome(1);
            status.setRollbackOnly();
        });
        assertThat(writes.takeGrown()).as("rolled back").isFalse();
    }

    private void recordSome(int n) {
        for (int i = 0; i < n; i++) {
            audit.recordFor(
                    "anchor-test",
                    null,
                    new AuditRecord(
                            AuditAction.UPDATE,
                            "region",
                            "520000000000",
                            "520000000000",
                            "anchor test " + i,
                            null,
                            Map.of("i", i)));
        }
    }

    private long newestId() {
        return jdbc.sql("select max(id) from audit_log").query(Long.class).single();
    }

    /** What a superuser of the database can do: switch the append-only trigger off for a moment. */
    private void asSuperuserWithoutTheTrigger(String sql) {
        jdbc.sql("alter table audit_log disable trigger audit_log_no_update").update();
        try {
            jdbc.sql(sql).update();
        } finally {
            jdbc.sql("alter table audit_log enable trigger audit_log_no_update").update();
        }
    }
}
