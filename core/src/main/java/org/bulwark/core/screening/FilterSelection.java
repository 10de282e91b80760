package org.bulwark.core.screening;

/**
 * The entries a record filter selects for a chunk of households: one run of entry positions, cut into one segment
 * per household of the chunk ({@code segmentStart[i]} to {@code segmentStart[i + 1]}).
 */
final class FilterSelection {

    int[] positions = new int[256];
    int count;
    int[] segmentStart;

    FilterSelection(int chunkCapacity) {
        segmentStart = new int[chunkCapacity + 1];
    }

    void ensureCapacity(int n) {
        if (positions.length < n) {
            positions = new int[Frame.grown(n)];
        }
    }
}
