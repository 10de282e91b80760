package org.bulwark.audit;

import java.time.Instant;

/**
 * One line of the audit log as read back. {@code before}, {@code after} and {@code summaryArgs} are JSON text;
 * {@code summaryKey} is null for an entry said in free text ({@code summary}), as every entry before issue 14 was.
 */
public record AuditEntry(
        long id,
        Instant at,
        String username,
        String role,
        AuditAction action,
        String entityType,
        String entityId,
        String regionCode,
        String channel,
        String summary,
        String before,
        String after,
        String summaryKey,
        String summaryArgs) {}
