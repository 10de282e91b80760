/** Household income records per year, with net income and net income per capita computed by the core. */
@org.springframework.modulith.ApplicationModule(displayName = "Income")
package org.bulwark.income;
