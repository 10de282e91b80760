package org.bulwark.employment;

import java.util.List;
import org.bulwark.core.region.RegionCode;
import org.bulwark.onboarding.RegistryImported;
import org.bulwark.registry.HouseholdChanged;
import org.bulwark.registry.HouseholdRemoved;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the labour registry following the registry: a changed household's labourers are derived again after the
 * change commits (durable: a platform that died in between does it at its next start), and a removed household's
 * labourers and history go in the removing transaction, as its incomes do; a county's registry import derives its
 * region again.
 */
@Component
class RegistryFollower {

    static final String LISTENER_ID = "employment.follow-household-change";
    static final String IMPORT_LISTENER_ID = "employment.follow-registry-import";

    private final LabourRegistryRefresh refresh;
    private final LabourerRepository labourers;

    RegistryFollower(LabourRegistryRefresh refresh, LabourerRepository labourers) {
        this.refresh = refresh;
        this.labourers = labourers;
    }

    @ApplicationModuleListener(id = LISTENER_ID)
    void on(HouseholdChanged event) {
        refresh.households(List.of(event.householdId()), LabourRegistryRefresh.SYSTEM_NAME);
    }

    // a county's registry file stores its households in bulk: the whole region is derived again
    @ApplicationModuleListener(id = IMPORT_LISTENER_ID)
    void on(RegistryImported event) {
        refresh.region(RegionCode.parse(event.regionPrefix()), LabourRegistryRefresh.SYSTEM_NAME);
    }

    @EventListener
    void on(HouseholdRemoved event) {
        labourers.removeHousehold(event.householdId());
    }
}
