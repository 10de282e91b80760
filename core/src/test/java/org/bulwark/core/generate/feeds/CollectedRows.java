package org.bulwark.core.generate.feeds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A sink that keeps every row with its category, in order. */
final class CollectedRows implements FeedSink {

    /** One emitted row. */
    record Emitted(String category, Map<String, String> row) {}

    private final List<Emitted> rows = new ArrayList<>();

    @Override
    public void record(String category, Map<String, String> row) {
        // the generator never changes a row after handing it over, so it may be kept as it is (with its order)
        rows.add(new Emitted(category, row));
    }

    List<Emitted> rows() {
        return rows;
    }

    List<Map<String, String>> of(String category) {
        return rows.stream()
                .filter(e -> e.category().equals(category))
                .map(Emitted::row)
                .toList();
    }
}
