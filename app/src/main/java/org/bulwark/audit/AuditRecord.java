package org.bulwark.audit;

/**
 * A change to record: the action, the object (type, id and the region it belongs to, which scopes who may read the
 * entry) and the values before and after (any object Jackson can write, or null).
 */
public record AuditRecord(AuditAction action, String entityType, String entityId, String regionCode, String summary,
                          Object before, Object after) {

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
