package org.bulwark.core.employment;

import java.util.Objects;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.registry.HouseholdCategory;
import org.bulwark.core.registry.LabourCapacity;

/**
 * A labourer considered for a public-welfare job (公益性岗位) in their village, with what the allocation order reads.
 *
 * @param worksElsewhere in work other than a public-welfare job (employed, workshop, self-employed, gig)
 * @param perCapitaIncome the household's net income per person of the latest year, in yuan
 * @param onPublicPayroll paid from public funds (civil servant, public institution, village cadre's post): never a
 *     post holder
 * @param holdsPost already holds a public-welfare job: not given a second, and the household counts as served
 */
public record PostCandidate(
        long personId,
        long householdId,
        RegionCode village,
        boolean worksElsewhere,
        LabourCapacity capacity,
        HouseholdCategory category,
        long perCapitaIncome,
        boolean onPublicPayroll,
        boolean holdsPost) {

    public PostCandidate {
        Objects.requireNonNull(village, "village");
        Objects.requireNonNull(capacity, "capacity");
        Objects.requireNonNull(category, "category");
    }

    /** Whether the candidate may be given a post at all: can work, is on no public payroll, holds no post yet. */
    public boolean eligible() {
        return !onPublicPayroll && !holdsPost && (capacity == LabourCapacity.ABLE || capacity == LabourCapacity.WEAK);
    }
}
