package org.bulwark.identity;

/** An account's second factor was enrolled, removed, reset by a security administrator, or a recovery code used. */
public record SecondFactorChanged(long userId, String username, String regionCode, Change change) {

    public enum Change {
        ENROLLED,
        DISABLED,
        RESET,
        RECOVERY_CODE_USED
    }
}
