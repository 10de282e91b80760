package org.bulwark.casework;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bulwark.audit.AuditAction;
import org.bulwark.audit.AuditLog;
import org.bulwark.audit.AuditRecord;
import org.bulwark.core.casework.Channel;
import org.bulwark.core.casework.RiskType;
import org.bulwark.core.screening.Direction;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.Role;
import org.bulwark.identity.UserAccounts;
import org.bulwark.screening.WarningConfirmed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The third channel in: a confirmed downward warning about a registered household opens its identification case,
 * once the confirmation is committed, in a transaction of its own, on behalf of whoever confirmed it. Durable: the
 * event publication registry keeps the confirmation's publication until the case is open, and a platform that died in
 * between opens it on its next start. When the household's case is already under way the warning joins that case
 * (case_warning), so that it links to it and the case's reviewers see it. Nothing opens when the household is already
 * monitored (the warning then stands as evidence in its file), nor for a person the registry does not have yet, nor
 * for an upward warning (a suspected misidentification: confirming it records the finding, the household's
 * monitoring is changed through its own procedure); so running it twice opens one case.
 */
@Component
class ConfirmedWarningIntake {

    private final Cases cases;
    private final MonitoringRepository monitoring;
    private final UserAccounts accounts;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    ConfirmedWarningIntake(
            Cases cases, MonitoringRepository monitoring, UserAccounts accounts, JdbcClient jdbc, AuditLog audit) {
        this.cases = cases;
        this.monitoring = monitoring;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Names the listener in the registry's rows, so that a stored publication finds it after a rename. */
    static final String LISTENER_ID = "casework.case-from-confirmed-warning";

    @ApplicationModuleListener(id = LISTENER_ID)
    void on(WarningConfirmed confirmed) {
        if (confirmed.householdId() == null || confirmed.direction() != Direction.DOWN) {
            return;
        }
        long householdId = confirmed.householdId();
        try (var acting = CurrentUser.actAs(confirmer(confirmed))) {
            var open = cases.openCaseOf(householdId);
            if (open.isPresent()) {
                attach(open.get(), confirmed);
                return;
            }
            if (monitoring
                    .find(householdId, RegionScope.nationwide())
                    .filter(MonitoringStatus::monitored)
                    .isPresent()) {
                return;
            }
            Set<RiskType> risks = Stream.ofNullable(confirmed.riskType())
                    .flatMap(r -> RiskType.fromRuleRiskType(r).stream())
                    .collect(Collectors.toSet());
            cases.open(new OpenCaseInput(
                    householdId,
                    Channel.DEPARTMENT_WARNING,
                    confirmed.warningId(),
                    confirmed.confirmedOn(),
                    risks,
                    confirmed.ruleId()));
        }
    }

    /** Joins the warning to the case under way, once; the case this very warning opened is left as it is. */
    private void attach(SupportCase open, WarningConfirmed confirmed) {
        if (open.channel() == Channel.DEPARTMENT_WARNING
                && Long.valueOf(confirmed.warningId()).equals(open.sourceId())) {
            return;
        }
        int added = jdbc.sql("""
                insert into case_warning (warning_id, case_id, attached_on, attached_by)
                values (:w, :c, :on, :by) on conflict (warning_id) do nothing
                """)
                .param("w", confirmed.warningId())
                .param("c", open.id())
                .param("on", confirmed.confirmedOn())
                .param("by", confirmed.confirmedBy())
                .update();
        if (added > 0) {
            audit.record(new AuditRecord(
                            AuditAction.UPDATE,
                            "case",
                            String.valueOf(open.id()),
                            open.villageCode(),
                            "attach warning " + confirmed.warningId() + " " + confirmed.ruleId(),
                            null,
                            Map.of("warning", confirmed.warningId(), "rule", confirmed.ruleId()))
                    .described("warningAttachedToCase", confirmed.warningId(), open.id()));
        }
    }

    /** Who confirmed, as the case's opener; an account removed since is stood in for by the village's intake. */
    private BulwarkUser confirmer(WarningConfirmed confirmed) {
        return accounts.find(confirmed.confirmedBy())
                .orElseGet(() -> BulwarkUser.system("warning-intake", Role.VILLAGE_CADRE, confirmed.villageCode()));
    }
}
