package org.bulwark.casework;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bulwark.core.casework.Channel;
import org.bulwark.core.casework.RiskType;
import org.bulwark.screening.WarningConfirmed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The third channel in: a confirmed downward warning about a registered household opens its identification case, in
 * the confirming transaction. Nothing opens when a case is already under way or the household is already monitored
 * (the warning then stands as evidence in its file), nor for a person the registry does not have yet.
 */
@Component
class ConfirmedWarningIntake {

    private final Cases cases;
    private final MonitoringRepository monitoring;

    ConfirmedWarningIntake(Cases cases, MonitoringRepository monitoring) {
        this.cases = cases;
        this.monitoring = monitoring;
    }

    @EventListener
    void on(WarningConfirmed confirmed) {
        if (confirmed.householdId() == null || !"DOWN".equals(confirmed.direction())) {
            return;
        }
        long householdId = confirmed.householdId();
        if (cases.openCaseOf(householdId).isPresent()
                || monitoring.find(householdId, org.bulwark.identity.RegionScope.nationwide())
                .filter(MonitoringStatus::monitored).isPresent()) {
            return;
        }
        Set<RiskType> risks = Stream.ofNullable(confirmed.riskType())
                .flatMap(r -> RiskType.fromRuleRiskType(r).stream()).collect(Collectors.toSet());
        cases.open(new OpenCaseInput(householdId, Channel.DEPARTMENT_WARNING, confirmed.warningId(),
                confirmed.confirmedOn(), risks, confirmed.ruleId()));
    }
}
