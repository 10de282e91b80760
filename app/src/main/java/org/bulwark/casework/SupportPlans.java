package org.bulwark.casework;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.core.casework.MeasureCategory;
import org.bulwark.core.casework.Refusal;
import org.bulwark.core.casework.RiskType;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.ConflictException;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.bulwark.registry.HouseholdFile;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One household, one plan: measures that each answer one of the household's risk types. A plan is drawn up while the
 * case is under way (the county approves only a plan that answers every risk); measures are delivered once the
 * household is monitored, or earlier through the green channel.
 */
@Service
@Transactional
public class SupportPlans {

    /** The largest amount of a measure: a hundred million yuan, as for incomes (problem.too_large). */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");

    private static final RowMapper<PlanMeasure> MEASURE = (rs, n) -> new PlanMeasure(
            rs.getLong("id"),
            rs.getLong("household_id"),
            MeasureCategory.valueOf(rs.getString("category")),
            RiskType.valueOf(rs.getString("risk_type")),
            rs.getString("department"),
            rs.getString("description"),
            rs.getBigDecimal("amount"),
            rs.getObject("starts_on", LocalDate.class),
            rs.getObject("ends_on", LocalDate.class),
            MeasureStatus.valueOf(rs.getString("status")),
            rs.getObject("delivered_on", LocalDate.class),
            rs.getString("recorded_by"),
            rs.getInt("version"),
            (Long) rs.getObject("case_id"));

    private final JdbcClient jdbc;
    private final HouseholdFacts facts;
    private final Cases cases;
    private final MonitoringRepository monitoring;
    private final CurrentUser currentUser;
    private final CaseworkMessages messages;
    private final AuditLog audit;
    private final Clock clock;
    private final PlanDepartments departments;

    SupportPlans(
            JdbcClient jdbc,
            HouseholdFacts facts,
            Cases cases,
            MonitoringRepository monitoring,
            CurrentUser currentUser,
            CaseworkMessages messages,
            AuditLog audit,
            Clock clock,
            PlanDepartments departments) {
        this.departments = departments;
        this.jdbc = jdbc;
        this.facts = facts;
        this.cases = cases;
        this.monitoring = monitoring;
        this.currentUser = currentUser;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** The household's plan: its measures in the order they were added. */
    @Transactional(readOnly = true)
    public List<PlanMeasure> measures(long householdId) {
        facts.file(householdId);
        return jdbc.sql("select * from plan_measure where household_id = :h order by id")
                .param("h", householdId)
                .query(MEASURE)
                .list();
    }

    /** The risk types the household carries now: those of its open identification case, or of its monitoring. */
    @Transactional(readOnly = true)
    public Set<RiskType> risksOf(long householdId) {
        Optional<SupportCase> open = cases.openCaseOf(householdId);
        if (open.isPresent() && !open.get().risks().isEmpty()) {
            return open.get().risks();
        }
        return monitoring
                .find(householdId, currentUser.scope())
                .map(MonitoringStatus::risks)
                .orElse(Set.of());
    }

    /** Adds a measure answering one of the household's risks. */
    public PlanMeasure add(long householdId, MeasureInput input) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.EDIT_PLANS);
        HouseholdFile file = facts.file(householdId);
        Set<RiskType> risks = risksOf(householdId);
        if (risks.isEmpty()) {
            throw messages.refused("riskType", List.of(Refusal.of("plan_needs_risks")));
        }
        String typed = input.department() == null ? "" : input.department().strip();
        LocalDate starts = input.startsOn() == null ? LocalDate.now(clock) : input.startsOn();
        checkMeasure(input, risks, typed, starts);
        // kept by its Chinese name, however it was typed (县民政局, civil_affairs)
        String department = departments.resolve(typed).orElseThrow();
        long id = jdbc.sql("""
                insert into plan_measure (household_id, category, risk_type, department, description, amount,
                    starts_on, ends_on, recorded_by, case_id)
                values (:h, :category, :risk, :department, :description, :amount, :starts, :ends, :by, """ + CaseRepository.PERIOD + """
                )
                returning id
                """)
                .param("h", householdId)
                .param("category", input.category().name())
                .param("risk", input.riskType().name())
                .param("department", department)
                .param(
                        "description",
                        input.description() == null ? null : input.description().strip())
                .param("amount", input.amount())
                .param("starts", starts)
                .param("ends", input.endsOn())
                .param("by", user.getUsername())
                .query(Long.class)
                .single();
        PlanMeasure measure = measure(id);
        audit.record(AuditRecord.created("plan_measure", id, file.household().villageCode(), measure));
        return measure;
    }

    /**
     * A measure needs a kind, one of the household's risks, a responsible department, a description and amount
     * within the columns' bounds, and no end before its start.
     */
    private void checkMeasure(MeasureInput input, Set<RiskType> risks, String department, LocalDate starts) {
        List<FieldProblem> problems = new ArrayList<>();
        if (input.category() == null) {
            problems.add(new FieldProblem("category", "required", "choose a kind of measure"));
        }
        if (input.riskType() == null) {
            problems.add(new FieldProblem("riskType", "required", "choose the risk the measure answers"));
        } else if (!risks.contains(input.riskType())) {
            problems.add(new FieldProblem(
                    "riskType",
                    "not_a_risk",
                    messages.text(Refusal.of("not_a_risk_of_household", input.riskType(), EnumSet.copyOf(risks)))));
        }
        if (department.isEmpty()) {
            problems.add(new FieldProblem("department", "required", "name the responsible department"));
        } else if (departments.resolve(department).isEmpty()) {
            // a free-text name would not count in any department's figures: the platform's departments only
            problems.add(new FieldProblem(
                    "department",
                    "unknown_department",
                    "is not a department the platform knows: choose from the list"));
        }
        if (input.description() != null && input.description().length() > 1000) {
            problems.add(new FieldProblem("description", "too_long", "is longer than 1000 characters"));
        }
        if (input.amount() != null && input.amount().signum() < 0) {
            problems.add(new FieldProblem("amount", "negative", "cannot be negative"));
        } else if (input.amount() != null && input.amount().compareTo(MAX_AMOUNT) > 0) {
            // the column holds 12 digits before the point; beyond, the database would refuse with a server error
            problems.add(new FieldProblem("amount", "too_large", "is more than " + MAX_AMOUNT.toPlainString()));
        }
        if (input.endsOn() != null && input.endsOn().isBefore(starts)) {
            problems.add(new FieldProblem("endsOn", "before_start", "is before the start"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Records a measure as delivered on {@code deliveredOn}. */
    public PlanMeasure deliver(long measureId, int version, LocalDate deliveredOn) {
        currentUser.requirePermission(Role.Permission.EDIT_PLANS);
        PlanMeasure before = measure(measureId);
        HouseholdFile file = facts.file(before.householdId());
        LocalDate today = LocalDate.now(clock);
        LocalDate on = deliveredOn == null ? today : deliveredOn;
        if (on.isAfter(today)) {
            throw InvalidInputException.of("deliveredOn", "in_future", "lies in the future");
        }
        if (on.isBefore(before.startsOn())) {
            throw InvalidInputException.of("deliveredOn", "before_start", "is before the measure starts");
        }
        boolean monitored =
                monitoring.find(before.householdId(), currentUser.scope()).isPresent();
        boolean green = cases.openCaseOf(before.householdId())
                .map(SupportCase::greenChannel)
                .orElse(false);
        if (!monitored && !green) {
            throw messages.refused("deliveredOn", List.of(Refusal.of("delivery_before_approval")));
        }
        return change(before, version, MeasureStatus.DELIVERED, on, file);
    }

    /** Cancels a measure that will not be delivered. */
    public PlanMeasure cancel(long measureId, int version) {
        currentUser.requirePermission(Role.Permission.EDIT_PLANS);
        PlanMeasure before = measure(measureId);
        HouseholdFile file = facts.file(before.householdId());
        return change(before, version, MeasureStatus.CANCELLED, null, file);
    }

    private PlanMeasure change(
            PlanMeasure before, int version, MeasureStatus status, LocalDate on, HouseholdFile file) {
        if (before.status() != MeasureStatus.PLANNED) {
            throw new ConflictException(messages.text(Refusal.of("measure_closed", before.status())));
        }
        int changed = jdbc.sql("""
                update plan_measure set status = :status, delivered_on = :on, version = version + 1
                where id = :id and version = :version and status = 'PLANNED'
                """)
                .param("status", status.name())
                .param("on", on)
                .param("id", before.id())
                .param("version", version)
                .update();
        if (changed == 0) {
            throw new ConflictException(messages.text(Refusal.of("changed_meanwhile", before.id())));
        }
        PlanMeasure after = measure(before.id());
        audit.record(AuditRecord.updated(
                "plan_measure",
                before.id(),
                file.household().villageCode(),
                Map.of("status", before.status().name()),
                Map.of("status", after.status().name(), "deliveredOn", String.valueOf(after.deliveredOn()))));
        return after;
    }

    /** One measure of a household of the user's region. */
    PlanMeasure measure(long id) {
        return jdbc.sql("""
                select m.* from plan_measure m join registry_household h on h.id = m.household_id
                where m.id = :id and h.village_code like :scope
                """)
                .param("id", id)
                .param("scope", currentUser.scope().likePattern())
                .query(MEASURE)
                .optional()
                .orElseThrow(() -> new NotFoundException("measure", id));
    }
}
