/**
 * Department data exchange: batches of department records (CSV, Excel, JSON) validated row by row against the data
 * catalogue, matched to the registry, stored atomically and once, with their provenance. Other modules read the
 * stored records through {@link org.bulwark.exchange.DepartmentRecordFeed}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Department data exchange")
package org.bulwark.exchange;
