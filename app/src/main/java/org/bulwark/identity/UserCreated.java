package org.bulwark.identity;

/** Event: an account was created (the password is never part of it); department only for department officers. */
public record UserCreated(long id, String username, Role role, String regionCode, String department) {

    public UserCreated(long id, String username, Role role, String regionCode) {
        this(id, username, role, regionCode, null);
    }
}
