/**
 * The registry of rural households and persons, scoped by region. Its figures on the dashboards are its own providers;
 * other modules read its rows through its API or, inside their own SQL, through the views it publishes
 * ({@code registry_household}, {@code registry_person}: V36), never its tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry")
package org.bulwark.registry;
