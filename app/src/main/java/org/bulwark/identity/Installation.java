package org.bulwark.identity;

import java.util.ArrayList;
import java.util.List;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.region.Region;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The privileged accounts nobody in the platform may create: a province's system, security and audit administrators
 * (the separation of duties lets each be looked after only from a region above). Whoever installs the server
 * creates them from its command line ({@code ./bulwark admin create}); a signed-in user never can. The holder must
 * choose a new password at the first sign-in and, where the role requires it, enrol a second factor.
 */
@Service
public class Installation {

    private final CurrentUser currentUser;
    private final AccountChecks checks;
    private final AccountStore store;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;

    Installation(
            CurrentUser currentUser,
            AccountChecks checks,
            AccountStore store,
            PasswordPolicy policy,
            PasswordEncoder encoder,
            ApplicationEventPublisher events) {
        this.currentUser = currentUser;
        this.checks = checks;
        this.store = store;
        this.policy = policy;
        this.encoder = encoder;
        this.events = events;
    }

    /** Creates a privileged administrator of a region (county, prefecture or province); returns its id. */
    @Transactional
    public long createAdministrator(
            String username, String displayName, String roleName, String regionCode, String password) {
        if (currentUser.find().isPresent()) {
            throw new AccessDeniedException("privileged administrators are created on the server's command line");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String name = checks.username(username, problems);
        String display = checks.displayName(displayName, problems);
        Role role = null;
        try {
            role = Role.valueOf(roleName == null ? "" : roleName.strip());
        } catch (IllegalArgumentException e) {
            // reported below with the other roles that are not privileged
        }
        if (role == null || !role.privileged()) {
            problems.add(new FieldProblem("role", "allowed_values", "SYSTEM_ADMIN, SECURITY_ADMIN or AUDIT_ADMIN"));
        }
        Region region = checks.region(RegionScope.nationwide(), regionCode, problems);
        if (region != null && role != null && !role.fitsLevel(region.level())) {
            problems.add(new FieldProblem("regionCode", "region_level", "a county, prefecture or province"));
        }
        problems.addAll(policy.check("password", password, name));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = store.insert(name, encoder.encode(password), display, role, region.code(), null);
        events.publishEvent(new UserCreated(id, name, role, region.code(), null));
        return id;
    }
}
