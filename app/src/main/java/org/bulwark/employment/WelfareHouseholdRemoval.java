package org.bulwark.employment;

import org.bulwark.registry.HouseholdRemoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A household removed from the registry takes its post holders (and their history) with it, in the same transaction. */
@Component
class WelfareHouseholdRemoval {

    private final WelfareJobRepository repository;

    WelfareHouseholdRemoval(WelfareJobRepository repository) {
        this.repository = repository;
    }

    @EventListener
    void on(HouseholdRemoved event) {
        repository.removeHousehold(event.householdId());
    }
}
