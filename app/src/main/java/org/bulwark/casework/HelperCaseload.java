package org.bulwark.casework;

/**
 * A helper's households and how many of them are due a visit. A helper recorded from a county's roster without an
 * account has no {@code helperId} and no {@code username}; {@code helperPersonId} names its helper record instead.
 */
public record HelperCaseload(
        Long helperId,
        Long helperPersonId,
        String username,
        String name,
        String regionCode,
        int households,
        int visitsOverdue) {

    /** Whether the helper signs in to the platform (false for a roster's helper known by name and phone). */
    public boolean hasAccount() {
        return helperId != null;
    }
}
