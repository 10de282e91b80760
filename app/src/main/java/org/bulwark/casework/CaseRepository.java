package org.bulwark.casework;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.core.casework.CaseKind;
import org.bulwark.core.casework.CaseProcedure;
import org.bulwark.core.casework.CaseStatus;
import org.bulwark.core.casework.Channel;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.casework.ProcedureDefinition;
import org.bulwark.core.casework.Step;
import org.bulwark.core.casework.StepRule;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.UserNames;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of cases and their steps; every read carries the caller's region prefix. */
@Repository
class CaseRepository {

    static final String SELECT = """
            select c.*, h.household_number,
                   (select p.name from registry_person p where p.household_id = c.household_id and p.relation = 'HEAD'
                    limit 1) as head_name
            from support_case c join registry_household h on h.id = c.household_id
            """;

    /**
     * The monitoring period of household {@code :h}, as SQL: its latest identification case. Identification opens a
     * period; an elimination case, a reversal and the visits of the observation after elimination stay in it.
     */
    static final String PERIOD =
            "(select max(p.id) from support_case p where p.household_id = :h and p.kind = 'IDENTIFICATION')";

    private final JdbcClient jdbc;
    private final CaseworkProcedure procedures;
    private final UserNames userNames;

    CaseRepository(JdbcClient jdbc, CaseworkProcedure procedures, UserNames userNames) {
        this.jdbc = jdbc;
        this.procedures = procedures;
        this.userNames = userNames;
    }

    Optional<SupportCase> find(long id, RegionScope scope, LocalDate today) {
        return jdbc.sql(SELECT + " where c.id = :id and c.village_code like :scope")
                .param("id", id)
                .param("scope", scope.likePattern())
                .query(mapper(today))
                .optional();
    }

    Optional<SupportCase> openCaseOf(long householdId, RegionScope scope, LocalDate today) {
        return jdbc.sql(SELECT + " where c.household_id = :h and c.status = 'OPEN' and c.village_code like :scope")
                .param("h", householdId)
                .param("scope", scope.likePattern())
                .query(mapper(today))
                .optional();
    }

    /** The cases under way of these households, for the households that have one. */
    List<SupportCase> openCasesOf(List<Long> householdIds, RegionScope scope, LocalDate today) {
        if (householdIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where c.household_id in (:h) and c.status = 'OPEN' and c.village_code like :scope")
                .param("h", householdIds)
                .param("scope", scope.likePattern())
                .query(mapper(today))
                .list();
    }

    /** The household's monitoring period: the id of its latest identification case, null when it has none. */
    Long period(long householdId) {
        List<Long> period = jdbc.sql("select " + PERIOD)
                .param("h", householdId)
                .query(Long.class)
                .list();
        return period.isEmpty() ? null : period.get(0);
    }

    /** Whether the household is (or was) under monitoring or has a case under way: casework may act on it. */
    boolean inCasework(long householdId) {
        return jdbc.sql("""
                select exists (select 1 from monitoring where household_id = :h)
                    or exists (select 1 from support_case where household_id = :h and status = 'OPEN')
                """).param("h", householdId).query(Boolean.class).single();
    }

    List<SupportCase> ofHousehold(long householdId, RegionScope scope, LocalDate today) {
        return jdbc.sql(SELECT + " where c.household_id = :h and c.village_code like :scope order by c.id desc")
                .param("h", householdId)
                .param("scope", scope.likePattern())
                .query(mapper(today))
                .list();
    }

    List<SupportCase> list(RegionScope scope, String status, String kind, String step, int limit, LocalDate today) {
        return jdbc.sql(SELECT + """
                 where c.village_code like :scope
                   and (cast(:status as text) is null or c.status = :status)
                   and (cast(:kind as text) is null or c.kind = :kind)
                   and (cast(:step as text) is null or c.step = :step)
                 order by c.status = 'OPEN' desc, c.discovered_on, c.id
                 limit :limit
                """)
                .param("scope", scope.likePattern())
                .param("status", status)
                .param("kind", kind)
                .param("step", step)
                .param("limit", limit)
                .query(mapper(today))
                .list();
    }

    long insert(
            long householdId,
            String villageCode,
            CaseKind kind,
            Channel channel,
            Long sourceId,
            LocalDate discoveredOn,
            Step firstStep,
            LocalDate today,
            MonitoringType type,
            String risks,
            boolean greenChannel,
            String openedBy) {
        return jdbc.sql("""
                insert into support_case (household_id, village_code, kind, channel, source_id, discovered_on, step,
                    step_entered_on, monitoring_type, risk_types, green_channel, opened_by)
                values (:h, :v, :kind, :channel, :source, :discovered, :step, :today, :type, :risks, :green, :by)
                returning id
                """)
                .param("h", householdId)
                .param("v", villageCode)
                .param("kind", kind.name())
                .param("channel", channel.name())
                .param("source", sourceId)
                .param("discovered", discoveredOn)
                .param("step", firstStep.name())
                .param("today", today)
                .param("type", type == null ? null : type.name())
                .param("risks", risks)
                .param("green", greenChannel)
                .param("by", openedBy)
                .query(Long.class)
                .single();
    }

    /** Records the home verification's findings; false when someone changed the case since {@code version}. */
    boolean updateVerification(
            long id,
            int version,
            LocalDate commitmentSignedOn,
            MonitoringType type,
            String risks,
            BigDecimal medicalOutOfPocket,
            boolean greenChannel) {
        return jdbc.sql("""
                update support_case set commitment_signed_on = :signed, monitoring_type = :type, risk_types = :risks,
                    medical_out_of_pocket = :medical, green_channel = :green, version = version + 1
                where id = :id and version = :version and status = 'OPEN'
                """)
                        .param("signed", commitmentSignedOn)
                        .param("type", type == null ? null : type.name())
                        .param("risks", risks)
                        .param("medical", medicalOutOfPocket)
                        .param("green", greenChannel)
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    boolean moveTo(long id, int version, Step next, LocalDate today) {
        return jdbc.sql("""
                update support_case set step = :step, step_entered_on = :today, version = version + 1
                where id = :id and version = :version and status = 'OPEN'
                """)
                        .param("step", next.name())
                        .param("today", today)
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    boolean finish(long id, int version, CaseStatus status, LocalDate today) {
        return jdbc.sql("""
                update support_case set status = :status, step = null, step_entered_on = null, decided_on = :today,
                    version = version + 1
                where id = :id and version = :version and status = 'OPEN'
                """)
                        .param("status", status.name())
                        .param("today", today)
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    void insertStep(
            long caseId, Step step, String decision, String by, LocalDate on, String comment, Integer objections) {
        jdbc.sql("""
                insert into case_step (case_id, step, decision, decided_by, decided_on, comment, objections)
                values (:c, :step, :decision, :by, :on, :comment, :objections)
                """)
                .param("c", caseId)
                .param("step", step.name())
                .param("decision", decision)
                .param("by", by)
                .param("on", on)
                .param("comment", comment)
                .param("objections", objections)
                .update();
    }

    List<CaseStepRecord> steps(long caseId) {
        List<CaseStepRecord> steps =
                jdbc.sql("""
                select s.id, s.step, s.decision, s.decided_by, s.decided_on, s.decided_at, s.comment, s.objections
                from case_step s
                where s.case_id = :c order by s.id
                """).param("c", caseId).query((rs, n) -> step(rs)).list();
        return byName(steps);
    }

    /** The decisions on every case of a household, by case, each case's in order: one query for the whole file. */
    Map<Long, List<CaseStepRecord>> stepsOfHousehold(long householdId, RegionScope scope) {
        Map<Long, List<CaseStepRecord>> byCase = new LinkedHashMap<>();
        jdbc.sql("""
                select s.case_id, s.id, s.step, s.decision, s.decided_by, s.decided_on, s.decided_at, s.comment,
                       s.objections
                from case_step s join support_case c on c.id = s.case_id
                where c.household_id = :h and c.village_code like :scope
                order by s.case_id, s.id
                """)
                .param("h", householdId)
                .param("scope", scope.likePattern())
                .query((rs, n) -> byCase.computeIfAbsent(rs.getLong("case_id"), c -> new ArrayList<>())
                        .add(step(rs)))
                .list();
        byCase.replaceAll((caseId, steps) -> byName(steps));
        return byCase;
    }

    /** The steps with the people who decided them by their names; the replayed history's have no account. */
    private List<CaseStepRecord> byName(List<CaseStepRecord> steps) {
        Map<String, UserNames.Named> names = userNames.byUsernames(
                steps.stream().map(CaseStepRecord::decidedBy).toList());
        return steps.stream()
                .map(s -> {
                    UserNames.Named who = names.get(s.decidedBy());
                    return new CaseStepRecord(
                            s.id(),
                            s.step(),
                            s.decision(),
                            who == null ? s.decidedBy() : who.displayName(),
                            s.decidedOn(),
                            s.decidedAt(),
                            s.comment(),
                            s.objections(),
                            who == null ? null : who.role());
                })
                .toList();
    }

    private static CaseStepRecord step(ResultSet rs) throws SQLException {
        return new CaseStepRecord(
                rs.getLong("id"),
                rs.getString("step"),
                rs.getString("decision"),
                rs.getString("decided_by"),
                rs.getObject("decided_on", LocalDate.class),
                rs.getTimestamp("decided_at").toInstant(),
                rs.getString("comment"),
                (Integer) rs.getObject("objections"),
                null);
    }

    RowMapper<SupportCase> mapper(LocalDate today) {
        return (rs, n) -> map(rs, today);
    }

    private SupportCase map(ResultSet rs, LocalDate today) throws SQLException {
        String villageCode = rs.getString("village_code");
        ProcedureDefinition definition = procedures.definition(villageCode);
        CaseKind kind = CaseKind.valueOf(rs.getString("kind"));
        CaseStatus status = CaseStatus.valueOf(rs.getString("status"));
        LocalDate discovered = rs.getObject("discovered_on", LocalDate.class);
        String stepName = rs.getString("step");
        Step step = stepName == null ? null : Step.valueOf(stepName);
        LocalDate entered = rs.getObject("step_entered_on", LocalDate.class);
        LocalDate stepDue = null;
        boolean overdue = false;
        String escalatedTo = null;
        if (status == CaseStatus.OPEN && step != null) {
            StepRule rule = definition.rule(kind, step);
            stepDue = rule.dueOn(entered);
            CaseProcedure procedure = new CaseProcedure(definition);
            boolean stepLate = procedure.stepOverdue(kind, step, entered, today);
            boolean caseLate = kind == CaseKind.IDENTIFICATION && procedure.decisionOverdue(discovered, today);
            overdue = stepLate || caseLate;
            // only a step past its own limit goes up a level: a step begun today in a case late as a whole is still
            // its role's to decide, and the case's lateness is shown as such (issue 14, item 16)
            if (stepLate) {
                escalatedTo = Escalation.levelAbove(rule.roles().get(0)).name();
            }
        }
        String type = rs.getString("monitoring_type");
        long source = rs.getLong("source_id");
        Long sourceId = rs.wasNull() ? null : source;
        return new SupportCase(
                rs.getLong("id"),
                rs.getLong("household_id"),
                rs.getString("household_number"),
                rs.getString("head_name"),
                villageCode,
                kind,
                Channel.valueOf(rs.getString("channel")),
                sourceId,
                discovered,
                status,
                step,
                entered,
                stepDue,
                definition.decisionDueOn(discovered),
                overdue,
                escalatedTo,
                type == null ? null : MonitoringType.valueOf(type),
                RiskTypes.parse(rs.getString("risk_types")),
                rs.getBigDecimal("medical_out_of_pocket"),
                rs.getObject("commitment_signed_on", LocalDate.class),
                rs.getBoolean("green_channel"),
                rs.getObject("decided_on", LocalDate.class),
                rs.getString("opened_by"),
                rs.getInt("version"));
    }
}
