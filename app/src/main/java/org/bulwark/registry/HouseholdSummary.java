package org.bulwark.registry;

import org.bulwark.core.registry.HouseholdCategory;

/** A line of a household list: the household with its head and size. */
public record HouseholdSummary(
        long id,
        String householdNumber,
        String villageCode,
        String villageName,
        String townshipName,
        HouseholdCategory category,
        String headName,
        String headIdNumber,
        int members) {}
