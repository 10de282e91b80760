package org.bulwark.screening.store;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bulwark.core.registry.HouseholdCategory;
import org.bulwark.core.registry.LabourCapacity;
import org.bulwark.core.screening.PersonTable;
import org.bulwark.screening.ScreeningInputRows;

/**
 * Walks the stored columns of a region and hands them out as rows: the households whose village lies in the region,
 * their members and incomes, and the records a full run of the region places (StoreInput.place) — those of its
 * households, and of unregistered persons and villages whose region lies in it. Dates are not decided here: records
 * and incomes of every date are handed out (up to {@code until}, when given), and date flags keep their dates, so
 * whoever screens the rows may choose the as-of date.
 */
final class StoreExport {

    private static final HouseholdCategory[] CATEGORIES = HouseholdCategory.values();
    private static final LabourCapacity[] CAPACITIES = LabourCapacity.values();

    private final RegistryColumns registry;
    private final String prefix;
    private final int untilDay;
    private final ScreeningInputRows rows;
    private final RegistryColumns.IdIndex householdIds;
    /** Whether each stored household (by position) lies in the region. */
    private final boolean[] inRegion;

    private long households;
    private long persons;
    private long records;

    StoreExport(RegistryColumns registry, String prefix, LocalDate until, ScreeningInputRows rows) {
        this.registry = registry;
        this.prefix = prefix;
        this.untilDay = until == null ? Integer.MAX_VALUE : (int) until.toEpochDay();
        this.rows = rows;
        this.householdIds = new RegistryColumns.IdIndex(registry.householdId, registry.households);
        this.inRegion = new boolean[registry.households];
        for (int h = 0; h < registry.households; h++) {
            inRegion[h] = village(h).startsWith(prefix);
        }
    }

    private String village(int household) {
        return registry.villages.get(registry.village[household]);
    }

    /** Hands out the region's households, members and incomes (up to the year of {@code until}). */
    void registry(int untilYear) {
        for (int h = 0; h < registry.households; h++) {
            if (inRegion[h]) {
                rows.household(new ScreeningInputRows.Household(
                        registry.householdId[h], village(h), CATEGORIES[registry.category[h]]));
                households++;
            }
        }
        for (int p = 0; p < registry.persons; p++) {
            int h = registry.personHousehold[p];
            if (h >= 0 && inRegion[h]) {
                int birth = registry.birthDay[p];
                byte capacity = registry.capacity[p];
                rows.person(new ScreeningInputRows.Person(
                        registry.personId[p],
                        registry.householdId[h],
                        village(h),
                        birth == PersonTable.UNKNOWN_DAY ? null : LocalDate.ofEpochDay(birth),
                        capacity == RegistryColumns.NO_CAPACITY ? null : CAPACITIES[capacity]));
                persons++;
            }
        }
        for (int i = 0; i < registry.incomes; i++) {
            int h = registry.incomeHousehold[i];
            if (h >= 0 && inRegion[h] && registry.incomeYear[i] <= untilYear) {
                rows.income(new ScreeningInputRows.Income(
                        registry.householdId[h], village(h), registry.incomeYear[i], registry.netIncome[i]));
            }
        }
    }

    /** Hands out one segment's records that a run of the region places, in the segment's (id) order. */
    void records(RecordColumns segment) {
        int loose = 0;
        for (int r = 0; r < segment.size; r++) {
            boolean isLoose = loose < segment.looseCount && segment.looseRow[loose] == r;
            int at = isLoose ? loose++ : -1;
            if (segment.day[r] > untilDay) {
                continue;
            }
            ScreeningInputRows.Record record =
                    segment.household[r] >= 0 ? household(segment, r, at) : unregistered(segment, r, at);
            if (record != null) {
                rows.record(record);
                records++;
            }
        }
    }

    /** A record of a household in the region (with the identity number a record without a member carries). */
    private ScreeningInputRows.Record household(RecordColumns segment, int r, int loose) {
        int position = householdIds.position(segment.household[r]);
        if (position < 0 || !inRegion[position]) {
            return null;
        }
        return new ScreeningInputRows.Record(
                segment.id[r],
                segment.category,
                (long) segment.household[r],
                segment.person[r] < 0 ? null : (long) segment.person[r],
                loose < 0 ? null : segment.looseIdNumber[loose],
                village(position),
                null,
                LocalDate.ofEpochDay(segment.day[r]),
                fields(segment, r));
    }

    /** A record of no household: an unregistered person's or a village's whose region lies in the region. */
    private ScreeningInputRows.Record unregistered(RecordColumns segment, int r, int loose) {
        if (loose < 0) {
            return null;
        }
        String region = segment.looseTexts.get(segment.looseRegion[loose]);
        String idNumber = segment.looseIdNumber[loose];
        String village = segment.looseTexts.get(segment.looseVillage[loose]);
        if (region.isEmpty() || !region.startsWith(prefix) || (idNumber == null && village.isEmpty())) {
            return null;
        }
        return new ScreeningInputRows.Record(
                segment.id[r],
                segment.category,
                null,
                null,
                idNumber,
                village.isEmpty() ? null : village,
                region,
                LocalDate.ofEpochDay(segment.day[r]),
                fields(segment, r));
    }

    /** The record's fields as text, which read back as the store reads them (see {@link ScreeningInputRows}). */
    private static Map<String, String> fields(RecordColumns segment, int r) {
        Map<String, String> fields = new LinkedHashMap<>();
        segment.numbers.forEach((field, values) -> fields.put(field, Double.toString(values[r])));
        segment.texts.forEach((field, codes) -> {
            if (codes[r] != 0) {
                fields.put(field, segment.dictionaries.get(field).get(codes[r]));
            }
        });
        segment.flags.forEach((field, values) -> {
            int stored = values[r];
            if (stored == RecordColumns.FLAG_TRUE || stored == RecordColumns.FLAG_FALSE) {
                fields.put(field, Boolean.toString(stored == RecordColumns.FLAG_TRUE));
            } else if (fields.putIfAbsent(
                            field + "_date", LocalDate.ofEpochDay(stored).toString())
                    != null) {
                throw new IllegalStateException("the flag " + field + " of " + segment.category
                        + " cannot be written as a date: " + field + "_date is a field the rules read");
            }
        });
        return fields;
    }

    /** How many households, members and records were handed out. */
    String counts() {
        return households + " households, " + persons + " persons, " + records + " records";
    }
}
