package org.bulwark.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.bulwark.region.Region;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens, for scripts calling the API (and the only way in over HTTP Basic for an account with
 * two-factor sign-in). A token is shown once and kept as its SHA-256; it is limited to a region of the owner's
 * subtree and to permissions the owner's role holds, expires, can be revoked, and is narrowed again at every use to
 * what the owner may do then. Creation, revocation and every use are audited.
 */
@Service
public class AccessTokens {

    /** Every token starts with this, so that the sign-in tells it from a password. */
    public static final String PREFIX = "bwk_";

    private static final int NAME_MAX = 64;

    /** A created token: its id and the secret, which is shown this once. */
    public record NewToken(long id, String token) {}

    /** A token as its owner sees it (never the secret). */
    public record Token(
            long id,
            String name,
            String regionCode,
            List<Role.Permission> permissions,
            Instant createdAt,
            Instant expiresAt,
            Instant revokedAt,
            Instant lastUsedAt) {
        public boolean active() {
            return revokedAt == null && expiresAt.isAfter(Instant.now());
        }
    }

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AccountChecks checks;
    private final UserAccounts accounts;
    private final ApplicationEventPublisher events;
    private final int maxDays;
    private final SecureRandom random = new SecureRandom();

    AccessTokens(
            JdbcClient jdbc,
            CurrentUser currentUser,
            AccountChecks checks,
            UserAccounts accounts,
            ApplicationEventPublisher events,
            @Value("${bulwark.security.tokens.max-days:365}") int maxDays) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.checks = checks;
        this.accounts = accounts;
        this.events = events;
        this.maxDays = maxDays;
    }

    /** The permissions the signed-in user may put into a token: those of their role. */
    public List<Role.Permission> grantable() {
        BulwarkUser user = currentUser.require();
        return EnumSet.allOf(Role.Permission.class).stream().filter(user::can).toList();
    }

    /** The longest a token may last, in days ({@code bulwark.security.tokens.max-days}). */
    public int maxDays() {
        return maxDays;
    }

    /** Creates a token of the signed-in user; every field is checked before anything is stored. */
    @Transactional
    public NewToken create(String name, String regionCode, List<String> permissions, Integer days) {
        BulwarkUser user = currentUser.require();
        if (user.signedInWithToken()) {
            // a token narrowed to a village must not mint one for the owner's whole county
            throw new AccessDeniedException("a token cannot create tokens");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > NAME_MAX || label.chars().anyMatch(Character::isISOControl)) {
            problems.add(new FieldProblem("name", "required", "1 to " + NAME_MAX + " characters"));
        }
        Region region = checks.region(user, blank(regionCode) ? user.regionCode() : regionCode, problems);
        Set<Role.Permission> granted = permissions(user, permissions, problems);
        if (days == null || days < 1 || days > maxDays) {
            problems.add(new FieldProblem("days", "out_of_range", "1 to " + maxDays + " days"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
        Instant expires = Instant.now().plus(Duration.ofDays(days));
        long id = jdbc.sql("""
                insert into personal_access_token (user_id, name, token_hash, region_code, permissions, expires_at)
                values (:u, :n, :h, :r, :p, :e) returning id
                """)
                .param("u", user.id())
                .param("n", label)
                .param("h", hash(token))
                .param("r", region.code())
                .param("p", granted.stream().map(Enum::name).toArray(String[]::new))
                .param("e", Timestamp.from(expires))
                .query(Long.class)
                .single();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("regionCode", region.code());
        details.put("permissions", granted.stream().map(Enum::name).toList());
        details.put("expiresAt", expires.toString());
        events.publishEvent(new AccessTokenEvent(
                AccessTokenEvent.Kind.CREATED, id, label, user.getUsername(), user.role(), user.regionCode(), details));
        return new NewToken(id, token);
    }

    /** The signed-in user's tokens, newest first. */
    @Transactional(readOnly = true)
    public List<Token> mine() {
        return jdbc.sql("""
                select id, name, region_code, permissions, created_at, expires_at, revoked_at, last_used_at
                from personal_access_token where user_id = :u order by created_at desc, id desc
                """)
                .param("u", currentUser.require().id())
                .query((rs, n) -> new Token(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("region_code"),
                        Arrays.stream((String[]) rs.getArray("permissions").getArray())
                                .map(Role.Permission::valueOf)
                                .toList(),
                        instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("expires_at")),
                        instant(rs.getTimestamp("revoked_at")),
                        instant(rs.getTimestamp("last_used_at"))))
                .list();
    }

    /** Revokes one of the signed-in user's tokens; another's is not found. */
    @Transactional
    public void revoke(long id) {
        BulwarkUser user = currentUser.require();
        String name = jdbc.sql("""
                update personal_access_token set revoked_at = coalesce(revoked_at, now())
                where id = :id and user_id = :u returning name
                """)
                .param("id", id)
                .param("u", user.id())
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("token", id));
        events.publishEvent(new AccessTokenEvent(
                AccessTokenEvent.Kind.REVOKED, id, name, user.getUsername(), user.role(), user.regionCode(), Map.of()));
    }

    /**
     * The user a token signs in as, narrowed to the token's region and permissions (and to what the owner's role
     * holds today); refused when the token is unknown, another's, expired or revoked, or the owner cannot sign in.
     */
    @Transactional
    BulwarkUser authenticate(String username, String token) {
        record Row(long id, String name, long userId, String regionCode, String[] permissions) {}
        Optional<Row> row = jdbc.sql("""
                update personal_access_token t set last_used_at = now()
                from app_user u
                where t.token_hash = :h and u.id = t.user_id and u.username = :u
                  and t.revoked_at is null and t.expires_at > now()
                returning t.id, t.name, t.user_id, t.region_code, t.permissions
                """)
                .param("h", hash(token))
                .param("u", username)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), (String[])
                        rs.getArray(5).getArray()))
                .optional();
        BulwarkUser owner = row.flatMap(r -> accounts.find(username))
                .orElseThrow(() -> new BadCredentialsException("unknown, expired or revoked token"));
        if (!owner.isEnabled()
                || !owner.isAccountNonLocked()
                || !owner.scope().covers(row.get().regionCode())) {
            throw new BadCredentialsException("the token's owner cannot sign in, or no longer holds its region");
        }
        Set<Role.Permission> permissions = EnumSet.noneOf(Role.Permission.class);
        for (String p : row.get().permissions()) {
            permissions.add(Role.Permission.valueOf(p));
        }
        BulwarkUser narrowed = owner.narrowedTo(row.get().regionCode(), permissions);
        events.publishEvent(new AccessTokenEvent(
                AccessTokenEvent.Kind.USED,
                row.get().id(),
                row.get().name(),
                username,
                owner.role(),
                row.get().regionCode(),
                Map.of()));
        return narrowed;
    }

    private static Set<Role.Permission> permissions(BulwarkUser user, List<String> names, List<FieldProblem> problems) {
        Set<Role.Permission> granted = EnumSet.noneOf(Role.Permission.class);
        for (String name : names == null ? List.<String>of() : names) {
            try {
                Role.Permission permission = Role.Permission.valueOf(name.strip());
                if (!user.can(permission)) {
                    problems.add(new FieldProblem(
                            "permissions", "permission_not_held", permission + " is not a permission of your role"));
                }
                granted.add(permission);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("permissions", "allowed_values", "not a permission: " + name));
            }
        }
        if (granted.isEmpty() && problems.stream().noneMatch(p -> p.field().equals("permissions"))) {
            problems.add(new FieldProblem("permissions", "required", "at least one permission"));
        }
        return granted;
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
