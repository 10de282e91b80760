package org.bulwark.core.generate.feeds;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** One record being filled in: every field of its category, in catalogue order, blank until set. */
final class FeedRow {

    private final FeedCategory category;
    private final Map<String, String> values;

    FeedRow(FeedCategory category) {
        this.category = category;
        this.values = new LinkedHashMap<>(category.fields().size() * 2);
        for (String field : category.fields()) {
            values.put(field, "");
        }
    }

    FeedCategory category() {
        return category;
    }

    FeedRow text(String field, String value) {
        Objects.requireNonNull(value, field);
        // a misspelt field would silently become an extra column the import rejects
        if (values.put(field, value) == null) {
            values.remove(field);
            throw new IllegalArgumentException(field + " is not a field of " + category.code());
        }
        return this;
    }

    FeedRow date(String field, LocalDate value) {
        return text(field, value.toString());
    }

    FeedRow flag(String field, boolean value) {
        return text(field, value ? "true" : "false");
    }

    FeedRow integer(String field, long value) {
        return text(field, Long.toString(value));
    }

    /** A decimal with exactly two places, e.g. 1234.50. */
    FeedRow money(String field, long cents) {
        return text(field, Money.format(cents));
    }

    /** A decimal rounded to two places, e.g. yuan to the cent. */
    FeedRow decimal(String field, double value) {
        return money(field, Money.cents(value));
    }

    Map<String, String> values() {
        return Collections.unmodifiableMap(values);
    }
}
