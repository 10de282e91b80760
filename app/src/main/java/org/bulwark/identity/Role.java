package org.bulwark.identity;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.bulwark.core.region.RegionLevel;

/** The roles of the platform (README.md, "Demo users"); each user has one, together with the region that scopes it. */
public enum Role {
    VILLAGE_CADRE(
            1,
            EnumSet.of(RegionLevel.VILLAGE),
            EnumSet.of(
                    Permission.READ_HOUSEHOLDS,
                    Permission.EDIT_REGISTRY,
                    Permission.REVEAL_PERSONAL_DATA,
                    Permission.READ_SENSITIVE_DATA,
                    Permission.VERIFY_WARNINGS,
                    Permission.HANDLE_CASES,
                    Permission.EDIT_PLANS,
                    Permission.RECORD_VISITS,
                    Permission.EDIT_LABOURERS)),
    // a helper belongs to a village, or to a township when they look after households of several of its villages
    HELPER(
            1,
            EnumSet.of(RegionLevel.VILLAGE, RegionLevel.TOWNSHIP),
            EnumSet.of(
                    Permission.READ_HOUSEHOLDS,
                    Permission.REVEAL_PERSONAL_DATA,
                    Permission.READ_SENSITIVE_DATA,
                    Permission.EDIT_PLANS,
                    Permission.RECORD_VISITS,
                    Permission.EDIT_LABOURERS)),
    TOWNSHIP_REVIEWER(
            2,
            EnumSet.of(RegionLevel.TOWNSHIP),
            EnumSet.of(
                    Permission.READ_HOUSEHOLDS,
                    Permission.EDIT_REGISTRY,
                    Permission.REVEAL_PERSONAL_DATA,
                    Permission.READ_SENSITIVE_DATA,
                    Permission.VERIFY_WARNINGS,
                    Permission.HANDLE_CASES,
                    Permission.ASSIGN_HELPERS,
                    Permission.EDIT_PLANS,
                    Permission.RECORD_VISITS,
                    Permission.MANAGE_WELFARE_JOBS)),
    COUNTY_APPROVER(
            3,
            EnumSet.of(RegionLevel.COUNTY),
            EnumSet.of(
                    Permission.READ_HOUSEHOLDS,
                    Permission.EDIT_REGISTRY,
                    Permission.REVEAL_PERSONAL_DATA,
                    Permission.READ_SENSITIVE_DATA,
                    Permission.READ_AUDIT,
                    Permission.IMPORT_DEPARTMENT_DATA,
                    Permission.RUN_SCREENING,
                    Permission.VERIFY_WARNINGS,
                    Permission.HANDLE_CASES,
                    Permission.ASSIGN_HELPERS,
                    Permission.EDIT_PLANS,
                    Permission.REVERSE_ELIMINATION)),
    DEPARTMENT_OFFICER(
            3,
            EnumSet.of(RegionLevel.COUNTY, RegionLevel.PREFECTURE, RegionLevel.PROVINCE),
            EnumSet.of(Permission.READ_HOUSEHOLDS, Permission.IMPORT_DEPARTMENT_DATA)),
    // 县人社局就业服务: the county's employment office keeps employers and postings and the labourers' work
    EMPLOYMENT_OFFICER(
            3,
            EnumSet.of(RegionLevel.COUNTY),
            EnumSet.of(
                    Permission.READ_HOUSEHOLDS,
                    Permission.EDIT_LABOURERS,
                    Permission.MANAGE_EMPLOYERS,
                    Permission.MANAGE_WELFARE_JOBS)),
    // the business administrators of a prefecture and a province: screening, imports, oversight; since the
    // separation of duties (V34) they no longer look after accounts, which the three roles below share
    PREFECTURE_ADMIN(
            4,
            EnumSet.of(RegionLevel.PREFECTURE),
            EnumSet.of(
                    Permission.READ_HOUSEHOLDS,
                    Permission.READ_AUDIT,
                    Permission.IMPORT_DEPARTMENT_DATA,
                    Permission.RUN_SCREENING)),
    PROVINCE_ADMIN(
            5,
            EnumSet.of(RegionLevel.PROVINCE),
            EnumSet.of(
                    Permission.READ_HOUSEHOLDS,
                    Permission.READ_AUDIT,
                    Permission.IMPORT_DEPARTMENT_DATA,
                    Permission.RUN_SCREENING)),
    // reads dashboards and reports of any level; holds no permission beyond reading, so any security administrator
    // may grant it
    LEADER(1, EnumSet.allOf(RegionLevel.class), EnumSet.of(Permission.READ_HOUSEHOLDS)),
    // the separation of duties of MLPS 2.0 level 3 (三权分立): three privileged roles, none of which can do another's
    // work or read households; each administers the platform for the region it sits at (county and above)
    /** 系统管理员: creates accounts, renames, disables and enables them, resets passwords. */
    SYSTEM_ADMIN(
            Rank.PRIVILEGED,
            EnumSet.of(RegionLevel.COUNTY, RegionLevel.PREFECTURE, RegionLevel.PROVINCE),
            EnumSet.of(Permission.MANAGE_ACCOUNTS)),
    /** 安全管理员: grants roles and regions (scopes), lifts lockouts, resets second factors, keeps the policy. */
    SECURITY_ADMIN(
            Rank.PRIVILEGED,
            EnumSet.of(RegionLevel.COUNTY, RegionLevel.PREFECTURE, RegionLevel.PROVINCE),
            EnumSet.of(Permission.MANAGE_ROLES)),
    /** 审计管理员: reads the audit log of the region, nothing else. */
    AUDIT_ADMIN(
            Rank.PRIVILEGED,
            EnumSet.of(RegionLevel.COUNTY, RegionLevel.PREFECTURE, RegionLevel.PROVINCE),
            EnumSet.of(Permission.READ_AUDIT)),
    // an account a system administrator created and no security administrator has given a role yet: it cannot
    // sign in (BulwarkUser#isEnabled) and holds no permission
    UNASSIGNED(0, EnumSet.allOf(RegionLevel.class), EnumSet.noneOf(Permission.class));

    private final int rank;
    private final Set<RegionLevel> levels;
    private final Set<Permission> permissions;

    Role(int rank, Set<RegionLevel> levels, Set<Permission> permissions) {
        this.rank = rank;
        this.levels = levels;
        this.permissions = permissions;
    }

    /** Whether this is one of the three privileged roles of the separation of duties. */
    public boolean privileged() {
        return rank == Rank.PRIVILEGED;
    }

    /**
     * The rank of a business role, the level of government it acts for (village 1, township 2, county 3,
     * prefecture 4, province 5); 0 for an account without a role. Who may give which role: {@link Duties}.
     */
    int rank() {
        return rank;
    }

    /** Holds the rank of the privileged roles, which do not act for a level of government. */
    private static final class Rank {
        static final int PRIVILEGED = 100;
    }

    /** Whether a user with this role may have a region of this level as scope. */
    public boolean fitsLevel(RegionLevel level) {
        return levels.contains(level);
    }

    /** The region levels a user with this role may be scoped to, from the top. */
    public Set<RegionLevel> levels() {
        return Collections.unmodifiableSet(levels);
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
        /**
         * read the households of the region: the registry, warnings, casework, department records and dashboards;
         * every business role, none of the three privileged administrators ({@link CurrentUser#scope()} checks it)
         */
        READ_HOUSEHOLDS,
        /** create, edit and delete households, persons and incomes */
        EDIT_REGISTRY,
        /** see full identity and phone numbers on request (each reveal is audited) */
        REVEAL_PERSONAL_DATA,
        /**
         * see health, disability and bank data of persons (their health and disability in the registry, records of
         * sensitive categories, the evidence of illness and disability warnings): the roles that identify and help
         * households; leaders, administrators and department officers see that such data exists, not what it says
         */
        READ_SENSITIVE_DATA,
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
        REVERSE_ELIMINATION,
        /** record a labourer's work, skills and wishes (from a visit or the employment office) */
        EDIT_LABOURERS,
        /** keep the employers and postings of the region (the county's employment office) */
        MANAGE_EMPLOYERS,
        /**
         * keep the public-welfare jobs of the region and give their places (the county's employment office and the
         * township)
         */
        MANAGE_WELFARE_JOBS,
        /** 系统管理员: create accounts of the region, rename, disable and enable them, reset their passwords */
        MANAGE_ACCOUNTS,
        /**
         * 安全管理员: give accounts of the region their role, region and department, lift lockouts, reset a second
         * factor, read the security policy
         */
        MANAGE_ROLES
    }
}
