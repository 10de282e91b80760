package org.bulwark.audit;

/**
 * The audit page's filter as typed (each part optional): a person's name or user name, an action, a kind of object
 * and its id, a household number, and the first and last day (yyyy-MM-dd, in the platform's time zone). Bound from
 * the page's and the API's request parameters alike: a blank part is no filter, and pages count from 1.
 */
public record AuditQuery(
        String who,
        String action,
        String entityType,
        String entityId,
        String household,
        String from,
        String to,
        Integer page) {

    public AuditQuery {
        who = blankToNull(who);
        action = blankToNull(action);
        entityType = blankToNull(entityType);
        entityId = blankToNull(entityId);
        household = blankToNull(household);
        from = blankToNull(from);
        to = blankToNull(to);
        page = page == null || page < 1 ? 1 : page;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
