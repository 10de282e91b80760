package org.bulwark.identity;

/** Accounts of a scope: in all, disabled, locked now, and waiting for their holder to choose a new password. */
public record UserCounts(long total, long disabled, long locked, long mustChangePassword) {}
