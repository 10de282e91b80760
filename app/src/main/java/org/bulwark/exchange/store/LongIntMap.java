package org.bulwark.exchange.store;

/**
 * A map from {@code long} to non-negative {@code int} (a position in parallel arrays), open addressing in two
 * arrays: a fraction of the memory of a {@code HashMap} of boxed keys (BENCHMARKS.md).
 */
final class LongIntMap {

    private long[] keys;
    /** The value plus one; 0 marks an empty slot. */
    private int[] values;

    private int size;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
    }

    int size() {
        return size;
    }

    /** The value of {@code key}, or -1. */
    int get(long key) {
        int mask = values.length - 1;
        int slot = spread(key) & mask;
        while (values[slot] != 0) {
            if (keys[slot] == key) {
                return values[slot] - 1;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** Sets the value of {@code key} (a value of 0 or more). */
    void put(long key, int value) {
        if ((size + 1) * 2 > values.length) {
            grow();
        }
        int mask = values.length - 1;
        int slot = spread(key) & mask;
        while (values[slot] != 0) {
            if (keys[slot] == key) {
                values[slot] = value + 1;
                return;
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = value + 1;
        size++;
    }

    private static int spread(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldValues.length * 2];
        size = 0;
        for (int i = 0; i < oldValues.length; i++) {
            if (oldValues[i] != 0) {
                put(oldKeys[i], oldValues[i] - 1);
            }
        }
    }
}
