package org.bulwark.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditDescription;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.core.casework.CaseFacts;
import org.bulwark.core.casework.CaseKind;
import org.bulwark.core.casework.CaseStatus;
import org.bulwark.core.casework.Channel;
import org.bulwark.core.casework.Classification;
import org.bulwark.core.casework.Decision;
import org.bulwark.core.casework.MonitoringState;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.casework.Outcome;
import org.bulwark.core.casework.ProcedureDefinition;
import org.bulwark.core.casework.Refusal;
import org.bulwark.core.casework.RiskEliminationAssessment;
import org.bulwark.core.casework.RiskType;
import org.bulwark.core.casework.Step;
import org.bulwark.core.region.RegionCode;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.Role;
import org.bulwark.platform.ConflictException;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.bulwark.registry.HouseholdFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases through the identification and risk-elimination procedure. Each step is one transaction; the core's
 * {@link org.bulwark.core.casework.CaseProcedure} decides whether it may pass; a decision taken on an old version of the
 * case (someone decided meanwhile) is refused as a conflict; every step is audited.
 */
@Service
@Transactional
public class Cases {

    private static final int MAX_COMMENT = 2000;

    private final CaseRepository cases;
    private final MonitoringRepository monitoring;
    private final HouseholdFacts facts;
    private final EliminationAssessor assessor;
    private final CaseworkProcedure procedures;
    private final CaseworkMessages messages;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final Helpers helpers;

    Cases(
            Helpers helpers,
            CaseRepository cases,
            MonitoringRepository monitoring,
            HouseholdFacts facts,
            EliminationAssessor assessor,
            CaseworkProcedure procedures,
            CaseworkMessages messages,
            CurrentUser currentUser,
            AuditLog audit,
            Clock clock,
            JdbcClient jdbc) {
        this.cases = cases;
        this.monitoring = monitoring;
        this.facts = facts;
        this.assessor = assessor;
        this.procedures = procedures;
        this.messages = messages;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.jdbc = jdbc;
        this.helpers = helpers;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A case in the user's scope. */
    @Transactional(readOnly = true)
    public SupportCase get(long id) {
        return cases.find(id, currentUser.scope(), today())
                .map(this::shown)
                .orElseThrow(() -> new NotFoundException("case", id));
    }

    /** Cases in the user's scope (or a region within it), open ones first, oldest discovery first. */
    @Transactional(readOnly = true)
    public List<SupportCase> list(
            String regionCode, CaseStatus status, CaseKind kind, Step step, boolean overdueOnly, int limit) {
        RegionScope scope = narrowed(regionCode);
        List<SupportCase> found = cases.list(
                scope,
                status == null ? null : status.name(),
                kind == null ? null : kind.name(),
                step == null ? null : step.name(),
                overdueOnly ? 5000 : limit,
                today());
        if (overdueOnly) {
            found = found.stream().filter(SupportCase::overdue).limit(limit).toList();
        }
        return found.stream().map(this::shown).toList();
    }

    /** The cases of one household, newest first. */
    @Transactional(readOnly = true)
    public List<SupportCase> ofHousehold(long householdId) {
        return cases.ofHousehold(householdId, currentUser.scope(), today()).stream()
                .map(this::shown)
                .toList();
    }

    /** The case under way for a household, if any. */
    @Transactional(readOnly = true)
    public Optional<SupportCase> openCaseOf(long householdId) {
        return cases.openCaseOf(householdId, currentUser.scope(), today()).map(this::shown);
    }

    /** The cases under way of these households (household id → its case), read at once. */
    @Transactional(readOnly = true)
    public Map<Long, SupportCase> openCasesOf(java.util.Collection<Long> householdIds) {
        Map<Long, SupportCase> open = new LinkedHashMap<>();
        cases.openCasesOf(List.copyOf(householdIds), currentUser.scope(), today())
                .forEach(c -> open.put(c.householdId(), shown(c)));
        return open;
    }

    /**
     * The case as the user may read it: the medical out-of-pocket figure is health data, so a role without
     * READ_SENSITIVE_DATA gets the case without it (a task without a user, such as the demo seed, reads it all).
     */
    private SupportCase shown(SupportCase c) {
        boolean sensitive = currentUser
                .find()
                .map(u -> u.can(Role.Permission.READ_SENSITIVE_DATA))
                .orElse(true);
        return sensitive ? c : c.withoutHealthData();
    }

    /** The decisions taken on a case, in order. */
    @Transactional(readOnly = true)
    public List<CaseStepRecord> steps(long caseId) {
        get(caseId);
        return cases.steps(caseId);
    }

    /** The decisions taken on each of a household's cases (case id → its steps in order), read at once. */
    @Transactional(readOnly = true)
    public Map<Long, List<CaseStepRecord>> stepsOfHousehold(long householdId) {
        return cases.stepsOfHousehold(householdId, currentUser.scope());
    }

    /** Opens an identification case for a household where a risk was found. */
    public SupportCase open(OpenCaseInput input) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.HANDLE_CASES);
        LocalDate today = today();
        List<FieldProblem> problems = new ArrayList<>();
        if (input.channel() == null || input.channel() == Channel.MONITORING) {
            problems.add(new FieldProblem("channel", "invalid", "say how the risk was found"));
        }
        LocalDate discovered = input.discoveredOn() == null ? today : input.discoveredOn();
        if (discovered.isAfter(today)) {
            problems.add(new FieldProblem("discoveredOn", "in_future", "lies in the future"));
        } else if (discovered.isBefore(today.minusYears(1))) {
            problems.add(new FieldProblem("discoveredOn", "too_old", "is more than a year ago"));
        }
        Set<RiskType> risks = input.risks() == null ? Set.of() : input.risks();
        ProcedureDefinition definition;
        HouseholdFile file = facts.file(input.householdId());
        definition = procedures.definition(file.household().villageCode());
        if (risks.size() > definition.maxRiskTypes()) {
            problems.add(new FieldProblem("risks", "too_many", "more than " + definition.maxRiskTypes()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return openCase(
                file,
                CaseKind.IDENTIFICATION,
                input.channel(),
                input.sourceId(),
                discovered,
                null,
                risks,
                user,
                input.note());
    }

    /**
     * Proposes risk elimination for a monitored household; refused, with every unmet condition, unless the assessment
     * holds today.
     */
    public SupportCase proposeElimination(long householdId, String note) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.HANDLE_CASES);
        HouseholdFile file = facts.file(householdId);
        MonitoringStatus status = monitoring
                .find(householdId, user.scope())
                .filter(MonitoringStatus::monitored)
                .orElseThrow(() -> messages.refused("household", List.of(Refusal.of("not_monitored"))));
        RiskEliminationAssessment assessment = assessor.assess(file, user.scope(), today());
        if (!assessment.allHold()) {
            throw messages.refused(
                    "household",
                    assessment.unmet().stream()
                            .map(c -> Refusal.of("criterion_unmet", c.criterion()))
                            .toList());
        }
        return openCase(
                file,
                CaseKind.ELIMINATION,
                Channel.MONITORING,
                null,
                today(),
                status.type(),
                status.risks(),
                user,
                note);
    }

    private SupportCase openCase(
            HouseholdFile file,
            CaseKind kind,
            Channel channel,
            Long sourceId,
            LocalDate discovered,
            MonitoringType type,
            Set<RiskType> risks,
            BulwarkUser user,
            String note) {
        long householdId = file.household().id();
        LocalDate today = today();
        cases.openCaseOf(householdId, user.scope(), today).ifPresent(open -> {
            throw new ConflictException(messages.text(Refusal.of("case_already_open", open.id(), open.step())));
        });
        if (kind == CaseKind.IDENTIFICATION
                && monitoring
                        .find(householdId, user.scope())
                        .filter(MonitoringStatus::monitored)
                        .isPresent()) {
            throw new ConflictException(messages.text(Refusal.of("already_monitored")));
        }
        String village = file.household().villageCode();
        ProcedureDefinition definition = procedures.definition(village);
        long id = cases.insert(
                householdId,
                village,
                kind,
                channel,
                sourceId,
                discovered,
                definition.first(kind).step(),
                today,
                type,
                RiskTypes.join(risks),
                kind == CaseKind.IDENTIFICATION && definition.greenChannelFor(risks),
                user.getUsername());
        if (kind == CaseKind.IDENTIFICATION) {
            helpers.endEarlierPeriod(householdId, village, today);
        }
        SupportCase opened = get(id);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", kind);
        after.put("channel", channel);
        after.put("source", sourceId);
        after.put("discoveredOn", discovered);
        after.put("risks", risks);
        after.put("note", note);
        audit.record(new AuditRecord(AuditAction.CREATE, "case", String.valueOf(id), village, null, null, after)
                .described("caseOpened", AuditDescription.label("casework.kind." + kind.name())));
        return opened;
    }

    /** Records the findings of home verification on an identification case at that step. */
    public SupportCase recordVerification(long caseId, int version, VerificationInput input) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.HANDLE_CASES);
        SupportCase before = get(caseId);
        requireOpenAt(before, version, Step.HOME_VERIFICATION);
        ProcedureDefinition definition = procedures.definition(before.villageCode());
        if (!definition
                .rule(before.kind(), Step.HOME_VERIFICATION)
                .decidedBy(user.role().name())) {
            throw messages.refused(
                    "decision",
                    List.of(Refusal.of(
                            "role_not_allowed",
                            Step.HOME_VERIFICATION,
                            definition
                                    .rule(before.kind(), Step.HOME_VERIFICATION)
                                    .roles())));
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (input.medicalOutOfPocket() != null && input.medicalOutOfPocket().signum() < 0) {
            problems.add(new FieldProblem("medicalOutOfPocket", "negative", "cannot be negative"));
        }
        HouseholdFile file = facts.file(before.householdId());
        Set<RiskType> risks =
                input.risks() == null || input.risks().isEmpty() ? Set.of() : EnumSet.copyOf(input.risks());
        Classification classification = new Classification(
                input.monitoringType(),
                risks,
                HouseholdFacts.formerlyPoor(file),
                HouseholdFacts.anyoneCanWork(file),
                input.medicalOutOfPocket());
        // a draft may still lack the type or the risks; what is recorded must not contradict itself
        List<Refusal> inconsistent = classification.problems(definition.maxRiskTypes()).stream()
                .filter(r -> !r.code().equals("type_missing") && !r.code().equals("risks_missing"))
                .toList();
        if (!inconsistent.isEmpty() || !problems.isEmpty()) {
            InvalidInputException refused = messages.refused("risks", inconsistent);
            problems.addAll(refused.problems());
            throw new InvalidInputException(problems);
        }
        boolean changed = cases.updateVerification(
                caseId,
                version,
                input.commitmentSigned()
                        ? (before.commitmentSignedOn() != null ? before.commitmentSignedOn() : today())
                        : null,
                input.monitoringType(),
                RiskTypes.join(risks),
                input.medicalOutOfPocket(),
                before.greenChannel() || definition.greenChannelFor(risks));
        if (!changed) {
            throw conflict(caseId);
        }
        SupportCase after = get(caseId);
        audit.record(
                AuditRecord.updated("case", caseId, after.villageCode(), verificationOf(before), verificationOf(after))
                        .described("verificationRecorded"));
        return after;
    }

    private static Map<String, Object> verificationOf(SupportCase c) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("commitmentSignedOn", c.commitmentSignedOn());
        values.put("monitoringType", c.monitoringType());
        values.put("risks", c.risks());
        values.put("medicalOutOfPocket", c.medicalOutOfPocket());
        values.put("greenChannel", c.greenChannel());
        return values;
    }

    /**
     * Decides the case's current step. Passing moves it on (or approves it after the last step); rejecting ends it
     * and needs a comment. Refused with the procedure's reasons when a condition does not hold.
     */
    public SupportCase decide(long caseId, int version, Decision decision, String comment, Integer objections) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.HANDLE_CASES);
        SupportCase current = get(caseId);
        if (!current.open()) {
            throw new ConflictException(messages.text(Refusal.of("case_closed", current.status())));
        }
        if (current.version() != version) {
            throw conflict(caseId);
        }
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        checkDecision(decision, note, objections);
        LocalDate today = today();
        boolean conditions = current.step() == Step.HOME_VERIFICATION || heldToApproval(current);
        HouseholdFile file = conditions ? facts.file(current.householdId()) : null;
        Outcome outcome = procedures
                .rules(current.villageCode())
                .decide(factsOf(current, file, user), decision, user.role().name(), today);
        if (!apply(outcome, current, version, today, user)) {
            throw conflict(caseId);
        }
        cases.insertStep(
                caseId,
                current.step(),
                decision.name(),
                user.getUsername(),
                today,
                note,
                current.step() == Step.PUBLIC_NOTICE ? objections : null);
        SupportCase after = get(caseId);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("step", current.step());
        values.put("decision", decision);
        values.put("comment", note);
        values.put("objections", objections);
        values.put("status", after.status());
        values.put("next", after.step());
        audit.record(new AuditRecord(
                        AuditAction.UPDATE,
                        "case",
                        String.valueOf(caseId),
                        current.villageCode(),
                        null,
                        Map.of("step", current.step(), "status", current.status()),
                        values)
                .described(
                        "caseStep",
                        AuditDescription.label("casework.step." + current.step().name()),
                        AuditDescription.label("casework.decision." + decision.name())));
        return after;
    }

    /** A decision needs a pass or reject, a reason to reject, a comment of bounded length, no negative count. */
    private void checkDecision(Decision decision, String note, Integer objections) {
        List<FieldProblem> problems = new ArrayList<>();
        if (decision == null) {
            problems.add(new FieldProblem("decision", "required", "pass or reject"));
        } else if (decision == Decision.REJECT && note == null) {
            problems.add(new FieldProblem("comment", "required", messages.text(Refusal.of("reason_required"))));
        }
        if (note != null && note.length() > MAX_COMMENT) {
            problems.add(new FieldProblem("comment", "too_long", "is longer than " + MAX_COMMENT + " characters"));
        }
        if (objections != null && objections < 0) {
            problems.add(new FieldProblem("objections", "negative", "cannot be negative"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /**
     * Carries out the procedure's outcome: refused with its reasons, moved to the next step, or finished — an
     * approval is carried into the household's monitoring. False when the case changed meanwhile (its version moved
     * on).
     */
    private boolean apply(Outcome outcome, SupportCase current, int version, LocalDate today, BulwarkUser user) {
        if (outcome instanceof Outcome.Refused refused) {
            throw messages.refused("decision", refused.reasons());
        } else if (outcome instanceof Outcome.Moved moved) {
            return cases.moveTo(current.id(), version, moved.next().step(), today);
        }
        CaseStatus status = ((Outcome.Finished) outcome).status();
        boolean changed = cases.finish(current.id(), version, status, today);
        if (changed && status == CaseStatus.APPROVED) {
            applyApproval(current, today, user);
        }
        return changed;
    }

    /**
     * What the procedure needs to decide the case's current step. Only the steps that have conditions need the
     * household's facts, helper, plan or assessment, so the others do not read them.
     */
    private CaseFacts factsOf(SupportCase c, HouseholdFile file, BulwarkUser user) {
        boolean conditions = c.step() == Step.HOME_VERIFICATION || heldToApproval(c);
        Classification classification =
                !conditions || c.monitoringType() == null && c.risks().isEmpty()
                        ? null
                        : new Classification(
                                c.monitoringType(),
                                c.risks(),
                                HouseholdFacts.formerlyPoor(file),
                                HouseholdFacts.anyoneCanWork(file),
                                c.medicalOutOfPocket());
        boolean approval = heldToApproval(c);
        boolean helper = approval
                && jdbc.sql("select count(*) from helper_assignment where household_id = :h and ends_on is null"
                                        + " and case_id is not distinct from " + CaseRepository.PERIOD)
                                .param("h", c.householdId())
                                .query(Integer.class)
                                .single()
                        > 0;
        Set<RiskType> answered = EnumSet.noneOf(RiskType.class);
        if (approval) {
            // only the measures of this monitoring period answer its risks, not those of an earlier one
            jdbc.sql("select distinct risk_type from plan_measure where household_id = :h and status <> 'CANCELLED'"
                            + " and case_id is not distinct from " + CaseRepository.PERIOD)
                    .param("h", c.householdId())
                    .query(String.class)
                    .list()
                    .forEach(r -> answered.add(RiskType.valueOf(r)));
        }
        RiskEliminationAssessment assessment = c.step() == Step.COUNTY_APPROVAL && c.kind() == CaseKind.ELIMINATION
                ? assessor.assess(file, user.scope(), today())
                : null;
        return new CaseFacts(
                c.kind(),
                c.step(),
                c.stepEnteredOn(),
                c.commitmentSignedOn() != null,
                classification,
                helper,
                answered,
                assessment);
    }

    /**
     * Whether the step is held to what the county approves (helper, plan, type and risks): the county's approval, and
     * an identification's township review, so that the township still fixes what the county would refuse.
     */
    private static boolean heldToApproval(SupportCase c) {
        return c.step() == Step.COUNTY_APPROVAL
                || c.step() == Step.TOWNSHIP_REVIEW && c.kind() == CaseKind.IDENTIFICATION;
    }

    private void applyApproval(SupportCase decided, LocalDate today, BulwarkUser user) {
        long householdId = decided.householdId();
        Optional<MonitoringStatus> status = monitoring.lock(householdId);
        if (decided.kind() == CaseKind.IDENTIFICATION) {
            if (status.isEmpty()) {
                monitoring.insert(householdId, decided.villageCode(), decided, today);
                monitoring.event(householdId, "IDENTIFIED", today, decided.id(), user.getUsername(), null);
            } else if (status.get().eliminated()) {
                monitoring.reenter(householdId, decided, today);
                monitoring.event(householdId, "REENTERED", today, decided.id(), user.getUsername(), null);
            } else {
                throw new ConflictException(messages.text(Refusal.of("already_monitored")));
            }
            facts.recordMonitoring(householdId, true);
        } else {
            if (status.isEmpty() || !status.get().monitored()) {
                throw new ConflictException(messages.text(Refusal.of("not_monitored")));
            }
            monitoring.setStatus(householdId, MonitoringState.ELIMINATED, today);
            monitoring.event(householdId, "ELIMINATED", today, decided.id(), user.getUsername(), null);
            facts.recordMonitoring(householdId, false);
        }
    }

    private void requireOpenAt(SupportCase c, int version, Step step) {
        if (!c.open()) {
            throw new ConflictException(messages.text(Refusal.of("case_closed", c.status())));
        }
        if (c.version() != version) {
            throw conflict(c.id());
        }
        if (c.step() != step || c.kind() != CaseKind.IDENTIFICATION) {
            throw messages.refused("step", List.of(Refusal.of("not_at_step", step)));
        }
    }

    private ConflictException conflict(long caseId) {
        return new ConflictException(messages.text(Refusal.of("changed_meanwhile", caseId)));
    }

    private RegionScope narrowed(String regionCode) {
        return regionCode == null || regionCode.isBlank()
                ? currentUser.scope()
                : within(currentUser.scope(), regionCode);
    }

    /** The scope of a region named in a request, refused (naming the field) unless it lies in the user's scope. */
    static RegionScope within(RegionScope userScope, String regionCode) {
        return RegionCode.tryParseFull(regionCode)
                .filter(userScope::covers)
                .map(RegionScope::of)
                .orElseThrow(
                        () -> InvalidInputException.of("region", "outside_scope", "is not a region within your scope"));
    }
}
