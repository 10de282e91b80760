package org.bulwark.audit;

/** What an audit entry records. */
public enum AuditAction {
    CREATE,
    UPDATE,
    DELETE,
    LOGIN,
    LOGIN_FAILED,
    LOGOUT,
    REVEAL,
    IMPORT,
    GENERATE,
    EXPORT,
    INTEGRITY_ALERT,
    /** An account locked after repeated refused sign-ins. */
    LOCKOUT,
    /** an attempt refused for what it could reveal (an identity number registered outside the user's region) */
    REFUSED
}
