package org.bulwark.identity;

/** New display name, role, region and department of an account, as typed. */
public record UserChange(String displayName, String role, String regionCode, String department) {}
