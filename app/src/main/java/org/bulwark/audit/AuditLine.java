package org.bulwark.audit;

import java.util.List;
import java.util.Set;

/**
 * One entry of the audit page as its reader reads it: who by name and role, what happened in words, the object by
 * its kind, and the values before and after as rows of labelled, translated values.
 *
 * @param who       the person's display name ("系统" for the platform, "群众" for a public form), or the user name
 *                  of someone without an account
 * @param username  the user name as recorded
 * @param role      the role at the time, in words (null when recorded without one)
 * @param changes   one row per value that differs between before and after (every value of a creation or deletion)
 */
public record AuditLine(
        AuditView entry,
        String who,
        String username,
        String role,
        String action,
        String description,
        String object,
        String channel,
        List<Change> changes) {

    /** The names the platform records its own work under: they are no one's login and are not shown as one. */
    static final Set<String> PLATFORM_NAMES = Set.of("system", "public", "demo-seed");

    /** Whether the entry was written by the platform itself (a task, a public form, the demo seed), not an account. */
    public boolean byPlatform() {
        return PLATFORM_NAMES.contains(username);
    }

    /** One labelled value before and after; a cell holds the pointer of a masked value its reader may reveal. */
    public record Change(String label, Cell before, Cell after) {}

    /** A value as shown, and the JSON pointer to ask for it in full when it is shown masked (else null). */
    public record Cell(String text, String maskedPointer) {}
}
