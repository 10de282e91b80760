package org.bulwark.employment;

import org.bulwark.registry.HouseholdRemoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A household removed from the registry takes its referrals with it, in the removing transaction. */
@Component
class ReferralHouseholdRemoval {

    private final ReferralRepository referrals;

    ReferralHouseholdRemoval(ReferralRepository referrals) {
        this.referrals = referrals;
    }

    @EventListener
    void on(HouseholdRemoved event) {
        referrals.removeHousehold(event.householdId());
    }
}
