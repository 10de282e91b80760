package org.bulwark.casework;

/** A helper's households and how many of them are due a visit. */
public record HelperCaseload(
        long helperId, String username, String name, String regionCode, int households, int visitsOverdue) {}
