package org.bulwark.registry;

import java.util.List;

/** One page of search results; {@code more} says whether a next page exists. */
public record HouseholdPage(List<HouseholdSummary> items, int page, int size, boolean more) {}
