package org.bulwark.casework;

import org.bulwark.platform.ConflictException;
import org.bulwark.registry.HouseholdRemoved;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A household with a casework history (cases, monitoring, a plan, visits) stays in the registry: removing it would
 * erase the trace of decisions taken about it. The removal is refused, in its transaction, with the reason.
 */
@Component
class HouseholdRemovalGuard {

    private final JdbcClient jdbc;

    HouseholdRemovalGuard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(HouseholdRemoved removed) {
        boolean hasHistory = jdbc.sql("""
                select exists (select 1 from support_case where household_id = :h)
                    or exists (select 1 from monitoring where household_id = :h)
                    or exists (select 1 from plan_measure where household_id = :h)
                    or exists (select 1 from visit where household_id = :h)
                    or exists (select 1 from helper_assignment where household_id = :h)
                """)
                .param("h", removed.householdId())
                .query(Boolean.class)
                .single();
        if (hasHistory) {
            throw new ConflictException("household " + removed.householdId()
                    + " has a casework history and cannot be removed from the registry");
        }
    }
}
