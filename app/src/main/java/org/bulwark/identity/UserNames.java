package org.bulwark.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who the users named in other modules' records are, as pages show them: their display names, looked up in bulk by
 * user name or by id, so that a module keeping a user name or id need not read the accounts table.
 */
@Service
@Transactional(readOnly = true)
public class UserNames {

    /** A user as another module shows one; {@code role} is null for an account not yet given one. */
    public record Named(long id, String username, String displayName, String regionCode, Role role) {}

    private final JdbcClient jdbc;

    UserNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The display names of those of these user names that have an account, by user name. */
    public Map<String, String> displayNames(Collection<String> usernames) {
        Map<String, String> names = new HashMap<>();
        String[] wanted = usernames.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
        if (wanted.length == 0) {
            return names;
        }
        jdbc.sql("select username, display_name from app_user where username = any(cast(:u as varchar[]))")
                .param("u", wanted)
                .query((rs, n) -> names.put(rs.getString("username"), rs.getString("display_name")))
                .list();
        return names;
    }

    /** The display name of a user name, or the user name itself when it has no account. */
    public static String shown(Map<String, String> displayNames, String username) {
        return displayNames.getOrDefault(username, username);
    }

    /** The users with these ids, by id in the database's order of their user names; unknown ids are left out. */
    public Map<Long, Named> byIds(Collection<Long> ids) {
        Map<Long, Named> users = new LinkedHashMap<>();
        Long[] wanted = ids.stream().filter(Objects::nonNull).distinct().toArray(Long[]::new);
        if (wanted.length == 0) {
            return users;
        }
        jdbc.sql("select id, username, display_name, region_code, role from app_user"
                        + " where id = any(cast(:ids as bigint[])) order by username")
                .param("ids", wanted)
                .query((rs, n) -> users.put(rs.getLong("id"), named(rs)))
                .list();
        return users;
    }

    /**
     * The users with these user names, by user name, with their display names and roles (a page names a person
     * and what they do: 张三 · 村干部); names without an account are left out.
     */
    public Map<String, Named> byUsernames(Collection<String> usernames) {
        Map<String, Named> users = new HashMap<>();
        String[] wanted = usernames.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
        if (wanted.length == 0) {
            return users;
        }
        jdbc.sql("select id, username, display_name, region_code, role from app_user"
                        + " where username = any(cast(:u as varchar[]))")
                .param("u", wanted)
                .query((rs, n) -> users.put(rs.getString("username"), named(rs)))
                .list();
        return users;
    }

    /**
     * The user names of the accounts whose user name is {@code text} or whose display name contains it, at most
     * {@code limit}: a reader looks for a person by the name they know.
     */
    public List<String> matching(String text, int limit) {
        String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("select username from app_user where username = :text or display_name like :like"
                        + " order by username limit :limit")
                .param("text", text)
                .param("like", like)
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    private static Named named(ResultSet rs) throws SQLException {
        String role = rs.getString("role");
        return new Named(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("region_code"),
                role == null ? null : Role.valueOf(role));
    }
}
