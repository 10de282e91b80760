package org.bulwark.core.employment;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import org.bulwark.core.region.RegionCode;

/**
 * A job posting as the matching sees it.
 *
 * @param place where the work is (a village, or a township or county code for work in a town)
 * @param requiredSkills skills a labourer must hold: all of them (docs/employment.md)
 * @param monthlyWage yuan a month
 * @param openFrom first day the posting takes labourers
 * @param openTo last day, null when open-ended
 */
public record OpenPosting(
        long id,
        long employerId,
        RegionCode place,
        WorkKind kind,
        Set<Skill> requiredSkills,
        int monthlyWage,
        int hoursPerWeek,
        int openings,
        LocalDate openFrom,
        LocalDate openTo) {

    public OpenPosting {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(kind, "kind");
        requiredSkills = EnumMasks.skills(Objects.requireNonNull(requiredSkills, "requiredSkills"));
        Objects.requireNonNull(openFrom, "openFrom");
        if (monthlyWage < 0 || openings < 0) {
            throw new IllegalArgumentException("a wage or a number of openings is not negative");
        }
        if (openTo != null && openTo.isBefore(openFrom)) {
            throw new IllegalArgumentException("a posting closes before it opens: " + openFrom + " to " + openTo);
        }
    }

    /** Whether the posting takes labourers on {@code day}: within its dates and with an opening left. */
    public boolean takesLabourersOn(LocalDate day) {
        return openings > 0 && !day.isBefore(openFrom) && (openTo == null || !day.isAfter(openTo));
    }
}
