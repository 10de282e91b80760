package org.bulwark.employment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;
import org.bulwark.core.employment.JobWishes;
import org.bulwark.core.employment.LabourerProfile;
import org.bulwark.core.employment.OpenPosting;
import org.bulwark.core.employment.Reach;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.region.RegionLevel;

/** The matching's view of a labourer row and a posting row (docs/employment.md, "Who and what is matched"). */
final class MatchProfiles {

    private MatchProfiles() {}

    /** A labourer as the matching sees them; an unsaid wish is "any work in the county, at any wage". */
    static LabourerProfile of(Labourer l) {
        Reach farthest = l.wishReach() == null ? JobWishes.WITHIN_COUNTY.farthest() : l.wishReach();
        // only a wage earned now is a current wage: a labourer out of work gains the whole wage of a posting
        Integer current = l.inWork() ? yuan(l.monthlyWage()) : null;
        return new LabourerProfile(
                l.personId(),
                l.householdId(),
                RegionCode.parse(l.villageCode()),
                Set.copyOf(l.skills()),
                current,
                new JobWishes(farthest, Set.copyOf(l.wishKinds()), yuan(l.wishMinWage())),
                l.labourCapacity());
    }

    /** A posting as the matching sees it; a closed posting has no opening left. */
    static OpenPosting of(Posting p) {
        return new OpenPosting(
                p.id(),
                p.employerId(),
                RegionCode.parse(p.regionCode()),
                p.workKind(),
                Set.copyOf(p.skills()),
                yuan(p.monthlyWage()),
                p.hoursPerWeek() == null ? 0 : p.hoursPerWeek(),
                p.state() == Posting.State.OPEN ? p.openings() : 0,
                p.openFrom(),
                p.openTo());
    }

    /** The prefix every place within {@code reach} of {@code home} starts with ("" for anywhere). */
    static String prefixWithin(String home, Reach reach) {
        return switch (reach) {
            case VILLAGE -> home.substring(0, RegionLevel.VILLAGE.digits());
            case TOWNSHIP -> home.substring(0, RegionLevel.TOWNSHIP.digits());
            case COUNTY -> home.substring(0, RegionLevel.COUNTY.digits());
            case PREFECTURE -> home.substring(0, RegionLevel.PREFECTURE.digits());
            case PROVINCE -> home.substring(0, RegionLevel.PROVINCE.digits());
            case ANYWHERE -> "";
        };
    }

    private static Integer yuan(BigDecimal amount) {
        return amount == null ? null : amount.setScale(0, RoundingMode.HALF_UP).intValueExact();
    }
}
