package org.bulwark.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bulwark.core.exchange.CategorySchema;
import org.bulwark.core.exchange.DataCatalogue;
import org.bulwark.core.region.RegionCode;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;
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

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,63}");
    private static final int NAME_MAX = 64;

    private final CurrentUser currentUser;
    private final AccountStore store;
    private final Regions regions;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final UserSessions sessions;
    private final DataCatalogue catalogue;

    UserAdministration(CurrentUser currentUser, AccountStore store, Regions regions, PasswordPolicy policy,
                       PasswordEncoder encoder, ApplicationEventPublisher events, UserSessions sessions,
                       DataCatalogue catalogue) {
        this.currentUser = currentUser;
        this.store = store;
        this.regions = regions;
        this.policy = policy;
        this.encoder = encoder;
        this.events = events;
        this.sessions = sessions;
        this.catalogue = catalogue;
    }

    /** One page of the accounts of the administrator's subtree that match the filter. */
    @Transactional(readOnly = true)
    public UserPage list(UserFilter filter) {
        BulwarkUser admin = requireAdmin();
        RegionScope region = admin.scope();
        if (filter.regionCode() != null && !filter.regionCode().isBlank()) {
            region = scopeWithin(admin, filter.regionCode().strip(), "region");
        }
        Role role = null;
        if (filter.role() != null && !filter.role().isBlank()) {
            role = role(filter.role(), "role");
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
        Map<String, String> departments = new LinkedHashMap<>();
        for (CategorySchema category : catalogue.categories()) {
            departments.putIfAbsent(category.department(), category.departmentLabel());
        }
        return departments;
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
        String username = input.username() == null ? "" : input.username().strip();
        if (username.isEmpty()) {
            problems.add(new FieldProblem("username", "required", "required"));
        } else if (!USERNAME.matcher(username).matches()) {
            problems.add(new FieldProblem("username", "username_format",
                    "3 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit"));
        } else if (store.usernameTaken(username)) {
            problems.add(new FieldProblem("username", "username_taken", "is taken"));
        }
        Profile profile = profile(admin, input.displayName(), input.role(), input.regionCode(), input.department(),
                problems);
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
        Profile profile = profile(admin, input.displayName(), input.role(), input.regionCode(), input.department(),
                problems);
        if (before.id() == admin.id() && profile.role() != null
                && (profile.role() != before.role() || !profile.region().code().equals(before.regionCode()))) {
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

    private record Profile(String displayName, Role role, Region region, String department) {
    }

    /** Checks display name, role, region and department together, adding each problem; parts that fail are null. */
    private Profile profile(BulwarkUser admin, String displayNameInput, String roleInput, String regionInput,
                            String departmentInput, List<FieldProblem> problems) {
        String displayName = displayNameInput == null ? "" : displayNameInput.strip();
        if (displayName.isEmpty()) {
            problems.add(new FieldProblem("displayName", "required", "required"));
        } else if (displayName.length() > NAME_MAX) {
            problems.add(new FieldProblem("displayName", "too_long", "at most " + NAME_MAX + " characters"));
        } else if (displayName.chars().anyMatch(Character::isISOControl)) {
            problems.add(new FieldProblem("displayName", "control_characters", "contains control characters"));
        }
        Role role = null;
        if (roleInput == null || roleInput.isBlank()) {
            problems.add(new FieldProblem("role", "required", "required"));
        } else {
            try {
                role = Role.valueOf(roleInput.strip());
                if (!admin.role().mayGrant(role)) {
                    problems.add(new FieldProblem("role", "role_too_high", "above your own role"));
                    role = null;
                }
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("role", "allowed_values", "not a role"));
            }
        }
        Region region = region(admin, regionInput, problems);
        if (region != null && role != null && !role.fitsLevel(region.level())) {
            problems.add(new FieldProblem("regionCode", "region_level",
                    "a " + role + " belongs to a region of level " + role.levels()));
        }
        String department = null;
        if (role == Role.DEPARTMENT_OFFICER) {
            department = departmentInput == null ? "" : departmentInput.strip();
            if (department.isEmpty()) {
                problems.add(new FieldProblem("department", "required", "required for a department officer"));
            } else if (!departments().containsKey(department)) {
                problems.add(new FieldProblem("department", "allowed_values", "not a department of the catalogue"));
            }
        }
        return new Profile(displayName, role, region, department);
    }

    private Region region(BulwarkUser admin, String input, List<FieldProblem> problems) {
        String code = input == null ? "" : input.strip();
        if (code.isEmpty()) {
            problems.add(new FieldProblem("regionCode", "required", "required"));
            return null;
        }
        String full;
        try {
            full = RegionCode.normalize(code);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("regionCode", "region_code", e.getMessage()));
            return null;
        }
        // a region outside the subtree answers as one that does not exist
        Region region = admin.scope().covers(full) ? regions.find(full).orElse(null) : null;
        if (region == null) {
            problems.add(new FieldProblem("regionCode", "unknown_region", "unknown or outside your region"));
        }
        return region;
    }

    private RegionScope scopeWithin(BulwarkUser admin, String code, String field) {
        String full;
        try {
            full = RegionCode.normalize(code);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, "region_code", e.getMessage());
        }
        if (!admin.scope().covers(full) || regions.find(full).isEmpty()) {
            throw InvalidInputException.of(field, "unknown_region", "unknown or outside your region");
        }
        return RegionScope.of(full);
    }

    private static Role role(String input, String field) {
        try {
            return Role.valueOf(input.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, "allowed_values", "not a role");
        }
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
