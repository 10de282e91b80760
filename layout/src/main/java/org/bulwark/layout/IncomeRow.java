package org.bulwark.layout;

/** One year of a household's net income, yuan; {@code villageCode} is the household's, as for persons. */
public record IncomeRow(long householdId, String villageCode, int year, double netIncome) {}
