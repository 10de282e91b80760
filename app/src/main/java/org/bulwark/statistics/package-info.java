/**
 * Statistics: the dashboards with drill-down province → prefecture → county → township → village. Figures come from
 * {@link org.bulwark.statistics.FigureProvider}s, each implemented in the module that owns the tables it counts
 * (registry, income, screening, exchange, casework), computing its figures with SQL over its own tables within the
 * user's scope, and each able to name the households behind any of its figures. Statistics itself reads no table: the
 * registry lists the households ({@link org.bulwark.statistics.HouseholdListing}) and income names the reporting
 * years ({@link org.bulwark.statistics.ReportingYears}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Statistics")
package org.bulwark.statistics;
