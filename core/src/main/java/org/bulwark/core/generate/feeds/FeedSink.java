package org.bulwark.core.generate.feeds;

import java.util.Map;

/** Receives generated department records, one row at a time, in the order they are generated. */
@FunctionalInterface
public interface FeedSink {

    /**
     * One record of a category.
     *
     * @param category the catalogue code, e.g. {@code medical_settlement}
     * @param row      cell text by catalogue field name, every field of the category in catalogue order, blank ("")
     *                 where an optional field has no value; read-only
     */
    void record(String category, Map<String, String> row);
}
