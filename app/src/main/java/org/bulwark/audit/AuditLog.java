package org.bulwark.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.Role;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes and reads the audit log. Writing joins the caller's transaction, so a change and its audit entry are
 * stored together or not at all. The table has no update or delete path (a trigger refuses them) and each entry
 * carries the hash of its predecessor, so a removed or altered entry breaks the chain.
 */
@Service
public class AuditLog {

    static final String GENESIS = "0".repeat(64);

    private static final RowMapper<AuditEntry> ENTRY = (rs, n) -> new AuditEntry(
            rs.getLong("id"),
            rs.getTimestamp("at").toInstant(),
            rs.getString("username"),
            rs.getString("role"),
            AuditAction.valueOf(rs.getString("action")),
            rs.getString("entity_type"),
            rs.getString("entity_id"),
            rs.getString("region_code"),
            rs.getString("channel"),
            rs.getString("summary"),
            rs.getString("before"),
            rs.getString("after"),
            rs.getString("summary_key"),
            rs.getString("summary_args"));

    /** The columns every read selects, in the order {@link #ENTRY} reads them. */
    static final String COLUMNS = """
            id, at, username, role, action, entity_type, entity_id, region_code, channel, summary,
            before::text as before, after::text as after, summary_key, summary_args::text as summary_args""";

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final ObjectMapper json;
    private final ChainWrites writes;

    AuditLog(JdbcClient jdbc, CurrentUser currentUser, ObjectMapper json, ChainWrites writes) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.json = json;
        this.writes = writes;
    }

    /** Records a change made by the signed-in user (or by the system, for tasks without one). */
    @Transactional
    public void record(AuditRecord record) {
        Optional<BulwarkUser> user = currentUser.find();
        append(
                user.map(BulwarkUser::getUsername).orElse("system"),
                user.map(u -> u.role().name()).orElse(null),
                record);
    }

    /** Records an event for a named user who may not be signed in (a login, a failed login). */
    @Transactional
    public void recordFor(String username, Role role, AuditRecord record) {
        append(username, role == null ? null : role.name(), record);
    }

    private void append(String username, String role, AuditRecord record) {
        // one writer at a time extends the chain; the lock ends with the transaction
        jdbc.sql("select pg_advisory_xact_lock(7262)").query().singleRow();
        String prev = jdbc.sql("select hash from audit_log order by id desc limit 1")
                .query(String.class)
                .optional()
                .orElse(GENESIS);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                insert into audit_log (at, username, role, action, entity_type, entity_id, region_code, channel,
                                       summary, before, after, summary_key, summary_args, prev_hash, hash)
                values (:at, :username, :role, :action, :entityType, :entityId, :regionCode, :channel, :summary,
                        cast(:before as jsonb), cast(:after as jsonb), :key, cast(:args as jsonb), :prev,
                        audit_row_hash(:prev, :at, :username, :role, :action, :entityType, :entityId, :regionCode,
                                       :channel, :summary, cast(:before as jsonb), cast(:after as jsonb), :key,
                                       cast(:args as jsonb)))
                """)
                .param("at", Timestamp.from(at))
                .param("username", username)
                .param("role", role)
                .param("action", record.action().name())
                .param("entityType", record.entityType())
                .param("entityId", record.entityId())
                .param("regionCode", record.regionCode())
                .param("channel", channel())
                .param("summary", record.summary())
                .param("before", toJson(record.before()))
                .param("after", toJson(record.after()))
                .param(
                        "key",
                        record.description() == null
                                ? null
                                : record.description().key())
                .param(
                        "args",
                        record.description() == null
                                ? null
                                : toJson(record.description().args()))
                .param("prev", prev)
                .update();
        writes.written();
    }

    /** Entries about regions in the scope (and, for the scope's holders, entries without a region), newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> recent(RegionScope scope, String entityType, String entityId, int limit) {
        return jdbc.sql("""
                select %s
                from audit_log
                where (region_code like :pattern or (:nationwide and region_code is null))
                  and (:entityType::text is null or entity_type = :entityType)
                  and (:entityId::text is null or entity_id = :entityId)
                order by id desc limit :limit
                """.formatted(COLUMNS))
                .param("pattern", scope.likePattern())
                .param("nationwide", scope.prefix().isEmpty())
                .param("entityType", entityType)
                .param("entityId", entityId)
                .param("limit", limit)
                .query(ENTRY)
                .list();
    }

    /** One entry about a region in the scope (or, for the scope's holders, without a region). */
    @Transactional(readOnly = true)
    public Optional<AuditEntry> find(RegionScope scope, long id) {
        return jdbc.sql("""
                select %s
                from audit_log
                where id = :id and (region_code like :pattern or (:nationwide and region_code is null))
                """.formatted(COLUMNS))
                .param("id", id)
                .param("pattern", scope.likePattern())
                .param("nationwide", scope.prefix().isEmpty())
                .query(ENTRY)
                .optional();
    }

    /**
     * Entries about any of the given objects (entity type → ids) in the scope, newest first: the trail of a
     * household together with its members and incomes.
     */
    @Transactional(readOnly = true)
    public List<AuditEntry> about(RegionScope scope, Map<String, ? extends Collection<String>> objects, int limit) {
        return about(scope, objects, null, null, limit);
    }

    /**
     * As {@link #about(RegionScope, java.util.Map, int)}, only entries of these actions (all when null), and with
     * {@code householdId} also the deletions of objects that belonged to that household — a member or an income
     * record no longer there, found by the {@code householdId} of the deleted object's before-image (indexed, V16).
     */
    @Transactional(readOnly = true)
    public List<AuditEntry> about(
            RegionScope scope,
            Map<String, ? extends Collection<String>> objects,
            Set<AuditAction> actions,
            Long householdId,
            int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = objects(objects, householdId, params);
        return jdbc.sql("""
                select %s
                from audit_log where region_code like :pattern and (%s)
                  and action = any(:actions)
                order by id desc limit :limit
                """.formatted(COLUMNS, where))
                .params(params)
                .param("pattern", scope.likePattern())
                .param("limit", limit)
                .param(
                        "actions",
                        (actions == null ? EnumSet.allOf(AuditAction.class) : actions)
                                .stream().map(Enum::name).toArray(String[]::new))
                .query(ENTRY)
                .list();
    }

    /**
     * One page of the entries of the scope that the filter lets through, newest first: {@code limit} entries after
     * the first {@code offset}. Every part of the filter is a condition of the query, so a page costs the same
     * whether the log holds a thousand entries or millions (indexes on region, user, time and object, V2 and V52).
     */
    @Transactional(readOnly = true)
    public List<AuditEntry> filtered(RegionScope scope, AuditFilter filter, long offset, int limit) {
        StringBuilder where = new StringBuilder("(region_code like :pattern or (:nationwide and region_code is null))");
        Map<String, Object> params = new HashMap<>();
        if (filter.usernames() != null) {
            where.append(" and username = any(:usernames)");
            params.put("usernames", filter.usernames().toArray(String[]::new));
        }
        if (filter.action() != null) {
            where.append(" and action = :action");
            params.put("action", filter.action().name());
        }
        if (filter.entityType() != null) {
            where.append(" and entity_type = :entityType");
            params.put("entityType", filter.entityType());
        }
        if (filter.entityId() != null) {
            where.append(" and entity_id = :entityId");
            params.put("entityId", filter.entityId());
        }
        if (filter.from() != null) {
            where.append(" and at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and at < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        if (filter.objects() != null) {
            where.append(" and (")
                    .append(objects(filter.objects(), filter.household(), params))
                    .append(")");
        }
        return jdbc.sql("select %s from audit_log where %s order by id desc limit :limit offset :offset"
                        .formatted(COLUMNS, where))
                .params(params)
                .param("pattern", scope.likePattern())
                .param("nationwide", scope.prefix().isEmpty())
                .param("limit", limit)
                .param("offset", offset)
                .query(ENTRY)
                .list();
    }

    /** The condition "about one of these objects, or the deletion of a part of this household". */
    private static String objects(
            Map<String, ? extends Collection<String>> objects, Long householdId, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("false");
        int i = 0;
        for (var e : objects.entrySet()) {
            where.append(" or (entity_type = :t")
                    .append(i)
                    .append(" and entity_id = any(:ids")
                    .append(i)
                    .append("))");
            params.put("t" + i, e.getKey());
            params.put("ids" + i, e.getValue().toArray(String[]::new));
            i++;
        }
        if (householdId != null) {
            where.append(" or (action = 'DELETE' and before->>'householdId' = :household)");
            params.put("household", String.valueOf(householdId));
        }
        return where.toString();
    }

    /** Ids of entries whose hash or link to the previous entry does not match: empty when the chain is intact. */
    @Transactional(readOnly = true)
    public List<Long> brokenLinks() {
        return jdbc.sql("""
                select id from (
                    select id, hash, prev_hash,
                           lag(hash) over (order by id) as expected_prev,
                           audit_row_hash(prev_hash, at, username, role, action, entity_type, entity_id, region_code,
                                          channel, summary, before, after, summary_key, summary_args) as recomputed
                    from audit_log) chain
                where hash <> recomputed or prev_hash <> coalesce(expected_prev, :genesis)
                order by id
                """).param("genesis", GENESIS).query(Long.class).list();
    }

    private String toJson(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    private static String channel() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRequestURI().startsWith("/api/") ? "API" : "WEB";
        }
        return "CLI";
    }
}
