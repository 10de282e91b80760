package org.bulwark.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.core.casework.MonitoringState;
import org.bulwark.core.casework.Refusal;
import org.bulwark.core.casework.RiskEliminationAssessment;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.ConflictException;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.registry.HouseholdFile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A household's monitoring status, its history, its risk-elimination assessment, and the reversal of an elimination. */
@Service
@Transactional
public class Monitoring {

    private final MonitoringRepository repository;
    private final HouseholdFacts facts;
    private final EliminationAssessor assessor;
    private final CurrentUser currentUser;
    private final CaseworkMessages messages;
    private final AuditLog audit;
    private final Clock clock;

    Monitoring(
            MonitoringRepository repository,
            HouseholdFacts facts,
            EliminationAssessor assessor,
            CurrentUser currentUser,
            CaseworkMessages messages,
            AuditLog audit,
            Clock clock) {
        this.repository = repository;
        this.facts = facts;
        this.assessor = assessor;
        this.currentUser = currentUser;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** The household's status, if it was ever identified. */
    @Transactional(readOnly = true)
    public Optional<MonitoringStatus> status(long householdId) {
        facts.file(householdId);
        return repository.find(householdId, currentUser.scope());
    }

    /** Identified, eliminated, reversed, re-entered: in order. */
    @Transactional(readOnly = true)
    public List<MonitoringEvent> history(long householdId) {
        status(householdId);
        return repository.events(householdId);
    }

    /** Which risk-elimination conditions hold for the household today, with their figures. */
    @Transactional(readOnly = true)
    public RiskEliminationAssessment assess(long householdId) {
        HouseholdFile file = facts.file(householdId);
        return assessor.assess(file, currentUser.scope(), LocalDate.now(clock));
    }

    /** Reverses a risk-elimination mark (the county found it premature): the household is monitored again. */
    public MonitoringStatus reverse(long householdId, String reason) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.REVERSE_ELIMINATION);
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "required", messages.text(Refusal.of("reason_required")));
        }
        facts.file(householdId);
        MonitoringStatus before = repository
                .find(householdId, user.scope())
                .filter(MonitoringStatus::eliminated)
                .orElseThrow(() -> new ConflictException(messages.text(Refusal.of("not_eliminated"))));
        repository.lock(householdId);
        LocalDate today = LocalDate.now(clock);
        repository.setStatus(householdId, MonitoringState.MONITORED, null);
        facts.recordMonitoring(householdId, true);
        repository.event(householdId, "REVERSED", today, null, user.getUsername(), reason.strip());
        MonitoringStatus after = repository.find(householdId, user.scope()).orElseThrow();
        audit.record(AuditRecord.updated(
                "monitoring",
                householdId,
                before.villageCode(),
                Map.of("status", before.status().name(), "eliminatedOn", String.valueOf(before.eliminatedOn())),
                Map.of("status", after.status().name(), "reason", reason.strip())));
        return after;
    }
}
