package org.bulwark.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.region.RegionLevel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User accounts: lookup for sign-in, creation, and the lockout after repeated failures. */
@Service
public class UserAccounts implements UserDetailsService {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final PasswordEncoder passwordEncoder;
    private final int maxFailures;
    private final Duration lockout;
    private final PasswordPolicy policy;
    private final RowMapper<BulwarkUser> user;
    private final String unknownUserRegion;

    UserAccounts(
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            PasswordEncoder passwordEncoder,
            PasswordPolicy policy,
            @Value("${bulwark.security.max-failed-logins:5}") int maxFailures,
            @Value("${bulwark.security.lockout:PT30M}") Duration lockout,
            @Value("${bulwark.security.unknown-user-audit-region:}") String unknownUserRegion) {
        this.unknownUserRegion = unknownUserRegion;
        this.jdbc = jdbc;
        this.events = events;
        this.passwordEncoder = passwordEncoder;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.policy = policy;
        this.user = this::user;
    }

    /** Failed sign-ins before the lockout ({@code bulwark.security.max-failed-logins}). */
    public int maxFailures() {
        return maxFailures;
    }

    /** How long a lockout lasts ({@code bulwark.security.lockout}). */
    public Duration lockout() {
        return lockout;
    }

    @Override
    public BulwarkUser loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    /** The account with this username, if any. */
    public Optional<BulwarkUser> find(String username) {
        return jdbc.sql("select * from app_user where username = :u")
                .param("u", username)
                .query(user)
                .optional();
    }

    /** All accounts whose region lies in the scope. */
    public List<BulwarkUser> list(RegionScope scope) {
        return jdbc.sql("select * from app_user where region_code like :p order by region_code, username")
                .param("p", scope.likePattern())
                .query(user)
                .list();
    }

    /** Creates an account (the password is hashed here); returns its id. */
    @Transactional
    public long create(String username, String rawPassword, String displayName, Role role, String regionCode) {
        long id = jdbc.sql("""
                insert into app_user (username, password_hash, display_name, role, region_code)
                values (:u, :p, :d, :r, :c) returning id
                """)
                .param("u", username)
                .param("p", passwordEncoder.encode(rawPassword))
                .param("d", displayName)
                .param("r", role.name())
                .param("c", regionCode)
                .query(Long.class)
                .single();
        // published inside the transaction: the audit entry is stored with the account or not at all
        events.publishEvent(new UserCreated(id, username, role, regionCode));
        return id;
    }

    /** Sets the department of a department officer. */
    @Transactional
    public void assignDepartment(String username, String department) {
        jdbc.sql("update app_user set department = :d where username = :u")
                .param("d", department)
                .param("u", username)
                .update();
    }

    /**
     * Counts a failed sign-in of an existing, unlocked account and locks it once the limit is reached; returns the
     * lockout's end when this failure locked it. An attempt on a locked account is refused before its password is
     * checked, so it neither counts nor extends the lockout; the count starts again once a lockout has run out.
     */
    @Transactional
    public Optional<Instant> recordFailure(String username) {
        Instant until = Instant.now().plus(lockout).truncatedTo(ChronoUnit.MICROS);
        return jdbc.sql("""
                with counted as (
                    select id, case when locked_until is null then failed_logins + 1 else 1 end as failures
                    from app_user where username = :u and (locked_until is null or locked_until <= now()))
                update app_user u set failed_logins = counted.failures,
                       locked_until = case when counted.failures >= :max then cast(:until as timestamptz) end
                from counted where u.id = counted.id
                returning u.locked_until
                """)
                .param("max", maxFailures)
                .param("until", Timestamp.from(until))
                .param("u", username)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .optional()
                .flatMap(locked -> locked);
    }

    /**
     * Where a refused sign-in under a name without an account is audited: the configured region
     * ({@code bulwark.security.unknown-user-audit-region}) or else the lowest region that holds every account — the
     * auditors over every account the name may have been meant for; null (nationwide) when the accounts span several
     * provinces. The answer to the client is the same as for a wrong password either way.
     */
    public String regionForUnknownNames() {
        if (!unknownUserRegion.isBlank()) {
            return RegionCode.normalize(unknownUserRegion.strip());
        }
        return jdbc.sql("select min(region_code) as low, max(region_code) as high from app_user")
                .query((rs, n) -> commonRegion(rs.getString("low"), rs.getString("high")))
                .single();
    }

    /** The lowest region whose subtree holds both codes (and so every code between them), or null for none. */
    static String commonRegion(String low, String high) {
        if (low == null || high == null) {
            return null;
        }
        int common = 0;
        while (common < low.length() && common < high.length() && low.charAt(common) == high.charAt(common)) {
            common++;
        }
        RegionLevel deepest = null;
        for (RegionLevel level : RegionLevel.values()) {
            if (level.digits() <= common) {
                deepest = level;
            }
        }
        return deepest == null ? null : new RegionCode(low).truncate(deepest).value();
    }

    /** Clears the failure count after a successful sign-in and notes when it happened (the users page shows it). */
    @Transactional
    public void recordSuccess(String username) {
        jdbc.sql(
                        "update app_user set failed_logins = 0, locked_until = null, last_sign_in_at = now() where username = :u")
                .param("u", username)
                .update();
    }

    private BulwarkUser user(ResultSet rs, int n) throws SQLException {
        Timestamp lockedUntil = rs.getTimestamp("locked_until");
        Instant now = Instant.now();
        boolean locked = lockedUntil != null && lockedUntil.toInstant().isAfter(now);
        boolean expired = !policy.maxAge().isZero()
                && !policy.maxAge().isNegative()
                && rs.getTimestamp("password_changed_at")
                        .toInstant()
                        .plus(policy.maxAge())
                        .isBefore(now);
        return new BulwarkUser(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("password_hash"),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                rs.getString("region_code"),
                rs.getString("department"),
                rs.getBoolean("enabled"),
                locked,
                rs.getBoolean("must_change_password") || expired);
    }
}
