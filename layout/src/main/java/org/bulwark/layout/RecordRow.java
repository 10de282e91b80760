package org.bulwark.layout;

import java.time.LocalDate;
import java.util.Map;

/**
 * A stored department record as the Parquet layout keeps it: its links to the registry as the import matched them,
 * and its fields as the stored text (the platform's {@code fields->>'name'}), which the Spark module's {@code StoredFields}
 * reads as the platform's screening store does.
 *
 * @param id          the record's id: the order of the platform's record table, which sums and ties follow
 * @param householdId the matched household, or null
 * @param personId    the matched person, or null
 * @param villageCode the village of the matched household; for a record without one, the village it names, or null
 * @param regionCode  the village code, else the identity number's 6 digits and {@code 000000}: who receives it
 */
public record RecordRow(
        long id,
        String category,
        Long householdId,
        Long personId,
        String idNumber,
        String villageCode,
        String regionCode,
        LocalDate date,
        Map<String, String> fields) {}
