package org.bulwark.statistics;

import java.util.Map;

/**
 * A SQL condition over {@code household h} selecting the households behind a figure, with its named parameters
 * (which must not be called {@code scope}, {@code region}, {@code limit} or {@code offset}). The registry runs it
 * ({@link HouseholdListing}); a provider of another module names only {@code h.id} and its own tables.
 */
public record HouseholdCondition(String sql, Map<String, Object> params) {

    public static HouseholdCondition all() {
        return new HouseholdCondition("true", Map.of());
    }
}
