package org.bulwark.registry;

import java.time.Instant;
import org.bulwark.core.registry.HouseholdCategory;

/** A household in the registry. */
public record Household(
        long id,
        String householdNumber,
        String villageCode,
        HouseholdCategory category,
        String address,
        String phone,
        int version,
        Instant createdAt,
        Instant updatedAt) {}
