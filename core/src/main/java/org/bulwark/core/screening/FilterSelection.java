package org.bulwark.core.screening;

/**
 * The entries a record filter selects for a chunk: positions in the category's index, ascending, hence grouped by
 * household (an entry's household slot in the chunk is its key minus the chunk's first scope position).
 */
final class FilterSelection {

    int[] positions = new int[256];
    int count;

    void ensureCapacity(int n) {
        if (positions.length < n) {
            positions = new int[Frame.grown(n)];
        }
    }

    /** The selected entries of the household at {@code slot}: from {@code [0]} (included) to {@code [1]}. */
    int[] rangeOf(CategoryIndex index, int chunkStart, int slot) {
        int key = chunkStart + slot;
        int low = 0;
        int high = count;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (index.key(positions[middle]) < key) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        int end = low;
        while (end < count && index.key(positions[end]) == key) {
            end++;
        }
        return new int[] {low, end};
    }
}
