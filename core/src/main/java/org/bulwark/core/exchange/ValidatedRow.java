package org.bulwark.core.exchange;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A row after validation.
 *
 * @param rowNumber the row's number in the file
 * @param values    the fields that had a value, by field name, typed: {@link String} (text, choice, keys),
 *                  {@link Long}, {@link java.math.BigDecimal}, {@link java.time.LocalDate} or {@link Boolean}; blank
 *                  cells are absent, and so are cells that failed a check
 * @param problems  what is wrong with the row; empty when the row is valid
 */
public record ValidatedRow(long rowNumber, Map<String, Object> values, List<RowProblem> problems) {

    /** Copies both collections; values keep their (field) order. */
    public ValidatedRow {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        problems = List.copyOf(problems);
    }

    /** Whether the row has no problems. */
    public boolean valid() {
        return problems.isEmpty();
    }
}
