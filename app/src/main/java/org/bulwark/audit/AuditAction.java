package org.bulwark.audit;

/** What an audit entry records. */
public enum AuditAction {
    CREATE, UPDATE, DELETE, LOGIN, LOGIN_FAILED, LOGOUT, REVEAL, IMPORT, GENERATE, EXPORT,
    /** an attempt refused for what it could reveal (an identity number registered outside the user's region) */
    REFUSED
}
