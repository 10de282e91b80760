package org.bulwark.identity;

/**
 * What the users page asks for: accounts of a region (code of any level, blank for the whole scope), a role, a
 * state; one page of {@code size}.
 */
public record UserFilter(String regionCode, String role, State state, int page, int size) {

    /** An account's state as the filter sees it. */
    public enum State {
        ENABLED,
        DISABLED,
        LOCKED
    }

    public UserFilter {
        page = Math.max(page, 0);
        size = Math.min(Math.max(size, 1), 200);
    }
}
