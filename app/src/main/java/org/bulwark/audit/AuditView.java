package org.bulwark.audit;

import java.time.Instant;
import java.util.List;

/**
 * An audit entry as its reader may see it: {@code before} and {@code after} (JSON text) with identity and phone
 * numbers masked and, for readers without READ_SENSITIVE_DATA, health, disability, medical and bank values withheld.
 *
 * @param masked   the masked values with their JSON pointers (e.g. {@code /after/members/0/idNumber}); a reader
 *                 allowed to reveal personal data may ask for each one, and each such reveal is audited
 * @param withheld JSON pointers of the sensitive values this reader may not read
 * @param summaryKey  what happened, as a message key under {@code audit.summary.} (null for an entry in free text)
 * @param summaryArgs the key's arguments (JSON)
 * @param description what happened in the reader's language, for an entry with a key or a recognised free text
 */
public record AuditView(
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
        List<MaskedValue> masked,
        List<String> withheld,
        String summaryKey,
        String summaryArgs,
        String description) {

    /** A value shown masked, and where it is in the entry. */
    public record MaskedValue(String pointer, String shown) {}
}
