package org.bulwark.core.screening;

import org.bulwark.core.registry.HouseholdCategory;

/** A chunk of households; its variables are the features, by slot, computed for the chunk before rules run. */
final class HouseholdFrame extends Frame {

    private final double[][] numbers;
    private final boolean[][] flags;
    private final int[][] codes;
    private final int capacity;

    HouseholdFrame(double[] parameters, int nodeCount, int featureCount, int capacity) {
        super(parameters, nodeCount);
        this.numbers = new double[featureCount][];
        this.flags = new boolean[featureCount][];
        this.codes = new int[featureCount][];
        this.capacity = capacity;
    }

    /** The buffer a number feature's values go into. */
    double[] numberBuffer(int slot) {
        if (numbers[slot] == null) {
            numbers[slot] = new double[capacity];
        }
        return numbers[slot];
    }

    /** The buffer a flag feature's values go into. */
    boolean[] flagBuffer(int slot) {
        if (flags[slot] == null) {
            flags[slot] = new boolean[capacity];
        }
        return flags[slot];
    }

    /** The buffer a text feature's codes go into (the only text feature is the household category). */
    int[] codeBuffer(int slot) {
        if (codes[slot] == null) {
            codes[slot] = new int[capacity];
        }
        return codes[slot];
    }

    @Override
    double[] numbers(int slot, int n) {
        return numbers[slot];
    }

    @Override
    boolean[] flags(int slot, int n) {
        return flags[slot];
    }

    @Override
    int[] textCodes(int slot, int n) {
        return codes[slot];
    }

    @Override
    int textCode(int slot, String text) {
        for (HouseholdCategory category : HouseholdCategory.values()) {
            if (category.name().equals(text)) {
                return category.ordinal();
            }
        }
        return -1;
    }
}
