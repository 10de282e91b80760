package org.bulwark.audit;

/**
 * The audit page's filter as typed (each part optional): a person's name or user name, an action, a kind of object
 * and its id, a household number, and the first and last day (yyyy-MM-dd, in the platform's time zone).
 */
public record AuditQuery(
        String who,
        String action,
        String entityType,
        String entityId,
        String household,
        String from,
        String to,
        int page) {}
