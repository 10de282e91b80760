package org.bulwark.identity;

/** Event: a user signed in through the login form. */
public record UserSignedIn(String username, Role role, String regionCode) {}
