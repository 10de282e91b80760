package org.bulwark.core.screening;

import java.util.Arrays;

/**
 * The records behind an aggregation feature for one household: all matching records for count, any and sum; the
 * chosen record for max, min and last (none when no record matched).
 *
 * @param category the category whose record table the indices point into
 * @param records  indices into that table, ascending
 */
public record ContributingRecords(String category, int[] records) {

    /** Compares the indices by content, so two equal evidences are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ContributingRecords that
                && category.equals(that.category)
                && Arrays.equals(records, that.records);
    }

    @Override
    public int hashCode() {
        return category.hashCode() * 31 + Arrays.hashCode(records);
    }

    @Override
    public String toString() {
        return category + Arrays.toString(records);
    }
}
