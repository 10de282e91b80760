package org.bulwark.identity;

/**
 * A second factor was asked for at sign-in: passed or refused, and how ({@code totp}, {@code recovery-code}, or
 * {@code password-only} when the API refused a password of an account that must use a token).
 */
public record SecondFactorChecked(String username, Role role, String regionCode, boolean passed, String method) {}
