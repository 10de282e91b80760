package org.bulwark.core.generate;

import java.util.SplittableRandom;

/** Small random draws on top of {@link SplittableRandom}, using StrictMath so results do not vary by platform. */
final class Draw {

    private Draw() {}

    /** An integer from {@code low} to {@code high}, both included. */
    static int between(SplittableRandom random, int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    /** True with probability {@code p}. */
    static boolean chance(SplittableRandom random, double p) {
        return random.nextDouble() < p;
    }

    /** A standard normal value (Box–Muller). */
    static double gaussian(SplittableRandom random) {
        // 1 - nextDouble() lies in (0, 1], so the logarithm is finite.
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
    }

    /** A normal value with the given mean and standard deviation, clamped to [low, high]. */
    static double normal(SplittableRandom random, double mean, double sd, double low, double high) {
        return Math.max(low, Math.min(high, mean + sd * gaussian(random)));
    }

    /** A log-normal value: {@code median · e^(sigma·Z)}. */
    static double logNormal(SplittableRandom random, double median, double sigma) {
        return median * StrictMath.exp(sigma * gaussian(random));
    }
}
