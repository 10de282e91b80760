package org.bulwark.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the audit page asks for, each part optional (null: any): who (the user names a name typed on the page
 * matched), the kind of action, the kind of object and its id, a household (the objects that belong to it and the
 * deletions of its parts), and a time range {@code [from, to)}.
 *
 * @param usernames  the users whose entries are wanted; empty when the name typed matched nobody
 * @param objects    for a household: entity type → ids of the household and its parts
 * @param household  the household's id, for the deletions of its members and incomes (found by their before-image)
 */
public record AuditFilter(
        List<String> usernames,
        AuditAction action,
        String entityType,
        String entityId,
        Map<String, ? extends Collection<String>> objects,
        Long household,
        Instant from,
        Instant to) {

    /** No filter: every entry of the reader's region. */
    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null, null, null);
    }
}
