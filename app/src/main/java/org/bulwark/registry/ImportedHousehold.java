package org.bulwark.registry;

import java.util.List;
import org.bulwark.core.registry.HouseholdCategory;

/**
 * A household as a bulk import stores it, with the members to insert or change ({@link ImportedPerson#id()}).
 * {@code id} is the registry's household to change, or null for a new one; {@code changed} says whether its own
 * fields differ from the registry's (a household whose members alone changed keeps its row).
 */
public record ImportedHousehold(
        Long id,
        String householdNumber,
        String villageCode,
        HouseholdCategory category,
        String address,
        String phone,
        boolean changed,
        List<ImportedPerson> persons) {

    public ImportedHousehold {
        persons = List.copyOf(persons);
    }
}
