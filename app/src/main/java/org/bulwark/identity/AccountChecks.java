package org.bulwark.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.bulwark.core.exchange.CategorySchema;
import org.bulwark.core.exchange.DataCatalogue;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.text.TextRules;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The checks of an account's fields as an administrator types them: each adds what is wrong to a list, so that a
 * form is answered with every wrong field at once. A region outside the administrator's subtree answers as one that
 * does not exist.
 */
@Component
class AccountChecks {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,63}");
    private static final int NAME_MAX = 64;

    private final AccountStore store;
    private final Regions regions;
    private final DataCatalogue catalogue;

    AccountChecks(AccountStore store, Regions regions, DataCatalogue catalogue) {
        this.store = store;
        this.regions = regions;
        this.catalogue = catalogue;
    }

    /**
     * The departments a department officer may work for (code → name in the page's language): the data catalogue's,
     * in its order.
     */
    Map<String, String> departments() {
        Map<String, String> departments = new LinkedHashMap<>();
        Locale locale = LocaleContextHolder.getLocale();
        for (CategorySchema category : catalogue.categories()) {
            departments.putIfAbsent(category.department(), catalogue.departmentName(category, locale));
        }
        return departments;
    }

    /** The username of a new account, stripped; adds a problem when it is malformed or taken. */
    String username(String input, List<FieldProblem> problems) {
        String username = input == null ? "" : input.strip();
        if (username.isEmpty()) {
            problems.add(new FieldProblem("username", "required", "required"));
        } else if (!USERNAME.matcher(username).matches()) {
            problems.add(new FieldProblem(
                    "username",
                    "username_format",
                    "3 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit"));
        } else if (store.usernameTaken(username)) {
            problems.add(new FieldProblem("username", "username_taken", "is taken"));
        }
        return username;
    }

    /** Checked name, role, region and department of an account; a part that failed its check is null. */
    record Profile(String displayName, Role role, Region region, String department) {}

    /** Checks display name, role, region and department together, adding each problem; parts that fail are null. */
    Profile profile(
            BulwarkUser admin,
            String displayNameInput,
            String roleInput,
            String regionInput,
            String departmentInput,
            List<FieldProblem> problems) {
        String displayName = displayName(displayNameInput, problems);
        Role role = null;
        if (roleInput == null || roleInput.isBlank()) {
            problems.add(new FieldProblem("role", "required", "required"));
        } else {
            try {
                role = Role.valueOf(roleInput.strip());
                if (!Duties.mayGrant(admin, role)) {
                    problems.add(new FieldProblem("role", "role_too_high", "above your own role"));
                    role = null;
                }
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("role", "allowed_values", "not a role"));
            }
        }
        Region region = region(admin, regionInput, problems);
        if (region != null && role != null && !role.fitsLevel(region.level())) {
            problems.add(new FieldProblem(
                    "regionCode", "region_level", "a " + role + " belongs to a region of level " + role.levels()));
        } else if (region != null && role != null && !Duties.mayAdminister(admin, role, region.code())) {
            problems.add(
                    new FieldProblem("role", "role_too_high", "a privileged role only for a region below your own"));
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

    /** The display name, stripped; adds a problem when it is empty, too long or holds control characters. */
    String displayName(String input, List<FieldProblem> problems) {
        String displayName = input == null ? "" : input.strip();
        if (displayName.isEmpty()) {
            problems.add(new FieldProblem("displayName", "required", "required"));
        } else if (displayName.length() > NAME_MAX) {
            problems.add(new FieldProblem("displayName", "too_long", "at most " + NAME_MAX + " characters"));
        } else {
            TextRules.name(displayName)
                    .ifPresent(v -> problems.add(new FieldProblem("displayName", v.code(), v.message())));
        }
        return displayName;
    }

    /** The region of an account: one of the administrator's subtree, else a problem and null. */
    Region region(BulwarkUser admin, String input, List<FieldProblem> problems) {
        return region(admin.scope(), input, problems);
    }

    /** The region of an account within a scope (the whole country for the installation's own accounts). */
    Region region(RegionScope scope, String input, List<FieldProblem> problems) {
        String code = input == null ? "" : input.strip();
        if (code.isEmpty()) {
            problems.add(new FieldProblem("regionCode", "required", "required"));
            return null;
        }
        RegionCode full;
        try {
            full = RegionCode.parse(code);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("regionCode", "region_code", e.getMessage()));
            return null;
        }
        // a region outside the subtree answers as one that does not exist
        Region region = scope.covers(full) ? regions.find(full).orElse(null) : null;
        if (region == null) {
            problems.add(new FieldProblem("regionCode", "unknown_region", "unknown or outside your region"));
        }
        return region;
    }

    RegionScope scopeWithin(BulwarkUser admin, String code, String field) {
        RegionCode full;
        try {
            full = RegionCode.parse(code);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, "region_code", e.getMessage());
        }
        if (!admin.scope().covers(full) || regions.find(full).isEmpty()) {
            throw InvalidInputException.of(field, "unknown_region", "unknown or outside your region");
        }
        return RegionScope.of(full);
    }

    static Role role(String input, String field) {
        try {
            return Role.valueOf(input.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, "allowed_values", "not a role");
        }
    }
}
