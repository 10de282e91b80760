package org.bulwark.casework;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bulwark.core.casework.Channel;
import org.bulwark.core.casework.RiskType;
import org.bulwark.core.screening.Direction;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.RegionScope;
import org.bulwark.identity.Role;
import org.bulwark.identity.UserAccounts;
import org.bulwark.screening.WarningConfirmed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The third channel in: a confirmed downward warning about a registered household opens its identification case,
 * once the confirmation is committed, in a transaction of its own, on behalf of whoever confirmed it. Durable: the
 * event publication registry keeps the confirmation's publication until the case is open, and a platform that died in
 * between opens it on its next start. Nothing opens when a case is already under way or the household is already
 * monitored (the warning then stands as evidence in its file), nor for a person the registry does not have yet; so
 * running it twice opens one case.
 */
@Component
class ConfirmedWarningIntake {

    private final Cases cases;
    private final MonitoringRepository monitoring;
    private final UserAccounts accounts;

    ConfirmedWarningIntake(Cases cases, MonitoringRepository monitoring, UserAccounts accounts) {
        this.cases = cases;
        this.monitoring = monitoring;
        this.accounts = accounts;
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
            if (cases.openCaseOf(householdId).isPresent() || monitoring.find(householdId, RegionScope.nationwide())
                    .filter(MonitoringStatus::monitored).isPresent()) {
                return;
            }
            Set<RiskType> risks = Stream.ofNullable(confirmed.riskType())
                    .flatMap(r -> RiskType.fromRuleRiskType(r).stream()).collect(Collectors.toSet());
            cases.open(new OpenCaseInput(householdId, Channel.DEPARTMENT_WARNING, confirmed.warningId(),
                    confirmed.confirmedOn(), risks, confirmed.ruleId()));
        }
    }

    /** Who confirmed, as the case's opener; an account removed since is stood in for by the village's intake. */
    private BulwarkUser confirmer(WarningConfirmed confirmed) {
        return accounts.find(confirmed.confirmedBy()).orElseGet(() ->
                BulwarkUser.system("warning-intake", Role.VILLAGE_CADRE, confirmed.villageCode()));
    }
}
