package org.bulwark.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
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
    private final org.springframework.context.ApplicationEventPublisher events;
    private final PasswordEncoder passwordEncoder;
    private final int maxFailures;
    private final Duration lockout;
    private final PasswordPolicy policy;
    private final RowMapper<BulwarkUser> user;

    UserAccounts(JdbcClient jdbc, org.springframework.context.ApplicationEventPublisher events,
                 PasswordEncoder passwordEncoder, PasswordPolicy policy,
                 @Value("${bulwark.security.max-failed-logins:5}") int maxFailures,
                 @Value("${bulwark.security.lockout:PT30M}") Duration lockout) {
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
        return jdbc.sql("select * from app_user where username = :u").param("u", username)
                .query(user).optional();
    }

    /** All accounts whose region lies in the scope. */
    public List<BulwarkUser> list(RegionScope scope) {
        return jdbc.sql("select * from app_user where region_code like :p order by region_code, username")
                .param("p", scope.likePattern()).query(user).list();
    }

    /** Creates an account (the password is hashed here); returns its id. */
    @Transactional
    public long create(String username, String rawPassword, String displayName, Role role, String regionCode) {
        long id = jdbc.sql("""
                insert into app_user (username, password_hash, display_name, role, region_code)
                values (:u, :p, :d, :r, :c) returning id
                """)
                .param("u", username).param("p", passwordEncoder.encode(rawPassword)).param("d", displayName)
                .param("r", role.name()).param("c", regionCode)
                .query(Long.class).single();
        // published inside the transaction: the audit entry is stored with the account or not at all
        events.publishEvent(new UserCreated(id, username, role, regionCode));
        return id;
    }

    /** Sets the department of a department officer. */
    @Transactional
    public void assignDepartment(String username, String department) {
        jdbc.sql("update app_user set department = :d where username = :u").param("d", department)
                .param("u", username).update();
    }

    /** Counts a failed sign-in; locks the account for the lockout period once the limit is reached. */
    @Transactional
    public void recordFailure(String username) {
        jdbc.sql("""
                update app_user set failed_logins = failed_logins + 1,
                       locked_until = case when failed_logins + 1 >= :max then :until else locked_until end
                where username = :u
                """)
                .param("max", maxFailures).param("until", java.sql.Timestamp.from(Instant.now().plus(lockout)))
                .param("u", username).update();
    }

    /** Clears the failure count after a successful sign-in and notes when it happened (the users page shows it). */
    @Transactional
    public void recordSuccess(String username) {
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null, last_sign_in_at = now() where username = :u")
                .param("u", username).update();
    }

    private BulwarkUser user(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        java.sql.Timestamp lockedUntil = rs.getTimestamp("locked_until");
        Instant now = Instant.now();
        boolean locked = lockedUntil != null && lockedUntil.toInstant().isAfter(now);
        boolean expired = !policy.maxAge().isZero() && !policy.maxAge().isNegative()
                && rs.getTimestamp("password_changed_at").toInstant().plus(policy.maxAge()).isBefore(now);
        return new BulwarkUser(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                rs.getString("display_name"), Role.valueOf(rs.getString("role")), rs.getString("region_code"),
                rs.getString("department"), rs.getBoolean("enabled"), locked,
                rs.getBoolean("must_change_password") || expired);
    }
}
