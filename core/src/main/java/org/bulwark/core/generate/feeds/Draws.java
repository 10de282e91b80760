package org.bulwark.core.generate.feeds;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;

/** Random draws on top of {@link SplittableRandom}, with StrictMath so results do not vary by platform. */
final class Draws {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Draws() {}

    /**
     * The random source of one unit of work — a household, an unregistered resident — from the run's seed and the
     * unit's key alone, so that a unit's rows never depend on what was generated before it.
     */
    static SplittableRandom source(long seed, long stream, long key) {
        return new SplittableRandom(mix(mix(seed ^ mix(stream)) + key * GOLDEN_GAMMA));
    }

    /** A 64-bit key of a text (FNV-1a), e.g. of a household number. */
    static long key(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** An integer from {@code low} to {@code high}, both included. */
    static int between(SplittableRandom random, int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    /** A double from {@code low} (included) to {@code high} (excluded). */
    static double uniform(SplittableRandom random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** True with probability {@code p}. */
    static boolean chance(SplittableRandom random, double p) {
        return random.nextDouble() < p;
    }

    /** A log-normal value, {@code median · e^(sigma·Z)}, clamped to [low, high]. */
    static double logNormal(SplittableRandom random, double median, double sigma, double low, double high) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        double z = StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
        return Math.max(low, Math.min(high, median * StrictMath.exp(sigma * z)));
    }

    /** A Poisson count with the given mean (Knuth's method: means here stay small). */
    static int poisson(SplittableRandom random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        double limit = StrictMath.exp(-Math.min(mean, 500));
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }

    /** One of the items, each as likely as its weight says; null when there are none. */
    static <T> T weighted(SplittableRandom random, List<T> items, ToIntFunction<T> weight) {
        int total = 0;
        for (T item : items) {
            total += weight.applyAsInt(item);
        }
        if (total == 0) {
            return null;
        }
        int point = random.nextInt(total);
        for (T item : items) {
            point -= weight.applyAsInt(item);
            if (point < 0) {
                return item;
            }
        }
        throw new IllegalStateException("weights do not add up");
    }

    /** One of the items, equally likely. */
    static <T> T pick(SplittableRandom random, T[] items) {
        return items[random.nextInt(items.length)];
    }

    private static long mix(long z) {
        // SplitMix64's finaliser: neighbouring keys give unrelated seeds
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
