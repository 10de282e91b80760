package org.bulwark.core.employment;

import java.util.Objects;
import java.util.Set;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.registry.LabourCapacity;

/**
 * A labourer as the matching sees them: who, where they live, what they can do, what they earn now and what they
 * want.
 *
 * @param home the home village (the region the distance to a job is measured from)
 * @param monthlyWage the current monthly wage in yuan, null when out of work or not known
 * @param capacity able or weak (partial) labour; the public-welfare allocation prefers weak labour
 */
public record LabourerProfile(
        long personId,
        long householdId,
        RegionCode home,
        Set<Skill> skills,
        Integer monthlyWage,
        JobWishes wishes,
        LabourCapacity capacity) {

    public LabourerProfile {
        Objects.requireNonNull(home, "home");
        skills = EnumMasks.skills(Objects.requireNonNull(skills, "skills"));
        Objects.requireNonNull(wishes, "wishes");
        Objects.requireNonNull(capacity, "capacity");
    }
}
