package org.bulwark.registry;

/**
 * Event published inside the transaction that removes a household, before its row goes, so that modules holding
 * records of it (incomes) remove theirs in the same transaction.
 */
public record HouseholdRemoved(long householdId, String villageCode) {}
