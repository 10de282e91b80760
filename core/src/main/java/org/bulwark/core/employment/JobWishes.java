package org.bulwark.core.employment;

import java.util.Objects;
import java.util.Set;

/**
 * What work a labourer wants: no farther from home than {@code farthest}, of one of {@code kinds} (empty: any kind),
 * paying at least {@code minMonthlyWage} yuan a month (null: no minimum). Each is a hard limit of the matching
 * (docs/employment.md).
 */
public record JobWishes(Reach farthest, Set<WorkKind> kinds, Integer minMonthlyWage) {

    /** Any work in the county, at any wage: the wish assumed when a labourer has not said. */
    public static final JobWishes WITHIN_COUNTY = new JobWishes(Reach.COUNTY, Set.of(), null);

    public JobWishes {
        Objects.requireNonNull(farthest, "farthest");
        kinds = EnumMasks.kinds(Objects.requireNonNull(kinds, "kinds"));
        if (minMonthlyWage != null && minMonthlyWage < 0) {
            throw new IllegalArgumentException("a wished wage is not negative: " + minMonthlyWage);
        }
    }

    /** Whether work of {@code kind} is wished: every kind is when the labourer named none. */
    public boolean wants(WorkKind kind) {
        return kinds.isEmpty() || kinds.contains(kind);
    }

    /** Whether {@code monthlyWage} is at least the wished minimum. */
    public boolean accepts(int monthlyWage) {
        return minMonthlyWage == null || monthlyWage >= minMonthlyWage;
    }
}
