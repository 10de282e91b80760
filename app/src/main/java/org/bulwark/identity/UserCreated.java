package org.bulwark.identity;

/** Event: an account was created (the password is never part of it). */
public record UserCreated(long id, String username, Role role, String regionCode) {
}
