package org.bulwark.layout;

import java.time.LocalDate;

/**
 * A registered person as the Parquet layout keeps it.
 *
 * @param birthDate       null when unknown
 * @param labourCapacity  a {@link org.bulwark.core.registry.LabourCapacity} name, or null
 * @param villageCode     the village of the person's household, so that a person travels with it unjoined
 */
public record PersonRow(
        long id, long householdId, String villageCode, String idNumber, LocalDate birthDate, String labourCapacity) {}
