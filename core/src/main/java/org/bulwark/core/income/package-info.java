/** Household income accounting: net income, income per capita, and validation of entered income figures. */
package org.bulwark.core.income;
