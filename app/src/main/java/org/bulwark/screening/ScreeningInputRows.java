package org.bulwark.screening;

import java.time.LocalDate;
import java.util.Map;
import org.bulwark.core.registry.HouseholdCategory;
import org.bulwark.core.registry.LabourCapacity;

/**
 * Receives a region's screening inputs row by row as the columnar store keeps them ({@link ScreeningRuns#export}):
 * households, their members and incomes, then the records of the categories the rules read with only the fields they
 * read. Rows come in id order within each table, so a receiver can write them out as they come.
 */
public interface ScreeningInputRows {

    /** A registered household. */
    record Household(long id, String villageCode, HouseholdCategory category) {}

    /**
     * A member; the store keeps no identity number of members (the engine reads ages from the birth date).
     *
     * @param birthDate      null when the registry has none
     * @param labourCapacity null when the registry has none
     * @param villageCode    the village of the member's household
     */
    record Person(long id, long householdId, String villageCode, LocalDate birthDate, LabourCapacity labourCapacity) {}

    /** One year's net income of a household (yuan), with the household's village. */
    record Income(long householdId, String villageCode, int year, double netIncome) {}

    /**
     * A department record as screening reads it.
     *
     * @param householdId the matched household, or null
     * @param personId    the matched member, or null
     * @param idNumber    the identity number a record without a member carries, or null
     * @param villageCode the matched household's village, else the village the record names, or null
     * @param regionCode  for a record of no household: who receives it (its village, else the identity number's
     *                    region), or null
     * @param fields      the fields the rules read, as text: numbers as {@link Double#toString}, texts as stored
     *                    (absent when empty), flags as {@code true}/{@code false} or, for a flag the catalogue keeps
     *                    as a date, that date under {@code <flag>_date}
     */
    record Record(
            long id,
            String category,
            Long householdId,
            Long personId,
            String idNumber,
            String villageCode,
            String regionCode,
            LocalDate date,
            Map<String, String> fields) {}

    void household(Household household);

    void person(Person person);

    void income(Income income);

    void record(Record record);
}
