package org.bulwark.identity;

/**
 * Event: a sign-in was refused (wrong password, unknown user or locked account).
 *
 * @param role       the account's role, null when no account has this name
 * @param regionCode the account's region, so that the auditors over it see the attempt; for a name without an
 *                   account the region that holds every account ({@link UserAccounts#regionForUnknownNames()}),
 *                   null (nationwide) when the accounts span several provinces
 */
public record SignInFailed(String username, Role role, String regionCode, String reason) {}
