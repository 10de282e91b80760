package org.bulwark.layout;

/**
 * A registered household as the Parquet layout keeps it.
 *
 * @param category a {@link org.bulwark.core.registry.HouseholdCategory} name
 */
public record HouseholdRow(long id, String villageCode, String category) {}
