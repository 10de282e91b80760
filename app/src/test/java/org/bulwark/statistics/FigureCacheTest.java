package org.bulwark.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.bulwark.DatabaseTest;
import org.bulwark.TestFixtures;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Figures are computed once while nothing changes, and a change is in the very next view. */
@DatabaseTest
class FigureCacheTest {

    @Autowired
    FigureCache cache;

    @Autowired
    Dashboard dashboard;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AuditLog audit;

    @Test
    void aFigureIsComputedOnceUntilTheDatabaseChanges() {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        AtomicInteger computed = new AtomicInteger();
        String before = cache.stamp();
        assertThat(before).isNotBlank();
        cache.get(before, "test", "q", computed::incrementAndGet);
        cache.get(before, "test", "q", computed::incrementAndGet);
        assertThat(computed).hasValue(1);
        cache.get(before, "test", "other query", computed::incrementAndGet);
        assertThat(computed).hasValue(2);

        fixtures.household(cadre, TestFixtures.VILLAGE_A);
        String after = cache.stamp();
        assertThat(after).isNotEqualTo(before);
        cache.get(after, "test", "q", computed::incrementAndGet);
        assertThat(computed).as("computed again after a change").hasValue(3);
    }

    @Test
    void signingInAndAuditingDoNotMoveTheStamp() {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        String before = cache.stamp();
        jdbc.sql("update app_user set last_sign_in_at = now() where username = :u")
                .param("u", cadre.getUsername())
                .update();
        audit.recordFor(
                cadre.getUsername(),
                cadre.role(),
                new AuditRecord(
                        AuditAction.LOGIN, "user", cadre.getUsername(), TestFixtures.VILLAGE_A, null, null, null));
        assertThat(cache.stamp()).isEqualTo(before);
    }

    @Test
    void aChangeMovesTheStampWhenItCommitsNotBefore() throws Exception {
        BulwarkUser cadre = fixtures.user(Role.VILLAGE_CADRE, TestFixtures.VILLAGE_A);
        long id = fixtures.household(cadre, TestFixtures.VILLAGE_A).household().id();
        // what the registration set off after its commit (other modules following the registry) is done first
        waitForEventsDone();
        String before = cache.stamp();
        CountDownLatch changed = new CountDownLatch(1);
        CountDownLatch read = new CountDownLatch(1);
        Thread writer = new Thread(() -> transactions.executeWithoutResult(status -> {
            jdbc.sql("update household set address = '第9组' where id = :id")
                    .param("id", id)
                    .update();
            jdbc.sql("update household set address = '第8组' where id = :id")
                    .param("id", id)
                    .update();
            changed.countDown();
            await(read);
        }));
        writer.start();
        changed.await();
        assertThat(cache.stamp()).as("not yet committed").isEqualTo(before);
        read.countDown();
        writer.join();
        assertThat(Long.parseLong(cache.stamp()))
                .as("one transaction, one step")
                .isEqualTo(Long.parseLong(before) + 1);
    }

    private void waitForEventsDone() throws InterruptedException {
        for (int i = 0; i < 200 && pendingEvents() > 0; i++) {
            Thread.sleep(50);
        }
    }

    private long pendingEvents() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null")
                .query(Long.class)
                .single();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aHouseholdRegisteredBetweenTwoViewsIsCountedInTheSecond() {
        BulwarkUser county = fixtures.user(Role.COUNTY_APPROVER, TestFixtures.COUNTY);
        long first = households(county);
        assertThat(households(county)).isEqualTo(first);
        fixtures.household(county, TestFixtures.VILLAGE_A);
        assertThat(households(county)).isEqualTo(first + 1);
    }

    /** The county's households: townships are not villages, their figures are never suppressed. */
    private long households(BulwarkUser user) {
        DashboardView view = fixtures.as(user, () -> dashboard.view(TestFixtures.COUNTY, null, Locale.CHINA));
        return view.table("registry").total().cells().stream()
                .filter(c -> c.measure().id().equals("registry.households"))
                .findFirst()
                .orElseThrow()
                .value()
                .longValue();
    }
}
