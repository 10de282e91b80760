package org.bulwark.core.screening;

/**
 * A feature of a rule as its file writes it, for people reading the rule set: either a household {@code fact} or an
 * aggregation ({@code aggregation} of {@code value} over the {@code category}'s records in the {@code window},
 * reduced to the {@code latest} per person or household, filtered by {@code where}). Texts are the file's; parts
 * a feature does not have are null.
 */
public record RuleFeature(
        String name,
        String fact,
        String category,
        String aggregation,
        String value,
        String window,
        String latest,
        String where) {

    /** Whether the feature is a household fact rather than an aggregation over records. */
    public boolean isFact() {
        return fact != null;
    }

    /** The look-back window's months when it is a number of months, otherwise -1 (this_year, all, …). */
    public int windowMonths() {
        return window != null && window.matches("[0-9]+") ? Integer.parseInt(window) : -1;
    }
}
