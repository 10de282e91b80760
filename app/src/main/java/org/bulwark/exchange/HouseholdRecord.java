package org.bulwark.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A department record about a household, one of its members or its whole village, as the household file shows it:
 * labels in the reader's language, the identity number masked, and where it came from.
 *
 * @param period         the record's date as the category counts it (a day, a month, a year or a school year)
 * @param personId       the registered person the record was matched to, or null (household- or village-keyed)
 * @param maskedIdNumber the record's identity number, masked; null when it has none
 * @param villageWide    the record is about the whole village (e.g. a drinking-water check), not one household
 * @param values         the record's own values, key and name columns left out
 * @param sourceRow      the row of the batch's file the record came from
 * @param storedAt       when the platform received it
 * @param personName     the name the department wrote on the record (unmasked: the page masks it), or null
 */
public record HouseholdRecord(
        long id,
        String category,
        String categoryLabel,
        String departmentLabel,
        LocalDate recordDate,
        String period,
        Long personId,
        String maskedIdNumber,
        boolean villageWide,
        List<Value> values,
        long batchId,
        int sourceRow,
        String fileName,
        Instant storedAt,
        String personName) {

    /**
     * One value with its label; {@code main} marks the category's main amount, {@code region} a region's code (a
     * property's location), which pages show by the region's name.
     */
    public record Value(String label, String text, boolean main, boolean region) {

        /** A value that is not a region code. */
        public Value(String label, String text, boolean main) {
            this(label, text, main, false);
        }
    }
}
