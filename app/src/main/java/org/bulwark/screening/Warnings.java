package org.bulwark.screening;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditDescription;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.core.screening.Direction;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.Role;
import org.bulwark.platform.ConflictException;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The warning lifecycle within the user's region: open warnings go to the village and township responsible and are
 * verified before their deadline — confirmed or dismissed with a reason. Confirming a downward warning leads the
 * household into identification (casework opens its case, or joins the warning to the case under way); confirming an
 * upward one records the finding. Overdue
 * warnings escalate: to the township when the deadline passes, to the county a week later.
 */
@Service
@Transactional
public class Warnings {

    static final int DAYS_BEFORE_COUNTY = 7;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Warnings(JdbcClient jdbc, CurrentUser currentUser, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** Warnings of the region, most urgent first: open and overdue, then by deadline and level. */
    @Transactional(readOnly = true)
    public List<Warning> list(String status, boolean overdueOnly, String regionCode, int limit) {
        return list(status, overdueOnly, regionCode, limit, 0);
    }

    /** One page of {@link #list(String, boolean, String, int)}: {@code limit} warnings after the first {@code offset}. */
    @Transactional(readOnly = true)
    public List<Warning> list(String status, boolean overdueOnly, String regionCode, int limit, long offset) {
        RegionScope scope = currentUser.scope();
        String region;
        try {
            region = regionCode == null || regionCode.isBlank()
                    ? ""
                    : RegionScope.of(regionCode.strip()).prefix();
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("region", "region_code", e.getMessage());
        }
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                select w.*, h.household_number,
                       (select p.name from registry_person p
                        where p.household_id = w.household_id and p.relation = 'HEAD'
                        limit 1) as head_name
                from warning w left join registry_household h on h.id = w.household_id
                where w.village_code like :scope and w.village_code like :region
                  and (:status::text is null or w.status = :status)
                  and (not :overdue or (w.status = 'OPEN' and w.deadline < :today))
                order by (w.status = 'OPEN') desc, w.deadline,
                         case w.level when 'RED' then 0 when 'ORANGE' then 1 else 2 end, w.id
                limit :limit offset :offset
                """)
                .param("scope", scope.likePattern())
                .param("region", region + "%")
                .param(
                        "status",
                        status == null || status.isBlank()
                                ? null
                                : status.strip().toUpperCase())
                .param("overdue", overdueOnly)
                .param("today", today)
                .param("limit", limit)
                .param("offset", Math.max(offset, 0))
                .query(mapper(today))
                .list();
    }

    /** Counts of open, overdue and verified warnings in the region. */
    @Transactional(readOnly = true)
    public Map<String, Long> counts() {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                select count(*) filter (where status = 'OPEN') as open,
                       count(*) filter (where status = 'OPEN' and deadline < :today) as overdue,
                       count(*) filter (where status = 'CONFIRMED') as confirmed,
                       count(*) filter (where status = 'DISMISSED') as dismissed
                from warning where village_code like :scope
                """)
                .param("today", today)
                .param("scope", currentUser.scope().likePattern())
                .query((rs, n) -> Map.of(
                        "open",
                        rs.getLong(1),
                        "overdue",
                        rs.getLong(2),
                        "confirmed",
                        rs.getLong(3),
                        "dismissed",
                        rs.getLong(4)))
                .single();
    }

    /** One warning of the region. */
    @Transactional(readOnly = true)
    public Warning get(long id) {
        return jdbc.sql("""
                select w.*, h.household_number,
                       (select p.name from registry_person p
                        where p.household_id = w.household_id and p.relation = 'HEAD'
                        limit 1) as head_name
                from warning w left join registry_household h on h.id = w.household_id
                where w.id = :id and w.village_code like :scope
                """)
                .param("id", id)
                .param("scope", currentUser.scope().likePattern())
                .query(mapper(LocalDate.now(clock)))
                .optional()
                .orElseThrow(() -> new NotFoundException("warning", id));
    }

    /** The warnings about a household in the user's scope, newest first. */
    public List<Warning> ofHousehold(long householdId, int limit) {
        return jdbc.sql("""
                select w.*, h.household_number,
                       (select p.name from registry_person p
                        where p.household_id = w.household_id and p.relation = 'HEAD'
                        limit 1) as head_name
                from warning w left join registry_household h on h.id = w.household_id
                where w.household_id = :h and w.village_code like :scope
                order by w.raised_at desc, w.id desc limit :limit
                """)
                .param("h", householdId)
                .param("scope", currentUser.scope().likePattern())
                .param("limit", limit)
                .query(mapper(LocalDate.now(clock)))
                .list();
    }

    /**
     * The open downward warnings (risks) of a household in the user's scope, counted by the rule's risk type: what
     * risk elimination must see resolved.
     */
    public Map<String, Integer> openRisksOf(long householdId) {
        Map<String, Integer> counts = new TreeMap<>();
        jdbc.sql("""
                select coalesce(risk_type, 'other') as risk_type, count(*) as n from warning
                where household_id = :h and status = 'OPEN' and direction = 'DOWN' and village_code like :scope
                group by 1
                """)
                .param("h", householdId)
                .param("scope", currentUser.scope().likePattern())
                .query((rs, n) -> counts.put(rs.getString("risk_type"), rs.getInt("n")))
                .list();
        return counts;
    }

    /** Confirms the warning: a downward one leads to identification (see the class), an upward one is recorded. */
    public Warning confirm(long id, int version, String note) {
        return verify(id, version, WarningStatus.CONFIRMED, note == null ? null : note.strip());
    }

    /** Dismisses the warning; the reason is required. */
    public Warning dismiss(long id, int version, String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "required", "say why the warning is dismissed");
        }
        if (reason.length() > 1000) {
            throw InvalidInputException.of("reason", "too_long", "is longer than 1000 characters");
        }
        return verify(id, version, WarningStatus.DISMISSED, reason.strip());
    }

    private Warning verify(long id, int version, WarningStatus status, String note) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.VERIFY_WARNINGS);
        Warning before = get(id);
        if (WarningStatus.valueOf(before.status()) != WarningStatus.OPEN) {
            throw new ConflictException(
                    "warning " + id + " was already " + before.status().toLowerCase() + " by " + before.verifiedBy());
        }
        int changed = jdbc.sql("""
                update warning set status = :status, verified_by = :user, verified_at = now(), verification_note = :note,
                    version = version + 1
                where id = :id and version = :version and status = 'OPEN' and village_code like :scope
                """)
                .param("status", status.name())
                .param("user", user.getUsername())
                .param("note", note)
                .param("id", id)
                .param("version", version)
                .param("scope", user.scope().likePattern())
                .update();
        if (changed == 0) {
            throw new ConflictException("warning " + id + " was changed by someone else; reload it");
        }
        Warning after = get(id);
        audit.record(new AuditRecord(
                        AuditAction.UPDATE,
                        "warning",
                        String.valueOf(id),
                        after.villageCode(),
                        null,
                        Map.of("status", before.status()),
                        Map.of("status", after.status(), "note", note == null ? "" : note))
                .described(
                        "warningStatus",
                        AuditDescription.label("warning.status." + status),
                        AuditDescription.label("rules.title." + after.ruleId())));
        if (status == WarningStatus.CONFIRMED) {
            events.publishEvent(new WarningConfirmed(
                    id,
                    after.householdId(),
                    after.villageCode(),
                    after.ruleId(),
                    after.riskType(),
                    Direction.valueOf(after.direction()),
                    LocalDate.now(clock),
                    user.getUsername()));
        }
        return after;
    }

    /**
     * Warnings as the user may read them: the evidence of an illness or disability warning is health data (costs of
     * treatment, diagnoses, certificates), so a role without {@code READ_SENSITIVE_DATA} gets the warning without it.
     */
    private RowMapper<Warning> mapper(LocalDate today) {
        boolean sensitive = currentUser
                .find()
                .map(u -> u.can(Role.Permission.READ_SENSITIVE_DATA))
                .orElse(true);
        return (rs, n) -> {
            LocalDate deadline = rs.getObject("deadline", LocalDate.class);
            boolean open = WarningStatus.valueOf(rs.getString("status")) == WarningStatus.OPEN;
            boolean overdue = open && deadline.isBefore(today);
            String escalatedTo = !overdue
                    ? "VILLAGE"
                    : deadline.plusDays(DAYS_BEFORE_COUNTY).isBefore(today) ? "COUNTY" : "TOWNSHIP";
            // read as an object: getLong gives 0 for an unregistered person's warning, which has no household
            Long household = rs.getObject("household_id", Long.class);
            return new Warning(
                    rs.getLong("id"),
                    household,
                    rs.getString("id_number"),
                    rs.getString("village_code"),
                    rs.getString("rule_id"),
                    rs.getString("rule_version"),
                    rs.getString("direction"),
                    rs.getString("risk_type"),
                    rs.getString("level"),
                    rs.getString("status"),
                    rs.getBoolean("registered"),
                    rs.getObject("as_of", LocalDate.class),
                    rs.getTimestamp("raised_at").toInstant(),
                    deadline,
                    sensitive || !Warning.HEALTH_RISKS.contains(rs.getString("risk_type"))
                            ? rs.getString("evidence")
                            : null,
                    rs.getString("verified_by"),
                    rs.getTimestamp("verified_at") == null
                            ? null
                            : rs.getTimestamp("verified_at").toInstant(),
                    rs.getString("verification_note"),
                    rs.getInt("version"),
                    overdue,
                    escalatedTo,
                    rs.getString("household_number"),
                    rs.getString("head_name"));
        };
    }
}
