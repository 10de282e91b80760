package org.bulwark.identity;

import java.util.Map;

/**
 * Event: an administrator (or the holder) changed an account; published inside the change's transaction, so its
 * audit entry is stored with it or not at all. Passwords and their hashes are never part of it.
 *
 * @param regionCode the account's region after the change
 */
public record UserAccountChanged(
        long id,
        String username,
        String regionCode,
        Change change,
        Map<String, Object> before,
        Map<String, Object> after) {

    /** What changed. */
    public enum Change {
        DISABLED,
        ENABLED,
        UNLOCKED,
        PASSWORD_RESET,
        PASSWORD_CHANGED,
        PROFILE_CHANGED
    }
}
