package org.bulwark.identity;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in user: who, with which role, over which region. */
public final class BulwarkUser implements UserDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private final String passwordHash;
    private final String displayName;
    private final Role role;
    private final String regionCode;
    private final String department;
    private final boolean enabled;
    private final boolean locked;
    private final boolean passwordChangeRequired;
    // a personal access token's permissions (null: the role's); the token's region is the regionCode
    private final Set<Role.Permission> tokenPermissions;

    public BulwarkUser(
            long id,
            String username,
            String passwordHash,
            String displayName,
            Role role,
            String regionCode,
            boolean enabled,
            boolean locked) {
        this(id, username, passwordHash, displayName, role, regionCode, null, enabled, locked);
    }

    public BulwarkUser(
            long id,
            String username,
            String passwordHash,
            String displayName,
            Role role,
            String regionCode,
            String department,
            boolean enabled,
            boolean locked) {
        this(id, username, passwordHash, displayName, role, regionCode, department, enabled, locked, false);
    }

    /**
     * @param passwordChangeRequired the holder must choose a new password before anything else (an administrator
     *                               set or reset it, or it is older than the policy allows)
     */
    public BulwarkUser(
            long id,
            String username,
            String passwordHash,
            String displayName,
            Role role,
            String regionCode,
            String department,
            boolean enabled,
            boolean locked,
            boolean passwordChangeRequired) {
        this(
                id,
                username,
                passwordHash,
                displayName,
                role,
                regionCode,
                department,
                enabled,
                locked,
                passwordChangeRequired,
                null);
    }

    private BulwarkUser(
            long id,
            String username,
            String passwordHash,
            String displayName,
            Role role,
            String regionCode,
            String department,
            boolean enabled,
            boolean locked,
            boolean passwordChangeRequired,
            Set<Role.Permission> tokenPermissions) {
        this.tokenPermissions = tokenPermissions == null ? null : Set.copyOf(tokenPermissions);
        this.passwordChangeRequired = passwordChangeRequired;
        this.id = id;
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.regionCode = regionCode;
        this.department = department;
        this.enabled = enabled;
        this.locked = locked;
    }

    /**
     * An account-less principal for a task the platform runs itself (a command-line import, the demo seed), with
     * the role and region it acts under; it cannot sign in (no password).
     */
    public static BulwarkUser system(String name, Role role, String regionCode) {
        return new BulwarkUser(0, name, "", name, role, regionCode, true, false);
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public String regionCode() {
        return regionCode;
    }

    /** The department a department officer works for (a code of the data catalogue), or null. */
    public String department() {
        return department;
    }

    /** Whether the user must choose a new password before doing anything else. */
    public boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }

    /** The region subtree this user may read and write. */
    public RegionScope scope() {
        return RegionScope.of(regionCode);
    }

    /** Whether the role carries the permission (and, signed in with a token, the token too). */
    public boolean can(Role.Permission permission) {
        return role.can(permission) && (tokenPermissions == null || tokenPermissions.contains(permission));
    }

    /**
     * This user as a personal access token signs them in: scoped to the token's region (within their own) and
     * holding only the token's permissions that the role still carries.
     */
    BulwarkUser narrowedTo(String tokenRegion, Set<Role.Permission> permissions) {
        if (!scope().covers(tokenRegion)) {
            throw new IllegalArgumentException("a token's region lies within its owner's");
        }
        return new BulwarkUser(
                id,
                username,
                "",
                displayName,
                role,
                tokenRegion,
                department,
                enabled,
                locked,
                passwordChangeRequired,
                permissions);
    }

    /** Whether this user signed in with a personal access token. */
    public boolean signedInWithToken() {
        return tokenPermissions != null;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    /** Enabled, and given a role: an account a system administrator created waits for a security administrator. */
    @Override
    public boolean isEnabled() {
        return enabled && role != Role.UNASSIGNED;
    }
}
