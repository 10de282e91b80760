package org.bulwark.core.generate;

import java.util.SplittableRandom;

/** Splits the households over the villages: roughly even, varied by a seeded weight per village, capped per village. */
final class VillageAllocation {

    /** Each village's weight is drawn from [MIN_WEIGHT, MIN_WEIGHT + 1), so the largest is at most 3× the smallest. */
    private static final double MIN_WEIGHT = 0.5;

    private VillageAllocation() {}

    /** Household counts per village, adding up to {@code households}, none above {@code capacity}. */
    static int[] counts(int households, int villages, int capacity, SplittableRandom random) {
        if ((long) villages * capacity < households) {
            throw new IllegalArgumentException("villages cannot hold " + households + " households");
        }
        double[] weights = new double[villages];
        double total = 0;
        for (int i = 0; i < villages; i++) {
            weights[i] = MIN_WEIGHT + random.nextDouble();
            total += weights[i];
        }
        int[] counts = new int[villages];
        int assigned = 0;
        for (int i = 0; i < villages; i++) {
            counts[i] = Math.min(capacity, (int) Math.floor(households * weights[i] / total));
            assigned += counts[i];
        }
        // Hand out what rounding and the cap left over one at a time, skipping full villages.
        int village = 0;
        while (assigned < households) {
            if (counts[village] < capacity) {
                counts[village]++;
                assigned++;
            }
            village = (village + 1) % villages;
        }
        return counts;
    }
}
