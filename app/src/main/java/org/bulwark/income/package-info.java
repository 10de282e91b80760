/**
 * Household income records per year, with net income and net income per capita computed by the core. Others read the
 * net incomes through the view it publishes ({@code income_net_income}: V36).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Income")
package org.bulwark.income;
