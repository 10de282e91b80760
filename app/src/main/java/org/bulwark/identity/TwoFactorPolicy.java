package org.bulwark.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which roles must sign in with a second factor ({@code bulwark.security.two-factor.required-roles}, role names
 * separated by commas). The platform's default names the three privileged administrators and the county, prefecture
 * and province roles (MLPS 2.0 level 3); the demo starts with none, so that its examples work with the password
 * alone. An account of such a role that has not enrolled is sent to enrolment after signing in with its password,
 * and the API does not accept its password at all (it uses a personal access token).
 */
@Component
public class TwoFactorPolicy {

    private final Set<Role> required;

    TwoFactorPolicy(@Value("${bulwark.security.two-factor.required-roles:}") String roles) {
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(","))
                .map(String::strip)
                .filter(r -> !r.isEmpty())
                .forEach(r -> parsed.add(Role.valueOf(r)));
        this.required = Set.copyOf(parsed);
    }

    /** The roles that must use a second factor, in the order of {@link Role}. */
    public List<Role> requiredRoles() {
        return Arrays.stream(Role.values()).filter(required::contains).toList();
    }

    /** Whether holders of this role must use a second factor. */
    public boolean requires(Role role) {
        return required.contains(role);
    }
}
