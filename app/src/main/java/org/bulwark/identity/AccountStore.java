package org.bulwark.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The accounts table as the users page reads and changes it. Every read takes the administrator's scope, so an
 * account outside it is not found whatever asks.
 */
@Repository
class AccountStore {

    private static final String SELECT = """
            select u.id, u.username, u.display_name, u.role, u.region_code, coalesce(r.name, u.region_code) as region_name,
                   u.department, u.enabled, u.locked_until, u.failed_logins, u.last_sign_in_at, u.password_changed_at,
                   u.must_change_password, u.created_at
            from app_user u left join region_name r on r.code = u.region_code
            """;
    private static final String FILTER = """
            where u.region_code like :scope and u.region_code like :region
              and (cast(:role as text) is null or u.role = :role)
              and (cast(:state as text) is null
                   or (:state = 'ENABLED' and u.enabled) or (:state = 'DISABLED' and not u.enabled)
                   or (:state = 'LOCKED' and u.locked_until > now()))
            """;

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UserPage page(RegionScope scope, RegionScope region, Role role, UserFilter.State state, int page, int size) {
        long total = bind(jdbc.sql("select count(*) from app_user u " + FILTER), scope, region, role, state)
                .query(Long.class)
                .single();
        var users = bind(
                        jdbc.sql(SELECT + FILTER + " order by u.region_code, u.username limit :size offset :offset"),
                        scope,
                        region,
                        role,
                        state)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(AccountStore::account)
                .list();
        return new UserPage(users, total, page, size);
    }

    private static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec sql, RegionScope scope, RegionScope region, Role role, UserFilter.State state) {
        return sql.param("scope", scope.likePattern())
                .param("region", region.likePattern())
                .param("role", role == null ? null : role.name())
                .param("state", state == null ? null : state.name());
    }

    Optional<UserAccount> find(RegionScope scope, long id) {
        return jdbc.sql(SELECT + " where u.id = :id and u.region_code like :scope")
                .param("id", id)
                .param("scope", scope.likePattern())
                .query(AccountStore::account)
                .optional();
    }

    UserCounts counts(RegionScope scope) {
        return jdbc.sql("""
                select count(*) as total, count(*) filter (where not enabled) as disabled,
                       count(*) filter (where locked_until > now()) as locked,
                       count(*) filter (where must_change_password) as must_change
                from app_user where region_code like :scope
                """)
                .param("scope", scope.likePattern())
                .query((rs, n) -> new UserCounts(
                        rs.getLong("total"), rs.getLong("disabled"), rs.getLong("locked"), rs.getLong("must_change")))
                .single();
    }

    /** Whether a username is taken, letters compared without case (cadre and Cadre are the same person to people). */
    boolean usernameTaken(String username) {
        return jdbc.sql("select exists (select 1 from app_user where lower(username) = lower(:u))")
                .param("u", username)
                .query(Boolean.class)
                .single();
    }

    long insert(
            String username, String passwordHash, String displayName, Role role, String regionCode, String department) {
        return jdbc.sql("""
                insert into app_user (username, password_hash, display_name, role, region_code, department,
                                      must_change_password)
                values (:u, :p, :d, :r, :c, :dept, true) returning id
                """)
                .param("u", username)
                .param("p", passwordHash)
                .param("d", displayName)
                .param("r", role.name())
                .param("c", regionCode)
                .param("dept", department)
                .query(Long.class)
                .single();
    }

    void setEnabled(long id, boolean enabled) {
        jdbc.sql("update app_user set enabled = :e where id = :id")
                .param("e", enabled)
                .param("id", id)
                .update();
    }

    void unlock(long id) {
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null where id = :id")
                .param("id", id)
                .update();
    }

    /** Sets a new password; {@code mustChange} when someone else chose it. Clears a lockout. */
    void setPassword(long id, String passwordHash, boolean mustChange) {
        jdbc.sql("""
                update app_user set password_hash = :p, password_changed_at = now(), must_change_password = :m,
                                    failed_logins = 0, locked_until = null
                where id = :id
                """)
                .param("p", passwordHash)
                .param("m", mustChange)
                .param("id", id)
                .update();
    }

    String passwordHash(long id) {
        return jdbc.sql("select password_hash from app_user where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    void updateProfile(long id, String displayName, Role role, String regionCode, String department) {
        jdbc.sql("""
                update app_user set display_name = :d, role = :r, region_code = :c, department = :dept where id = :id
                """)
                .param("d", displayName)
                .param("r", role.name())
                .param("c", regionCode)
                .param("dept", department)
                .param("id", id)
                .update();
    }

    private static UserAccount account(ResultSet rs, int n) throws SQLException {
        Instant lockedUntil = instant(rs.getTimestamp("locked_until"));
        return new UserAccount(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                rs.getString("region_code"),
                rs.getString("region_name"),
                rs.getString("department"),
                rs.getBoolean("enabled"),
                lockedUntil != null && lockedUntil.isAfter(Instant.now()),
                lockedUntil,
                rs.getInt("failed_logins"),
                instant(rs.getTimestamp("last_sign_in_at")),
                instant(rs.getTimestamp("password_changed_at")),
                rs.getBoolean("must_change_password"),
                instant(rs.getTimestamp("created_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
