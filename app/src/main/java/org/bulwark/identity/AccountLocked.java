package org.bulwark.identity;

import java.time.Instant;

/** Event: repeated refused sign-ins locked an account until {@code until}. */
public record AccountLocked(String username, Role role, String regionCode, int failures, Instant until) {}
