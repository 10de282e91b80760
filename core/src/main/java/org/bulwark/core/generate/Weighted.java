package org.bulwark.core.generate;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** A fixed set of choices with relative weights, drawn from a seeded random source. */
final class Weighted<T> {

    private final List<T> items;
    private final double[] cumulative;

    private Weighted(List<T> items, double[] weights) {
        if (items.isEmpty() || items.size() != weights.length) {
            throw new IllegalArgumentException("need one weight per item, and at least one item");
        }
        this.items = List.copyOf(items);
        this.cumulative = new double[weights.length];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0) {
                throw new IllegalArgumentException("weights must not be negative");
            }
            total += weights[i];
            cumulative[i] = total;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("weights must not all be zero");
        }
    }

    /** Choices from alternating (item, weight) pairs; weights are relative and need not add up to anything. */
    @SuppressWarnings("unchecked")
    static <T> Weighted<T> of(Object... itemsAndWeights) {
        if (itemsAndWeights.length % 2 != 0) {
            throw new IllegalArgumentException("expected (item, weight) pairs");
        }
        int n = itemsAndWeights.length / 2;
        Object[] items = new Object[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            items[i] = itemsAndWeights[2 * i];
            weights[i] = ((Number) itemsAndWeights[2 * i + 1]).doubleValue();
        }
        return new Weighted<>((List<T>) Arrays.asList(items), weights);
    }

    /** Choices with the given weights, one per item. */
    static <T> Weighted<T> of(List<T> items, double[] weights) {
        return new Weighted<>(items, weights);
    }

    T pick(SplittableRandom random) {
        double point = random.nextDouble() * cumulative[cumulative.length - 1];
        int index = Arrays.binarySearch(cumulative, point);
        // binarySearch gives -(insertion point) - 1 when absent; the insertion point is the chosen bucket.
        int bucket = index >= 0 ? index + 1 : -index - 1;
        return items.get(Math.min(bucket, items.size() - 1));
    }
}
