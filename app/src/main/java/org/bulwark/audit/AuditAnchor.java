package org.bulwark.audit;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.bulwark.platform.database.DatabaseServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Anchors the audit chain outside the database. The chain shows a changed or removed entry in its middle, but not
 * its newest entries cut off: what is left is still a valid chain. So the head (count, newest id and hash) is
 * appended to a file ({@code bulwark.audit.anchor.file}, by default {@code audit-anchor.log} in the embedded
 * database's data folder) at start, within {@code bulwark.audit.anchor.after-write} (5 seconds) of a write, every
 * {@code bulwark.audit.anchor.interval} (1 minute) and at shutdown, each time after comparing the database with the
 * line written last. A head that did not change is not written again.
 *
 * <p>On a mismatch the platform still starts (a stopped platform helps no household, and the evidence is kept), but
 * the finding is logged as an error, recorded as an {@link AuditAction#INTEGRITY_ALERT} entry — durable and itself
 * anchored, so removing it is found again — and shown to every reader of the audit page until the next restart.
 */
@Component
public class AuditAnchor {

    private static final Logger log = LoggerFactory.getLogger(AuditAnchor.class);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final AnchorFile file;
    private final ChainWrites writes;
    private volatile AnchorMismatch lastMismatch;

    AuditAnchor(
            JdbcClient jdbc,
            AuditLog audit,
            ChainWrites writes,
            DatabaseServer database,
            @Value("${bulwark.audit.anchor.file:}") String configured) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.writes = writes;
        this.file = new AnchorFile(
                StringUtils.hasText(configured)
                        ? Path.of(configured)
                        : database.embeddedDataDirectory()
                                .orElse(Path.of("data"))
                                .resolve("audit-anchor.log"));
    }

    public Path file() {
        return file.path();
    }

    /** The mismatch found since this start, if any: the audit page warns about it. */
    public Optional<AnchorMismatch> lastMismatch() {
        return Optional.ofNullable(lastMismatch);
    }

    /** Compares the database with the anchored head, reports a mismatch, and anchors the head as it is now. */
    public synchronized Optional<AnchorMismatch> check() {
        Optional<ChainHead> anchored = file.last();
        if (anchored.isEmpty()) {
            begin();
        }
        Optional<AnchorMismatch> mismatch = anchored.flatMap(this::compare);
        mismatch.ifPresent(this::report);
        ChainHead now = head();
        if (!anchored.equals(Optional.of(now))) {
            file.append(now);
        }
        return mismatch;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        checkQuietly();
    }

    @Scheduled(
            fixedDelayString = "${bulwark.audit.anchor.interval:PT1M}",
            initialDelayString = "${bulwark.audit.anchor.interval:PT1M}")
    void periodically() {
        checkQuietly();
    }

    @Scheduled(
            fixedDelayString = "${bulwark.audit.anchor.after-write:PT5S}",
            initialDelayString = "${bulwark.audit.anchor.after-write:PT5S}")
    void soonAfterAWrite() {
        if (writes.takeGrown()) {
            checkQuietly();
        }
    }

    /**
     * At shutdown, as the first thing the context does when it closes: the embedded server has a shutdown hook of its
     * own that stops PostgreSQL at the same time, so this is a best effort; the periodic check bounds what it misses.
     */
    @EventListener(ContextClosedEvent.class)
    void atShutdown() {
        checkQuietly();
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            // the database may be down for a while; the next check compares with the same anchored head
            log.warn("Could not check the audit anchor {}: {}", file.path(), e.getMessage());
        }
    }

    private Optional<AnchorMismatch> compare(ChainHead anchored) {
        if (anchored.count() == 0) {
            return Optional.empty();
        }
        ChainHead found = jdbc.sql("""
                select count(*) as count, (select hash from audit_log where id = :last) as hash
                from audit_log where id <= :last
                """)
                .param("last", anchored.lastId())
                .query((rs, n) -> new ChainHead(rs.getLong("count"), anchored.lastId(), rs.getString("hash")))
                .single();
        return found.equals(anchored) ? Optional.empty() : Optional.of(new AnchorMismatch(anchored, found));
    }

    private ChainHead head() {
        return jdbc.sql("""
                select (select count(*) from audit_log) as count, coalesce(max(id), 0) as last,
                       coalesce((select hash from audit_log order by id desc limit 1), :genesis) as hash
                from audit_log
                """)
                .param("genesis", AuditLog.GENESIS)
                .query((rs, n) -> new ChainHead(rs.getLong("count"), rs.getLong("last"), rs.getString("hash")))
                .single();
    }

    private void begin() {
        ChainHead now = head();
        log.warn("Anchoring the audit chain in {} from now on ({} entries so far)", file.path(), now.count());
        audit.recordFor(
                "system",
                null,
                new AuditRecord(
                        AuditAction.CREATE,
                        "audit_anchor",
                        null,
                        null,
                        null,
                        null,
                        Map.of("file", file.path().toAbsolutePath().toString(), "count", now.count())));
    }

    private void report(AnchorMismatch mismatch) {
        ChainHead anchored = mismatch.anchored();
        log.error(
                "The audit log no longer holds what {} anchored: {} entries up to #{} with hash {}, but the database "
                        + "has {} up to it and hash {} there. Entries were deleted or rewritten; keep the database and "
                        + "the anchor file as evidence",
                file.path(),
                anchored.count(),
                anchored.lastId(),
                anchored.hash(),
                mismatch.found().count(),
                mismatch.found().hash());
        audit.recordFor(
                "system",
                null,
                new AuditRecord(
                        AuditAction.INTEGRITY_ALERT,
                        "audit_log",
                        String.valueOf(anchored.lastId()),
                        null,
                        null,
                        anchored,
                        mismatch.found()));
        lastMismatch = mismatch;
    }
}
