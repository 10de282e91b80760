package org.bulwark.statistics;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One family of dashboard figures (the registry, incomes, warnings, department data, later casework). A provider is a
 * Spring bean; the dashboard finds every provider and shows one section per provider, in {@link #order()}.
 *
 * <p>Providers compute with SQL and must keep to the query's scope: every statement filters on
 * {@link FigureQuery#scopePattern()} and {@link FigureQuery#regionPattern()}.
 */
public interface FigureProvider {

    /** Short id, the prefix of its measures' ids ({@code "warnings"} for {@code "warnings.overdue"}). */
    String id();

    /** Message key of the section title. */
    String titleKey();

    /** Place among the sections, smallest first. */
    int order();

    /** The columns of the by-region table, in order. */
    List<Measure> measures();

    /**
     * The figures of every measure for each group of the query — regions whose code, cut to
     * {@link FigureQuery#groupDigits()} digits, is the group — and for the region as a whole, as the group
     * {@link FigureQuery#regionPrefix()} (see {@link FigureQuery#groupOrTotal}).
     */
    List<FigureValue> byRegion(FigureQuery query);

    /** The columns of the breakdown table, if the provider has one. */
    default List<Measure> breakdownMeasures() {
        return List.of();
    }

    /** A second table for the region as a whole, by the provider's own key (risk type, data category), if any. */
    default Optional<Breakdown> breakdown(FigureQuery query) {
        return Optional.empty();
    }

    /** A message key of a line under the section's title that says how its figures relate to others, or null. */
    default String noteKey() {
        return null;
    }

    /** How a key of the breakdown reads, without computing the breakdown (a list of households names its key). */
    default Optional<Breakdown.Label> breakdownLabel(String key) {
        return Optional.empty();
    }

    /**
     * How a key of the breakdown reads in the reader's language. Breakdowns are cached for all readers alike, so a
     * provider whose keys are named in its configuration (a data category) names them here, at render time.
     */
    default Optional<Breakdown.Label> breakdownLabel(String key, Locale locale) {
        return breakdownLabel(key);
    }

    /**
     * The households behind a figure, as a condition on the table {@code household h}; empty when no household list
     * stands behind the measure (records about nobody in the registry).
     *
     * @param key the breakdown key of the figure's row, or null for a by-region row
     */
    Optional<HouseholdCondition> householdsBehind(String measureId, String key, FigureQuery query);

    /** The measures drawn in the charts (percentages as a line on their own axis). */
    default List<String> chartedMeasures() {
        return measures().stream().map(Measure::id).toList();
    }

    /** Whether the charted measures add up (stacked bars), as categories of households or states of warnings do. */
    default boolean stackedChart() {
        return false;
    }

    /** The measures of a row that add up, so that a suppressed one cannot be worked out from the others. */
    default List<MeasureSum> sums() {
        return List.of();
    }

    /**
     * Measures computed from others in the same row (a rate from its counts), each with the measures it is computed
     * from: it is suppressed wherever one of those is.
     */
    default Map<String, List<String>> derivedFrom() {
        return Map.of();
    }

    /** The measures whose totals head the dashboard. */
    default List<String> headlineMeasures() {
        return List.of(measures().get(0).id());
    }
}
