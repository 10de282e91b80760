package org.bulwark.identity;

/** An account to create, as typed: the role by name, the region by code of any level, the password twice. */
public record NewUser(
        String username,
        String displayName,
        String role,
        String regionCode,
        String department,
        String password,
        String passwordConfirmation) {}
