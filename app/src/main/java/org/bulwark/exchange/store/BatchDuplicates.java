package org.bulwark.exchange.store;

/**
 * The content hashes of a batch's rows seen so far, each with the first row that had it, so that a repeated row is
 * reported as "duplicate of row N". An open-addressing table of 128-bit keys in two {@code long} arrays: a million
 * rows cost about 40 MB here, against about 150 MB as a {@code HashMap} of objects.
 */
final class BatchDuplicates {

    private long[] high = new long[1 << 12];
    private long[] low = new long[1 << 12];
    private int[] rows = new int[1 << 12];
    private int size;

    /**
     * Remembers the hash with its row, or returns the row that had it first ({@code -1} when it is new). Row numbers
     * are positive, so an empty slot is one whose row is 0.
     */
    int putIfAbsent(long hashHigh, long hashLow, int row) {
        if ((size + 1) * 2 > rows.length) {
            grow();
        }
        int mask = rows.length - 1;
        int slot = (int) (hashLow ^ (hashLow >>> 32)) & mask;
        while (rows[slot] != 0) {
            if (high[slot] == hashHigh && low[slot] == hashLow) {
                return rows[slot];
            }
            slot = (slot + 1) & mask;
        }
        high[slot] = hashHigh;
        low[slot] = hashLow;
        rows[slot] = row;
        size++;
        return -1;
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        int[] oldRows = rows;
        high = new long[oldRows.length * 2];
        low = new long[oldRows.length * 2];
        rows = new int[oldRows.length * 2];
        size = 0;
        for (int i = 0; i < oldRows.length; i++) {
            if (oldRows[i] != 0) {
                putIfAbsent(oldHigh[i], oldLow[i], oldRows[i]);
            }
        }
    }
}
