package org.bulwark.audit;

import java.time.Instant;

/** One line of the audit log as read back. {@code before} and {@code after} are JSON text. */
public record AuditEntry(long id, Instant at, String username, String role, AuditAction action, String entityType,
                         String entityId, String regionCode, String channel, String summary, String before,
                         String after) {
}
