package org.bulwark.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.core.region.RegionCode;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts an administrator looks after: those of their region subtree, with roles they may give ({@link Duties}).
 * The separation of duties holds here, below the pages and the API: the system administrator creates, renames,
 * disables, enables accounts and resets passwords; the security administrator gives the role, region and department
 * and lifts lockouts; neither can do the other's part (a refused part is named as a field). An account outside the
 * subtree is not found, a region outside it does not exist, input is checked whole (each wrong field named) before
 * anything is stored, and every change is published as an event that the audit log records in the same transaction.
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

    UserAdministration(
            CurrentUser currentUser,
            AccountStore store,
            AccountChecks checks,
            PasswordPolicy policy,
            PasswordEncoder encoder,
            ApplicationEventPublisher events,
            UserSessions sessions) {
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
        BulwarkUser admin = requireAdministrator();
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
        return store.counts(requireAdministrator().scope());
    }

    /** The account with this id, if it lies in the administrator's subtree. */
    @Transactional(readOnly = true)
    public UserAccount get(long id) {
        return store.find(requireAdministrator().scope(), id).orElseThrow(() -> new NotFoundException("user", id));
    }

    /** The roles the administrator may give, in the order of {@link Role}: none for a system administrator. */
    public List<Role> grantableRoles() {
        BulwarkUser admin = requireAdministrator();
        if (!admin.can(Role.Permission.MANAGE_ROLES)) {
            return List.of();
        }
        return Arrays.stream(Role.values())
                .filter(r -> r != Role.UNASSIGNED && Duties.mayGrant(admin, r))
                .toList();
    }

    /** Whether the signed-in administrator may look after this account (its role and region, not their own duty). */
    public boolean mayLookAfter(UserAccount account) {
        return Duties.mayAdminister(requireAdministrator(), account.role(), account.regionCode());
    }

    /** Whether the signed-in administrator creates, renames, disables accounts and resets passwords. */
    public boolean managesAccounts() {
        return requireAdministrator().can(Role.Permission.MANAGE_ACCOUNTS);
    }

    /** Whether the signed-in administrator gives roles and regions and lifts lockouts. */
    public boolean managesRoles() {
        return requireAdministrator().can(Role.Permission.MANAGE_ROLES);
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
     * Creates an account in a region of the system administrator's subtree, without a role: it cannot sign in until
     * a security administrator gives it one. Its holder must choose a new password at the first sign-in (the
     * administrator knows this one).
     */
    @Transactional
    public long create(NewUser input) {
        BulwarkUser admin = currentUser.requirePermission(Role.Permission.MANAGE_ACCOUNTS);
        List<FieldProblem> problems = new ArrayList<>();
        String username = checks.username(input.username(), problems);
        String displayName = checks.displayName(input.displayName(), problems);
        var region = checks.region(admin, input.regionCode(), problems);
        if (!blank(input.role()) && !Role.UNASSIGNED.name().equals(input.role().strip())) {
            problems.add(new FieldProblem("role", "separation_of_duties", "the security administrator gives roles"));
        }
        problems.addAll(policy.check("password", input.password(), username));
        if (input.password() != null && !input.password().equals(input.passwordConfirmation())) {
            problems.add(new FieldProblem("passwordConfirmation", "password_mismatch", "does not match the password"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = store.insert(
                username, encoder.encode(input.password()), displayName, Role.UNASSIGNED, region.code(), null);
        events.publishEvent(new UserCreated(id, username, Role.UNASSIGNED, region.code(), null));
        return id;
    }

    /**
     * Changes an account: its display name (the system administrator's part), its role, region and department (the
     * security administrator's). A part left out (null or blank) stays; a changed part that is not the
     * administrator's duty is refused with its field named.
     */
    @Transactional
    public void update(long id, UserChange input) {
        BulwarkUser admin = requireAdministrator();
        UserAccount before = target(admin, id);
        List<FieldProblem> problems = new ArrayList<>();
        String displayName =
                blank(input.displayName()) ? before.displayName() : checks.displayName(input.displayName(), problems);
        if (!displayName.equals(before.displayName()) && !admin.can(Role.Permission.MANAGE_ACCOUNTS)) {
            problems.add(new FieldProblem(
                    "displayName", "separation_of_duties", "the system administrator renames accounts"));
        }
        AccountChecks.Profile profile =
                new AccountChecks.Profile(displayName, before.role(), null, before.department());
        String regionCode = before.regionCode();
        if (grantChanges(before, input)) {
            if (!admin.can(Role.Permission.MANAGE_ROLES)) {
                problems.add(new FieldProblem(
                        "role", "separation_of_duties", "the security administrator gives roles and regions"));
            } else {
                profile = checks.profile(
                        admin,
                        displayName,
                        or(input.role(), before.role().name()),
                        or(input.regionCode(), before.regionCode()),
                        or(input.department(), before.department()),
                        problems);
                ownRoleUnchanged(admin, before, profile, problems);
                regionCode = profile.region() == null ? null : profile.region().code();
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        store.updateProfile(id, displayName, profile.role(), regionCode, profile.department());
        changed(
                before,
                regionCode,
                UserAccountChanged.Change.PROFILE_CHANGED,
                profile(before.displayName(), before.role(), before.regionCode(), before.department()),
                profile(displayName, profile.role(), regionCode, profile.department()));
        if (profile.role() != before.role() || !regionCode.equals(before.regionCode())) {
            sessions.end(before.username());
        }
    }

    /** Whether the change gives another role, region or department than the account has. */
    private static boolean grantChanges(UserAccount before, UserChange input) {
        boolean role = !blank(input.role())
                && !input.role().strip().equals(before.role().name());
        boolean department =
                !blank(input.department()) && !input.department().strip().equals(before.department());
        boolean region = false;
        if (!blank(input.regionCode())) {
            try {
                region = !RegionCode.normalize(input.regionCode().strip()).equals(before.regionCode());
            } catch (IllegalArgumentException e) {
                region = true;
            }
        }
        return role || department || region;
    }

    // an administrator cannot raise, lower or move themselves: the administrator above them does that
    private static void ownRoleUnchanged(
            BulwarkUser admin, UserAccount before, AccountChecks.Profile profile, List<FieldProblem> problems) {
        if (before.id() == admin.id()
                && (profile.role() != before.role()
                        || profile.region() == null
                        || !profile.region().code().equals(before.regionCode()))) {
            problems.add(new FieldProblem("role", "own_account", "not your own role or region"));
        }
    }

    private static Map<String, Object> profile(String displayName, Role role, String regionCode, String department) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("displayName", displayName);
        values.put("role", role.name());
        values.put("regionCode", regionCode);
        values.put("department", department);
        return values;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String or(String value, String fallback) {
        return blank(value) ? fallback : value;
    }

    /** Disables an account: its holder can no longer sign in, and open sessions end. */
    @Transactional
    public void disable(long id) {
        UserAccount before = changeable(id, Role.Permission.MANAGE_ACCOUNTS);
        store.setEnabled(id, false);
        changed(
                before,
                before.regionCode(),
                UserAccountChanged.Change.DISABLED,
                Map.of("enabled", before.enabled()),
                Map.of("enabled", false));
        sessions.end(before.username());
    }

    /** Enables a disabled account again. */
    @Transactional
    public void enable(long id) {
        UserAccount before = changeable(id, Role.Permission.MANAGE_ACCOUNTS);
        store.setEnabled(id, true);
        changed(
                before,
                before.regionCode(),
                UserAccountChanged.Change.ENABLED,
                Map.of("enabled", before.enabled()),
                Map.of("enabled", true));
    }

    /** Lifts a lockout after repeated failed sign-ins (the security administrator keeps the lockout policy). */
    @Transactional
    public void unlock(long id) {
        UserAccount before = changeable(id, Role.Permission.MANAGE_ROLES);
        store.unlock(id);
        changed(
                before,
                before.regionCode(),
                UserAccountChanged.Change.UNLOCKED,
                Map.of("failedLogins", before.failedLogins(), "locked", before.locked()),
                Map.of("failedLogins", 0, "locked", false));
    }

    /** Sets a new password that its holder must change at the next sign-in; lifts a lockout; ends open sessions. */
    @Transactional
    public void resetPassword(long id, String password, String confirmation) {
        UserAccount before = changeable(id, Role.Permission.MANAGE_ACCOUNTS);
        List<FieldProblem> problems = new ArrayList<>(policy.check("password", password, before.username()));
        if (password != null && !password.equals(confirmation)) {
            problems.add(new FieldProblem("passwordConfirmation", "password_mismatch", "does not match the password"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        store.setPassword(id, encoder.encode(password), true);
        changed(
                before,
                before.regionCode(),
                UserAccountChanged.Change.PASSWORD_RESET,
                Map.of("mustChangePassword", before.mustChangePassword()),
                Map.of("mustChangePassword", true));
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
        events.publishEvent(new UserAccountChanged(
                user.id(),
                user.getUsername(),
                user.regionCode(),
                UserAccountChanged.Change.PASSWORD_CHANGED,
                Map.of(),
                Map.of()));
    }

    /**
     * An account the administrator may change with this duty: in the subtree, one they may look after, not their
     * own.
     */
    UserAccount changeable(long id, Role.Permission duty) {
        BulwarkUser admin = currentUser.requirePermission(duty);
        UserAccount account = target(admin, id);
        if (account.id() == admin.id()) {
            throw InvalidInputException.of("user", "own_account", "not your own account");
        }
        return account;
    }

    private UserAccount target(BulwarkUser admin, long id) {
        UserAccount account = store.find(admin.scope(), id).orElseThrow(() -> new NotFoundException("user", id));
        // their own account they reach (to rename it; the own-account rules refuse the rest)
        if (account.id() != admin.id() && !Duties.mayAdminister(admin, account.role(), account.regionCode())) {
            throw InvalidInputException.of("role", "role_too_high", "the account's role is above your own");
        }
        return account;
    }

    private void changed(
            UserAccount account,
            String regionCode,
            UserAccountChanged.Change change,
            Map<String, Object> before,
            Map<String, Object> after) {
        events.publishEvent(
                new UserAccountChanged(account.id(), account.username(), regionCode, change, before, after));
    }

    /** A system or a security administrator: both list the accounts of their subtree. */
    private BulwarkUser requireAdministrator() {
        BulwarkUser user = currentUser.require();
        if (!user.can(Role.Permission.MANAGE_ACCOUNTS) && !user.can(Role.Permission.MANAGE_ROLES)) {
            throw new AccessDeniedException("role " + user.role() + " does not look after accounts");
        }
        return user;
    }
}
