package org.bulwark.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.core.casework.MonitoringState;
import org.bulwark.core.casework.Refusal;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.Role;
import org.bulwark.identity.UserAccounts;
import org.bulwark.identity.UserNames;
import org.bulwark.registry.HouseholdFile;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one designated helper of each household under monitoring (or in identification): assignment and reassignment
 * keep the history; the township sees each helper's caseload and overdue visits.
 */
@Service
@Transactional
public class Helpers {

    /** An assignment as stored; the helper's user name and name come from identity (see {@link #named}). */
    private static final RowMapper<HelperAssignment> ASSIGNMENT = (rs, n) -> new HelperAssignment(
            rs.getLong("id"),
            rs.getLong("household_id"),
            rs.getLong("helper_id"),
            null,
            // a helper without an account (from a county's roster) is named by the helper_person row
            rs.getString("person_name"),
            rs.getObject("starts_on", LocalDate.class),
            rs.getObject("ends_on", LocalDate.class),
            rs.getString("assigned_by"),
            rs.getString("reason"),
            (Long) rs.getObject("case_id"));

    private final JdbcClient jdbc;
    private final CaseRepository caseRepository;
    private final HouseholdFacts facts;
    private final UserAccounts accounts;
    private final CurrentUser currentUser;
    private final CaseworkMessages messages;
    private final CaseworkProcedure procedures;
    private final AuditLog audit;
    private final Clock clock;
    private final UserNames userNames;

    Helpers(
            JdbcClient jdbc,
            CaseRepository caseRepository,
            HouseholdFacts facts,
            UserAccounts accounts,
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
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.messages = messages;
        this.procedures = procedures;
        this.audit = audit;
        this.clock = clock;
    }

    /** The household's current helper, if one is assigned. */
    @Transactional(readOnly = true)
    public Optional<HelperAssignment> current(long householdId) {
        facts.file(householdId);
        return named(jdbc
                        .sql(select() + " where a.household_id = :h and a.ends_on is null")
                        .param("h", householdId)
                        .query(ASSIGNMENT)
                        .optional()
                        .stream()
                        .toList())
                .stream()
                .findFirst();
    }

    /** Every helper the household has had, newest first. */
    @Transactional(readOnly = true)
    public List<HelperAssignment> history(long householdId) {
        facts.file(householdId);
        return named(jdbc.sql(select() + " where a.household_id = :h order by a.id desc")
                .param("h", householdId)
                .query(ASSIGNMENT)
                .list());
    }

    /** Users who may be assigned to households of this village: helpers and cadres whose region covers it. */
    @Transactional(readOnly = true)
    public List<BulwarkUser> candidates(String villageCode) {
        return accounts.list(currentUser.scope()).stream()
                .filter(u -> u.role() == Role.HELPER || u.role() == Role.VILLAGE_CADRE)
                .filter(u -> villageCode.startsWith(u.scope().prefix()))
                .toList();
    }

    /** Makes {@code helperUsername} the household's helper; the previous assignment ends today. */
    public HelperAssignment assign(long householdId, String helperUsername, String reason) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.ASSIGN_HELPERS);
        HouseholdFile file = facts.file(householdId);
        String village = file.household().villageCode();
        if (!caseRepository.inCasework(householdId)) {
            throw messages.refused("household", List.of(Refusal.of("helper_needs_case")));
        }
        BulwarkUser helper = accounts.find(helperUsername == null ? "" : helperUsername.strip())
                .filter(u -> u.role() == Role.HELPER || u.role() == Role.VILLAGE_CADRE)
                .filter(u ->
                        village.startsWith(u.scope().prefix()) && user.scope().covers(u.regionCode()))
                .orElseThrow(
                        () -> messages.refused("helper", List.of(Refusal.of("helper_not_eligible", helperUsername))));
        LocalDate today = LocalDate.now(clock);
        Optional<HelperAssignment> before = current(householdId);
        if (before.isPresent()
                && before.get().helperId() == helper.id()
                && Objects.equals(before.get().caseId(), caseRepository.period(householdId))) {
            return before.get();
        }
        jdbc.sql("update helper_assignment set ends_on = :today where household_id = :h and ends_on is null")
                .param("today", today)
                .param("h", householdId)
                .update();
        jdbc.sql("""
                insert into helper_assignment (household_id, helper_id, starts_on, assigned_by, reason, case_id)
                values (:h, :helper, :today, :by, :reason, """ + CaseRepository.PERIOD + """
                )
                """)
                .param("h", householdId)
                .param("helper", helper.id())
                .param("today", today)
                .param("by", user.getUsername())
                .param("reason", reason == null || reason.isBlank() ? null : reason.strip())
                .update();
        HelperAssignment after = current(householdId).orElseThrow();
        audit.record(AuditRecord.updated(
                "helper_assignment",
                householdId,
                village,
                before.map(b -> (Object)
                                Map.of("helper", b.helperUsername() != null ? b.helperUsername() : b.helperName()))
                        .orElse(null),
                Map.of("helper", after.helperUsername(), "reason", after.reason() == null ? "" : after.reason())));
        return after;
    }

    /**
     * Ends the assignment left over from the household's earlier monitoring period when a new identification case
     * opens a new one (issue 14, item 11): the new period's helper is designated again at the township's step, so
     * that the helper who followed the household after its risk was eliminated does not read as the new period's.
     */
    void endEarlierPeriod(long householdId, String village, LocalDate today) {
        Optional<HelperAssignment> before = current(householdId);
        int ended = jdbc.sql("update helper_assignment set ends_on = :today where household_id = :h and ends_on is null"
                        + " and (case_id is null or case_id <> " + CaseRepository.PERIOD + ")")
                .param("today", today)
                .param("h", householdId)
                .update();
        if (ended > 0 && before.isPresent()) {
            audit.record(AuditRecord.updated(
                            "helper_assignment",
                            householdId,
                            village,
                            Map.of("helper", helperLabel(before.get())),
                            Map.of("endsOn", today.toString()))
                    .described("helperPeriodEnded"));
        }
    }

    /** A helper's login, or the name of a helper recorded from the county's roster without an account. */
    private static String helperLabel(HelperAssignment assignment) {
        return assignment.helperUsername() != null ? assignment.helperUsername() : assignment.helperName();
    }

    /** Each helper of the user's scope with their households and overdue visits, the most overdue first. */
    @Transactional(readOnly = true)
    public List<HelperCaseload> caseloads() {
        RegionScope scope = currentUser.scope();
        LocalDate today = LocalDate.now(clock);
        // the visit frequency is per province; a user's scope lies in one province (or is wider, then the default)
        var procedure = procedures.definition(scope.prefix().length() >= 2 ? scope.prefix() : "00");
        List<HelperCaseload> loads = jdbc.sql("""
                select a.helper_id, a.helper_person_id, hp.name as person_name, hp.county_code,
                       count(*) as households,
                       count(*) filter (where coalesce((select max(v.visited_on) from visit v
                                                        where v.household_id = a.household_id), m.identified_on,
                                                       a.starts_on)
                                              + case when m.status = 'ELIMINATED' then :observed else :every end
                                              < :today) as overdue
                from helper_assignment a
                join registry_household h on h.id = a.household_id
                left join monitoring m on m.household_id = a.household_id
                left join helper_person hp on hp.id = a.helper_person_id
                where a.ends_on is null and h.village_code like :scope
                group by a.helper_id, a.helper_person_id, hp.name, hp.county_code
                """)
                .param("every", procedure.visitEveryDays(MonitoringState.MONITORED))
                .param("observed", procedure.visitEveryDays(MonitoringState.ELIMINATED))
                .param("today", today)
                .param("scope", scope.likePattern())
                .query((rs, n) -> new HelperCaseload(
                        rs.getObject("helper_id", Long.class),
                        rs.getObject("helper_person_id", Long.class),
                        null,
                        rs.getString("person_name"),
                        rs.getString("county_code"),
                        rs.getInt("households"),
                        rs.getInt("overdue")))
                .list();
        return sorted(withNames(loads));
    }

    /**
     * The helpers with accounts named as identity knows them (one whose account is gone is left out); the roster's
     * helpers without an account keep the name their helper record has.
     */
    private List<HelperCaseload> withNames(List<HelperCaseload> loads) {
        Map<Long, UserNames.Named> users = userNames.byIds(loads.stream()
                .filter(HelperCaseload::hasAccount)
                .map(HelperCaseload::helperId)
                .toList());
        return loads.stream()
                .filter(l -> !l.hasAccount() || users.containsKey(l.helperId()))
                .map(l -> {
                    if (!l.hasAccount()) {
                        return l;
                    }
                    UserNames.Named u = users.get(l.helperId());
                    return new HelperCaseload(
                            l.helperId(),
                            null,
                            u.username(),
                            u.displayName(),
                            u.regionCode(),
                            l.households(),
                            l.visitsOverdue());
                })
                .toList();
    }

    /** The most overdue first, then the most households, then by user name (the roster's helpers after). */
    private static List<HelperCaseload> sorted(List<HelperCaseload> loads) {
        return loads.stream()
                .sorted(Comparator.comparingInt(HelperCaseload::visitsOverdue)
                        .reversed()
                        .thenComparing(Comparator.comparingInt(HelperCaseload::households)
                                .reversed())
                        .thenComparing(l -> l.hasAccount() ? l.username() : "~" + l.name()))
                .toList();
    }

    /** The assignments with their helpers' user names and names, which identity keeps. */
    private List<HelperAssignment> named(List<HelperAssignment> assignments) {
        Map<Long, UserNames.Named> users = userNames.byIds(
                assignments.stream().map(HelperAssignment::helperId).toList());
        return assignments.stream()
                .filter(a -> users.containsKey(a.helperId()) || a.helperName() != null)
                .map(a -> !users.containsKey(a.helperId())
                        ? a
                        : new HelperAssignment(
                                a.id(),
                                a.householdId(),
                                a.helperId(),
                                users.get(a.helperId()).username(),
                                users.get(a.helperId()).displayName(),
                                a.startsOn(),
                                a.endsOn(),
                                a.assignedBy(),
                                a.reason(),
                                a.caseId()))
                .toList();
    }

    private static String select() {
        return """
                select a.*, hp.name as person_name from helper_assignment a
                left join helper_person hp on hp.id = a.helper_person_id
                """;
    }
}
