package org.bulwark.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts an administrator looks after: those of their region subtree, with roles no higher than their own.
 * Every check is here, below the pages and the API: an account outside the subtree is not found, a region outside
 * it does not exist, input is checked whole (each wrong field named) before anything is stored, and every change is
 * published as an event that the audit log records in the same transaction.
 */
@Service
public class UserAdministration {

    private final CurrentUser currentUser;
    private final AccountStore store;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final UserSessions sessions;
    private final AccountChecks checks;

    UserAdministration(CurrentUser currentUser, AccountStore store, AccountChecks checks, PasswordPolicy policy,
                       PasswordEncoder encoder, ApplicationEventPublisher events, UserSessions sessions) {
        this.currentUser = currentUser;
        this.store = store;
        this.checks = checks;
        this.policy = policy;
        this.encoder = encoder;
        this.events = events;
        this.sessions = sessions;
    }

    /** One page of the accounts of the administrator's subtree that match the filter. */
    @Transactional(readOnly = true)
    public UserPage list(UserFilter filter) {
        BulwarkUser admin = requireAdmin();
        RegionScope region = admin.scope();
        if (filter.regionCode() != null && !filter.regionCode().isBlank()) {
            region = checks.scopeWithin(admin, filter.regionCode().strip(), "region");
        }
        Role role = null;
        if (filter.role() != null && !filter.role().isBlank()) {
            role = AccountChecks.role(filter.role(), "role");
        }
        return store.page(admin.scope(), region, role, filter.state(), filter.page(), filter.size());
    }

    /** Counts of the administrator's subtree: all, disabled, locked, waiting for a new password. */
    @Transactional(readOnly = true)
    public UserCounts counts() {
        return store.counts(requireAdmin().scope());
    }

    /** The account with this id, if it lies in the administrator's subtree. */
    @Transactional(readOnly = true)
    public UserAccount get(long id) {
        return store.find(requireAdmin().scope(), id).orElseThrow(() -> new NotFoundException("user", id));
    }

    /** The roles the administrator may give, in the order of {@link Role}. */
    public List<Role> grantableRoles() {
        BulwarkUser admin = requireAdmin();
        return Arrays.stream(Role.values()).filter(admin.role()::mayGrant).toList();
    }

    /** The departments a department officer may work for (code → Chinese name): the data catalogue's, in its order. */
    public Map<String, String> departments() {
        return checks.departments();
    }

    /** The password rules, for the form's hint. */
    public PasswordPolicy passwordPolicy() {
        return policy;
    }

    /**
     * Creates an account in the administrator's subtree. Its holder must choose a new password at the first sign-in
     * (the administrator knows this one).
     */
    @Transactional
    public long create(NewUser input) {
        BulwarkUser admin = requireAdmin();
        List<FieldProblem> problems = new ArrayList<>();
        String username = checks.username(input.username(), problems);
        AccountChecks.Profile profile = checks.profile(admin, input.displayName(), input.role(), input.regionCode(),
                input.department(), problems);
        problems.addAll(policy.check("password", input.password(), username));
        if (input.password() != null && !input.password().equals(input.passwordConfirmation())) {
            problems.add(new FieldProblem("passwordConfirmation", "password_mismatch", "does not match the password"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = store.insert(username, encoder.encode(input.password()), profile.displayName(), profile.role(),
                profile.region().code(), profile.department());
        events.publishEvent(new UserCreated(id, username, profile.role(), profile.region().code(),
                profile.department()));
        return id;
    }

    /** Changes an account's display name, role, region and department. */
    @Transactional
    public void update(long id, UserChange input) {
        BulwarkUser admin = requireAdmin();
        UserAccount before = target(admin, id);
        List<FieldProblem> problems = new ArrayList<>();
        AccountChecks.Profile profile = checks.profile(admin, input.displayName(), input.role(), input.regionCode(),
                input.department(), problems);
        // an administrator cannot raise, lower or move themselves: the administrator above them does that
        if (before.id() == admin.id() && (profile.role() != before.role() || profile.region() == null
                || !profile.region().code().equals(before.regionCode()))) {
            problems.add(new FieldProblem("role", "own_account", "not your own role or region"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        store.updateProfile(id, profile.displayName(), profile.role(), profile.region().code(), profile.department());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("displayName", profile.displayName());
        after.put("role", profile.role().name());
        after.put("regionCode", profile.region().code());
        after.put("department", profile.department());
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("displayName", before.displayName());
        was.put("role", before.role().name());
        was.put("regionCode", before.regionCode());
        was.put("department", before.department());
        changed(before, profile.region().code(), UserAccountChanged.Change.PROFILE_CHANGED, was, after);
        if (profile.role() != before.role() || !profile.region().code().equals(before.regionCode())) {
            sessions.end(before.username());
        }
    }

    /** Disables an account: its holder can no longer sign in, and open sessions end. */
    @Transactional
    public void disable(long id) {
        UserAccount before = changeable(id);
        store.setEnabled(id, false);
        changed(before, before.regionCode(), UserAccountChanged.Change.DISABLED, Map.of("enabled", before.enabled()),
                Map.of("enabled", false));
        sessions.end(before.username());
    }

    /** Enables a disabled account again. */
    @Transactional
    public void enable(long id) {
        UserAccount before = changeable(id);
        store.setEnabled(id, true);
        changed(before, before.regionCode(), UserAccountChanged.Change.ENABLED, Map.of("enabled", before.enabled()),
                Map.of("enabled", true));
    }

    /** Lifts a lockout after repeated failed sign-ins. */
    @Transactional
    public void unlock(long id) {
        UserAccount before = changeable(id);
        store.unlock(id);
        changed(before, before.regionCode(), UserAccountChanged.Change.UNLOCKED,
                Map.of("failedLogins", before.failedLogins(), "locked", before.locked()),
                Map.of("failedLogins", 0, "locked", false));
    }

    /** Sets a new password that its holder must change at the next sign-in; lifts a lockout; ends open sessions. */
    @Transactional
    public void resetPassword(long id, String password, String confirmation) {
        UserAccount before = changeable(id);
        List<FieldProblem> problems = new ArrayList<>(policy.check("password", password, before.username()));
        if (password != null && !password.equals(confirmation)) {
            problems.add(new FieldProblem("passwordConfirmation", "password_mismatch", "does not match the password"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        store.setPassword(id, encoder.encode(password), true);
        changed(before, before.regionCode(), UserAccountChanged.Change.PASSWORD_RESET,
                Map.of("mustChangePassword", before.mustChangePassword()), Map.of("mustChangePassword", true));
        sessions.end(before.username());
    }

    /** The signed-in user chooses a new password (any role), proving the current one. */
    @Transactional
    public void changeOwnPassword(String current, String password, String confirmation) {
        BulwarkUser user = currentUser.require();
        List<FieldProblem> problems = new ArrayList<>();
        String hash = store.passwordHash(user.id());
        if (current == null || current.isEmpty()) {
            problems.add(new FieldProblem("currentPassword", "required", "required"));
        } else if (!encoder.matches(current, hash)) {
            problems.add(new FieldProblem("currentPassword", "password_wrong", "is not your current password"));
        }
        problems.addAll(policy.check("password", password, user.getUsername()));
        if (password != null && !password.isEmpty() && password.equals(current)) {
            problems.add(new FieldProblem("password", "password_reused", "must differ from the current password"));
        }
        if (password != null && !password.equals(confirmation)) {
            problems.add(new FieldProblem("passwordConfirmation", "password_mismatch", "does not match the password"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        store.setPassword(user.id(), encoder.encode(password), false);
        events.publishEvent(new UserAccountChanged(user.id(), user.getUsername(), user.regionCode(),
                UserAccountChanged.Change.PASSWORD_CHANGED, Map.of(), Map.of()));
    }

    /** An account the administrator may change: in the subtree, not above their role, not their own. */
    private UserAccount changeable(long id) {
        BulwarkUser admin = requireAdmin();
        UserAccount account = target(admin, id);
        if (account.id() == admin.id()) {
            throw InvalidInputException.of("user", "own_account", "not your own account");
        }
        return account;
    }

    private UserAccount target(BulwarkUser admin, long id) {
        UserAccount account = store.find(admin.scope(), id).orElseThrow(() -> new NotFoundException("user", id));
        if (!admin.role().mayGrant(account.role())) {
            throw InvalidInputException.of("role", "role_too_high", "the account's role is above your own");
        }
        return account;
    }

    private void changed(UserAccount account, String regionCode, UserAccountChanged.Change change,
                         Map<String, Object> before, Map<String, Object> after) {
        events.publishEvent(new UserAccountChanged(account.id(), account.username(), regionCode, change, before,
                after));
    }

    private BulwarkUser requireAdmin() {
        return currentUser.requirePermission(Role.Permission.MANAGE_USERS);
    }
}
