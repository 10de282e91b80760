package org.bulwark.core.employment;

import java.time.LocalDate;
import java.util.Set;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.registry.LabourCapacity;

/** Labourers and postings for the matching tests: everything a test does not name is a plain default. */
final class Jobs {

    static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    static final RegionCode HOME = RegionCode.parse("522324104201");

    private Jobs() {}

    static LabourerProfile labourer(long id, RegionCode home, JobWishes wishes, Set<Skill> skills, Integer wage) {
        return new LabourerProfile(id, id, home, skills, wage, wishes, LabourCapacity.ABLE);
    }

    static LabourerProfile labourer(long id, JobWishes wishes) {
        return labourer(id, HOME, wishes, Set.of(), null);
    }

    static JobWishes upTo(Reach reach) {
        return new JobWishes(reach, Set.of(), null);
    }

    static OpenPosting posting(long id, String place, int wage) {
        return posting(id, place, WorkKind.MANUFACTURING, Set.of(), wage);
    }

    static OpenPosting posting(long id, String place, WorkKind kind, Set<Skill> skills, int wage) {
        return new OpenPosting(
                id, 1, RegionCode.parse(place), kind, skills, wage, 40, 5, DAY.minusDays(30), DAY.plusDays(30));
    }
}
