/**
 * Statistics: the dashboards with drill-down province → prefecture → county → township → village. Figures come from
 * {@link org.bulwark.statistics.FigureProvider}s (registry, income, warnings, department data; casework adds its own
 * provider the same way), each computing its figures with SQL over the stored data within the user's scope, and each
 * able to name the households behind any of its figures.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Statistics")
package org.bulwark.statistics;
