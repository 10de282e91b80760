package org.bulwark.statistics;

import java.util.List;

/**
 * The households behind a figure, listed by the module that owns the households: those of the query's region and
 * scope meeting the provider's condition on {@code household h}, ordered by household number.
 */
public interface HouseholdListing {

    /** Up to {@code limit} households from {@code offset} on. */
    List<HouseholdsBehind.Listed> list(FigureQuery query, HouseholdCondition condition, int limit, long offset);
}
