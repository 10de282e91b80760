package org.bulwark.onboarding;

import org.bulwark.core.registry.HouseholdCategory;
import org.bulwark.registry.ImportedPerson;

/** A valid row of a members file: its household's fields (village resolved to its code) and the person. */
record MemberLine(
        long row,
        String householdNumber,
        String villageCode,
        HouseholdCategory category,
        String address,
        String phone,
        ImportedPerson person) {}
