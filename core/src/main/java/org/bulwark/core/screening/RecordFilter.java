package org.bulwark.core.screening;

import java.util.Set;

/**
 * Which records of a category a feature looks at: those dated in the window, reduced to the latest per person or
 * household when asked, then those the {@code where} predicate accepts. Shared by features that select alike.
 *
 * @param where      the predicate, or {@code null} to accept every record
 * @param variables  record fields and attributes the predicate reads
 * @param parameters parameters the predicate reads
 */
record RecordFilter(
        int slot,
        CategorySchema category,
        Window window,
        Latest latest,
        BoolNode where,
        Set<String> variables,
        Set<String> parameters) {}
