package org.bulwark.audit;

/**
 * A change to record: the action, the object (type, id and the region it belongs to, which scopes who may read the
 * entry) and the values before and after (any object Jackson can write, or null). What happened is said by a
 * {@link AuditDescription} (a message key and its arguments, read in the reader's language); {@code summary} is free
 * text for the few writers that have no description yet, and what every entry written before descriptions holds.
 */
public record AuditRecord(
        AuditAction action,
        String entityType,
        String entityId,
        String regionCode,
        String summary,
        Object before,
        Object after,
        AuditDescription description) {

    /** A record with a free-text summary and no description. */
    public AuditRecord(
            AuditAction action,
            String entityType,
            String entityId,
            String regionCode,
            String summary,
            Object before,
            Object after) {
        this(action, entityType, entityId, regionCode, summary, before, after, null);
    }

    /** The same record said by a message key and its arguments (see {@link AuditDescription#of}). */
    public AuditRecord described(String key, Object... args) {
        return new AuditRecord(
                action, entityType, entityId, regionCode, null, before, after, AuditDescription.of(key, args));
    }

    public static AuditRecord created(String entityType, Object id, String regionCode, Object after) {
        return new AuditRecord(AuditAction.CREATE, entityType, String.valueOf(id), regionCode, null, null, after);
    }

    public static AuditRecord updated(String entityType, Object id, String regionCode, Object before, Object after) {
        return new AuditRecord(AuditAction.UPDATE, entityType, String.valueOf(id), regionCode, null, before, after);
    }

    public static AuditRecord deleted(String entityType, Object id, String regionCode, Object before) {
        return new AuditRecord(AuditAction.DELETE, entityType, String.valueOf(id), regionCode, null, before, null);
    }
}
