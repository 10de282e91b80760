package org.bulwark.exchange.store;

import java.util.Arrays;

/**
 * The content hashes of the records a batch stores in a part of its own, collected as they are written and kept,
 * sorted, as one value of {@code department_record_hashes} (V21): the next large batch of the category reads them in
 * one piece instead of entry by entry from the part's index. The value is written once: none of the platform's code
 * changes or deletes records, and one who deletes records of a part by hand must delete (or gather anew, as V21
 * does) its row there too, or later batches would take the deleted records for stored.
 */
final class StoredHashes {

    private long[] high = new long[1 << 12];
    private long[] low = new long[1 << 12];
    private int size;

    void add(long hashHigh, long hashLow) {
        if (size == high.length) {
            high = Arrays.copyOf(high, size * 2);
            low = Arrays.copyOf(low, size * 2);
        }
        high[size] = hashHigh;
        low[size] = hashLow;
        size++;
    }

    int size() {
        return size;
    }

    /** A sorted run ({@link #sortedRun}) as the value kept: 16 bytes a hash. */
    static byte[] bytes(long[][] sorted) {
        long[] sortedHigh = sorted[0];
        int size = sortedHigh.length;
        long[] sortedLow = sorted[1];
        byte[] bytes = new byte[size * 16];
        for (int i = 0; i < size; i++) {
            put(bytes, i * 16, sortedHigh[i]);
            put(bytes, i * 16 + 8, sortedLow[i]);
        }
        return bytes;
    }

    /**
     * The hashes ascending as PostgreSQL orders {@code bytea}, as {high, low} (a run of {@link EarlierRecords}):
     * counted into buckets by their first two bytes, then each small bucket sorted in place (a million hashes: about
     * 15 to a bucket).
     */
    long[][] sortedRun() {
        int[] start = new int[(1 << 16) + 1];
        for (int i = 0; i < size; i++) {
            start[(int) (high[i] >>> 48) + 1]++;
        }
        for (int b = 0; b < 1 << 16; b++) {
            start[b + 1] += start[b];
        }
        long[] sortedHigh = new long[size];
        long[] sortedLow = new long[size];
        int[] next = Arrays.copyOf(start, start.length);
        for (int i = 0; i < size; i++) {
            int at = next[(int) (high[i] >>> 48)]++;
            sortedHigh[at] = high[i];
            sortedLow[at] = low[i];
        }
        for (int b = 0; b < 1 << 16; b++) {
            for (int i = start[b] + 1; i < start[b + 1]; i++) {
                long h = sortedHigh[i];
                long l = sortedLow[i];
                int j = i - 1;
                while (j >= start[b] && compare(sortedHigh[j], sortedLow[j], h, l) > 0) {
                    sortedHigh[j + 1] = sortedHigh[j];
                    sortedLow[j + 1] = sortedLow[j];
                    j--;
                }
                sortedHigh[j + 1] = h;
                sortedLow[j + 1] = l;
            }
        }
        return new long[][] {sortedHigh, sortedLow};
    }

    private static int compare(long highA, long lowA, long highB, long lowB) {
        int c = Long.compareUnsigned(highA, highB);
        return c != 0 ? c : Long.compareUnsigned(lowA, lowB);
    }

    private static void put(byte[] bytes, int at, long value) {
        for (int i = 0; i < 8; i++) {
            bytes[at + i] = (byte) (value >>> (56 - 8 * i));
        }
    }
}
