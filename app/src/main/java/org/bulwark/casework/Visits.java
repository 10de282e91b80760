package org.bulwark.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.core.casework.MonitoringState;
import org.bulwark.core.casework.ProcedureDefinition;
import org.bulwark.core.casework.Refusal;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.Role;
import org.bulwark.identity.UserNames;
import org.bulwark.platform.ConflictException;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.registry.HouseholdFile;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Visits to households in casework. A helper records visits to the households assigned to them; cadres and township
 * staff to any in their region. Only the date, the findings and how things stand are asked; the income is optional.
 */
@Service
@Transactional
public class Visits {

    private static final Set<String> CIRCUMSTANCES = Set.of("STABLE", "IMPROVED", "WORSE");
    private static final int MAX_DAYS_BACK = 90;
    private static final RowMapper<Visit> VISIT = (rs, n) -> new Visit(
            rs.getObject("id", UUID.class),
            rs.getLong("household_id"),
            rs.getObject("visited_on", LocalDate.class),
            rs.getString("visitor"),
            rs.getString("findings"),
            rs.getBigDecimal("per_capita_income"),
            rs.getString("circumstances"),
            (Long) rs.getObject("case_id"));

    private final JdbcClient jdbc;
    private final CaseRepository caseRepository;
    private final HouseholdFacts facts;
    private final CurrentUser currentUser;
    private final CaseworkMessages messages;
    private final CaseworkProcedure procedures;
    private final AuditLog audit;
    private final Clock clock;
    private final UserNames userNames;

    Visits(
            JdbcClient jdbc,
            CaseRepository caseRepository,
            HouseholdFacts facts,
            CurrentUser currentUser,
            CaseworkMessages messages,
            CaseworkProcedure procedures,
            AuditLog audit,
            Clock clock,
            UserNames userNames) {
        this.userNames = userNames;
        this.jdbc = jdbc;
        this.caseRepository = caseRepository;
        this.facts = facts;
        this.currentUser = currentUser;
        this.messages = messages;
        this.procedures = procedures;
        this.audit = audit;
        this.clock = clock;
    }

    /** The household's visits, newest first. */
    @Transactional(readOnly = true)
    public List<Visit> of(long householdId) {
        facts.file(householdId);
        List<Visit> visits = jdbc.sql("""
                select v.id, v.household_id, v.visited_on, v.visitor, v.findings, v.per_capita_income, v.circumstances,
                       v.case_id
                from visit v
                where v.household_id = :h order by v.visited_on desc, v.recorded_at desc
                """).param("h", householdId).query(VISIT).list();
        // visitors by their names; the replayed history's have no account and keep theirs
        Map<String, String> names =
                userNames.displayNames(visits.stream().map(Visit::visitor).toList());
        return visits.stream()
                .map(v -> new Visit(
                        v.id(),
                        v.householdId(),
                        v.visitedOn(),
                        UserNames.shown(names, v.visitor()),
                        v.findings(),
                        v.perCapitaIncome(),
                        v.circumstances(),
                        v.caseId()))
                .toList();
    }

    /** Records a visit; the same visit (same id) sent again is stored once and returned as it was. */
    public Visit record(VisitInput input) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.RECORD_VISITS);
        HouseholdFile file = facts.file(input.householdId());
        String findings = input.findings() == null ? "" : input.findings().strip();
        checkVisit(input, findings);
        long householdId = input.householdId();
        if (!caseRepository.inCasework(householdId)) {
            throw messages.refused("householdId", List.of(Refusal.of("visit_needs_case")));
        }
        if (user.role() == Role.HELPER && !assignedTo(householdId, user)) {
            throw messages.refused("householdId", List.of(Refusal.of("not_your_household")));
        }
        int inserted = jdbc.sql("""
                insert into visit (id, household_id, village_code, visited_on, visitor, findings, per_capita_income,
                    circumstances, case_id)
                values (:id, :h, :v, :on, :by, :findings, :income, :circumstances, """ + CaseRepository.PERIOD + """
                )
                on conflict (id) do nothing
                """)
                .param("id", input.id())
                .param("h", householdId)
                .param("v", file.household().villageCode())
                .param("on", input.visitedOn())
                .param("by", user.getUsername())
                .param("findings", findings)
                .param("income", input.perCapitaIncome())
                .param("circumstances", input.circumstances())
                .update();
        Visit stored = jdbc.sql("select * from visit where id = :id")
                .param("id", input.id())
                .query(VISIT)
                .single();
        if (stored.householdId() != householdId) {
            throw new ConflictException(messages.text(Refusal.of("visit_id_taken")));
        }
        if (inserted == 1) {
            audit.record(AuditRecord.created(
                    "visit",
                    input.id(),
                    file.household().villageCode(),
                    Map.of(
                            "household",
                            householdId,
                            "visitedOn",
                            stored.visitedOn(),
                            "circumstances",
                            stored.circumstances(),
                            "perCapitaIncome",
                            String.valueOf(stored.perCapitaIncome()))));
        }
        return stored;
    }

    /**
     * A visit needs the client's id, a day within the last {@value #MAX_DAYS_BACK} days, findings of bounded length,
     * one of the circumstances and no negative income.
     */
    private void checkVisit(VisitInput input, String findings) {
        List<FieldProblem> problems = new ArrayList<>();
        if (input.id() == null) {
            problems.add(new FieldProblem("id", "required", "the client gives each visit an id"));
        }
        LocalDate today = LocalDate.now(clock);
        if (input.visitedOn() == null) {
            problems.add(new FieldProblem("visitedOn", "required", "say when the visit took place"));
        } else if (input.visitedOn().isAfter(today)) {
            problems.add(new FieldProblem("visitedOn", "in_future", "lies in the future"));
        } else if (input.visitedOn().isBefore(today.minusDays(MAX_DAYS_BACK))) {
            problems.add(new FieldProblem("visitedOn", "too_old", "is more than " + MAX_DAYS_BACK + " days ago"));
        }
        if (findings.isEmpty()) {
            problems.add(new FieldProblem("findings", "required", "say what you found"));
        } else if (findings.length() > 2000) {
            problems.add(new FieldProblem("findings", "too_long", "is longer than 2000 characters"));
        }
        if (input.circumstances() == null || !CIRCUMSTANCES.contains(input.circumstances())) {
            problems.add(new FieldProblem("circumstances", "invalid", "choose stable, improved or worse"));
        }
        if (input.perCapitaIncome() != null && input.perCapitaIncome().signum() < 0) {
            problems.add(new FieldProblem("perCapitaIncome", "negative", "cannot be negative"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private boolean assignedTo(long householdId, BulwarkUser helper) {
        return jdbc.sql("""
                select count(*) from helper_assignment where household_id = :h and helper_id = :u and ends_on is null
                """)
                        .param("h", householdId)
                        .param("u", helper.id())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /**
     * The households to visit: a helper's own (or all of the scope), those newly assigned and not yet visited since
     * first — a helper's new household must not wait behind the overdue ones — then by the day the next visit is due.
     */
    private static final String DUE = """
            select * from (
              select d.*, (d.assigned_on is not null and d.status = 'MONITORED'
                           and (d.last_visit is null or d.last_visit < d.assigned_on)) as newly_assigned
              from (
                select m.household_id, h.household_number, m.village_code, m.status, a.helper_id,
                       (select p.name from registry_person p
                        where p.household_id = m.household_id and p.relation = 'HEAD'
                        limit 1) as head_name,
                       (select max(v.visited_on) from visit v where v.household_id = m.household_id) as last_visit,
                       m.identified_on, a.starts_on as assigned_on
                from monitoring m
                join registry_household h on h.id = m.household_id
                left join helper_assignment a on a.household_id = m.household_id and a.ends_on is null
                where m.village_code like :scope and (cast(:helper as bigint) is null or a.helper_id = :helper)
              ) d
            ) d
            where not :overdueOnly or d.newly_assigned or coalesce(d.last_visit, d.identified_on)
                  + case when d.status = 'ELIMINATED' then :observed else :every end < :today
            order by d.newly_assigned desc, coalesce(d.last_visit, d.identified_on)
                  + case when d.status = 'ELIMINATED' then :observed else :every end, d.household_id
            limit :limit
            """;

    /**
     * Households in the user's scope under monitoring or observation with their last visit, overdue first; a helper
     * sees only their own households.
     */
    @Transactional(readOnly = true)
    public List<VisitDue> due(boolean overdueOnly, int limit) {
        BulwarkUser user = currentUser.require();
        RegionScope scope = user.scope();
        LocalDate today = LocalDate.now(clock);
        var procedure = procedures.definition(scope.prefix().length() >= 2 ? scope.prefix() : "00");
        List<Map.Entry<VisitDue, Long>> rows = jdbc.sql(DUE)
                .param("scope", scope.likePattern())
                .param("helper", user.role() == Role.HELPER ? user.id() : null)
                .param("overdueOnly", overdueOnly)
                .param("every", procedure.visitEveryDays(MonitoringState.MONITORED))
                .param("observed", procedure.visitEveryDays(MonitoringState.ELIMINATED))
                .param("today", today)
                .param("limit", limit)
                .query((rs, n) -> Map.entry(visitDue(rs, procedure, today), rs.getLong("helper_id")))
                .list();
        // the helpers' user names, which identity keeps (0: no helper assigned)
        Map<Long, UserNames.Named> helpers =
                userNames.byIds(rows.stream().map(Map.Entry::getValue).toList());
        return rows.stream()
                .map(r -> {
                    VisitDue d = r.getKey();
                    UserNames.Named helper = helpers.get(r.getValue());
                    return new VisitDue(
                            d.householdId(),
                            d.householdNumber(),
                            d.headName(),
                            d.villageCode(),
                            d.status(),
                            helper == null ? null : helper.username(),
                            d.lastVisitOn(),
                            d.dueOn(),
                            d.overdue(),
                            d.newlyAssigned());
                })
                .toList();
    }

    private static VisitDue visitDue(ResultSet rs, ProcedureDefinition procedure, LocalDate today) throws SQLException {
        LocalDate last = rs.getObject("last_visit", LocalDate.class);
        MonitoringState state = MonitoringState.valueOf(rs.getString("status"));
        LocalDate due = (last != null ? last : rs.getObject("identified_on", LocalDate.class))
                .plusDays(procedure.visitEveryDays(state));
        return new VisitDue(
                rs.getLong("household_id"),
                rs.getString("household_number"),
                rs.getString("head_name"),
                rs.getString("village_code"),
                state,
                null,
                last,
                due,
                due.isBefore(today),
                rs.getBoolean("newly_assigned"));
    }
}
