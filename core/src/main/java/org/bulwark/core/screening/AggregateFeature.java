package org.bulwark.core.screening;

import java.util.Set;

/**
 * An aggregation over the records a filter selects for a household.
 *
 * @param value     the number aggregated (sum, max, min, last); {@code null} for count and any
 * @param variables record fields and attributes the value reads
 * @param parameters parameters the value reads
 */
record AggregateFeature(
        int slot,
        RecordFilter filter,
        Aggregation aggregation,
        NumberNode value,
        Set<String> variables,
        Set<String> parameters)
        implements Feature {

    @Override
    public FieldType type() {
        return aggregation.resultType();
    }
}
