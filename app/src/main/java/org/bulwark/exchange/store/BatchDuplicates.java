package org.bulwark.exchange.store;

/**
 * The content hashes of a batch's rows seen so far, each with the first row that had it, so that a repeated row is
 * reported as "duplicate of row N". An open-addressing table of 128-bit keys with their rows in one array of
 * longs (three per slot, so that a lookup touches one place in memory, not three arrays): less memory than a
 * {@code HashMap} of objects even with a quarter to half of the table in use (BENCHMARKS.md).
 */
final class BatchDuplicates {

    private long[] slots = new long[3 << 12];
    private int capacity = 1 << 12;
    private int size;

    /**
     * Remembers the hash with its row, or returns the row that had it first ({@code -1} when it is new). Row numbers
     * are positive, so an empty slot is one whose row is 0.
     */
    int putIfAbsent(long hashHigh, long hashLow, int row) {
        if ((size + 1) * 2 > capacity) {
            grow();
        }
        int mask = capacity - 1;
        int slot = (int) (hashLow ^ (hashLow >>> 32)) & mask;
        while (slots[3 * slot + 2] != 0) {
            if (slots[3 * slot] == hashHigh && slots[3 * slot + 1] == hashLow) {
                return (int) slots[3 * slot + 2];
            }
            slot = (slot + 1) & mask;
        }
        slots[3 * slot] = hashHigh;
        slots[3 * slot + 1] = hashLow;
        slots[3 * slot + 2] = row;
        size++;
        return -1;
    }

    /** Grows the table, if need be, so that {@code more} hashes fit without growing while they are added. */
    void ensureRoom(int more) {
        while ((size + more) * 2 > capacity) {
            grow();
        }
    }

    /**
     * Reads the slot where each hash (by its low half) would be placed, and returns what it read: the
     * {@link #putIfAbsent} calls that follow then find those places in the processor's cache.
     */
    long touch(long[] lows, int count) {
        int mask = capacity - 1;
        long read = 0;
        for (int i = 0; i < count; i++) {
            int slot = (int) (lows[i] ^ (lows[i] >>> 32)) & mask;
            read += slots[3 * slot + 2];
        }
        return read;
    }

    /** Grows fourfold: every entry is placed again at each growth, a miss each, so fewer growths cost less. */
    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 4];
        capacity *= 4;
        size = 0;
        for (int i = 0; i < old.length; i += 3) {
            if (old[i + 2] != 0) {
                putIfAbsent(old[i], old[i + 1], (int) old[i + 2]);
            }
        }
    }
}
