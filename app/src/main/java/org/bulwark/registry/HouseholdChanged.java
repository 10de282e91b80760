package org.bulwark.registry;

/**
 * Event published in the transaction of a change to a household or its members through the registry's pages and API
 * (registered, edited, its category changed by casework, a member added, edited or removed), so that modules
 * deriving their rows from the registry (the labour registry) follow it after the commit. Bulk imports do not
 * publish it: their followers refresh a whole region instead.
 */
public record HouseholdChanged(long householdId, String villageCode) {}
