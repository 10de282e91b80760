package org.bulwark.identity;

import java.time.Instant;

/**
 * An account as its administrators see it (never its password hash).
 *
 * @param locked         locked now after repeated failed sign-ins ({@code lockedUntil} says until when)
 * @param lastSignInAt   the last successful sign-in through the login form, null when there was none
 */
public record UserAccount(
        long id,
        String username,
        String displayName,
        Role role,
        String regionCode,
        String regionName,
        String department,
        boolean enabled,
        boolean locked,
        Instant lockedUntil,
        int failedLogins,
        Instant lastSignInAt,
        Instant passwordChangedAt,
        boolean mustChangePassword,
        Instant createdAt) {}
