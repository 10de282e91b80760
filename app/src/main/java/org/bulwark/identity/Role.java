package org.bulwark.identity;

import java.util.EnumSet;
import java.util.Set;

/** The roles of product.md; each user has one, together with the region that scopes it. */
public enum Role {
    VILLAGE_CADRE(EnumSet.of(Permission.EDIT_REGISTRY, Permission.REVEAL_PERSONAL_DATA, Permission.VERIFY_WARNINGS,
            Permission.HANDLE_CASES, Permission.EDIT_PLANS, Permission.RECORD_VISITS)),
    HELPER(EnumSet.of(Permission.REVEAL_PERSONAL_DATA, Permission.EDIT_PLANS, Permission.RECORD_VISITS)),
    TOWNSHIP_REVIEWER(EnumSet.of(Permission.EDIT_REGISTRY, Permission.REVEAL_PERSONAL_DATA,
            Permission.VERIFY_WARNINGS, Permission.HANDLE_CASES, Permission.ASSIGN_HELPERS, Permission.EDIT_PLANS,
            Permission.RECORD_VISITS)),
    COUNTY_APPROVER(EnumSet.of(Permission.EDIT_REGISTRY, Permission.REVEAL_PERSONAL_DATA, Permission.READ_AUDIT,
            Permission.IMPORT_DEPARTMENT_DATA, Permission.RUN_SCREENING, Permission.VERIFY_WARNINGS,
            Permission.HANDLE_CASES, Permission.ASSIGN_HELPERS, Permission.EDIT_PLANS,
            Permission.REVERSE_ELIMINATION)),
    DEPARTMENT_OFFICER(EnumSet.of(Permission.IMPORT_DEPARTMENT_DATA)),
    PREFECTURE_ADMIN(EnumSet.of(Permission.READ_AUDIT, Permission.IMPORT_DEPARTMENT_DATA, Permission.RUN_SCREENING)),
    PROVINCE_ADMIN(EnumSet.of(Permission.READ_AUDIT, Permission.IMPORT_DEPARTMENT_DATA, Permission.RUN_SCREENING)),
    LEADER(EnumSet.noneOf(Permission.class));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    /** Whether this role carries the permission. */
    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }

    /** Name used in Spring Security authorities. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** What a role may do beyond reading the registry of its region. */
    public enum Permission {
        /** create, edit and delete households, persons and incomes */
        EDIT_REGISTRY,
        /** see full identity and phone numbers on request (each reveal is audited) */
        REVEAL_PERSONAL_DATA,
        /** read the audit log of the region */
        READ_AUDIT,
        /** upload department data (a department officer: only their department's categories) */
        IMPORT_DEPARTMENT_DATA,
        /** run screening over the region, full or in shadow mode with draft rules */
        RUN_SCREENING,
        /** confirm or dismiss the warnings of the region */
        VERIFY_WARNINGS,
        /** record declarations, open cases and take the steps of the procedure that the province gives the role */
        HANDLE_CASES,
        /** assign and reassign designated helpers */
        ASSIGN_HELPERS,
        /** add, deliver and cancel measures of a household's support plan */
        EDIT_PLANS,
        /** record visits (a helper: only to the households assigned to them) */
        RECORD_VISITS,
        /** reverse a risk-elimination mark */
        REVERSE_ELIMINATION
    }
}
