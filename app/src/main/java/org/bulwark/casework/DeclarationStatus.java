package org.bulwark.casework;

/** Where a declaration stands; the names are the values of {@code declaration.status}. */
public enum DeclarationStatus {
    /** Waiting for a cadre: the only status a declaration may leave. */
    RECEIVED,
    /** A case was opened for the household. */
    ACCEPTED,
    /** Declined, with the reason the declarant is told. */
    DECLINED,
    /**
     * The household's case was already under way: the declaration joined it (issue 14, item 13); the declarant is
     * told it is being handled with that case, not that it was declined.
     */
    ATTACHED
}
