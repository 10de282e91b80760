package org.bulwark.screening.store;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.core.registry.LabourCapacity;
import org.bulwark.core.screening.HouseholdTable;
import org.bulwark.core.screening.PersonTable;
import org.bulwark.core.screening.RecordTable;

/**
 * Turns the stored columns into the engine's tables for one run: the households of a region, their members and
 * incomes as of a date, and the records dated by then — exactly what {@code ScreeningData} reads from PostgreSQL
 * (same rows, same order: persons and records by id), so a run on the store gives the hits a run on the database
 * gives. The stored columns are never changed (the store may hold them in memory for later runs): the household and
 * person columns are translated into new arrays, and only the records dated by then and in the region are copied
 * when some are not.
 */
final class StoreInput {

    private static final byte ABLE = (byte) LabourCapacity.ABLE.ordinal();

    private final RegistryColumns registry;
    private final int asOfDay;
    private final int asOfYear;
    /** Scope index of each stored household (by position), or -1 outside the region. */
    private final int[] householdScope;

    private int[] personScope;
    private final RegistryColumns.IdIndex householdIds;
    private final RegistryColumns.IdIndex personIds;
    private final String prefix;
    final HouseholdTable households;
    final PersonTable persons;

    StoreInput(RegistryColumns registry, String prefix, LocalDate asOf) {
        this(
                registry,
                new RegistryColumns.IdIndex(registry.householdId, registry.households),
                new RegistryColumns.IdIndex(registry.personId, registry.persons),
                prefix,
                asOf);
    }

    /** Over a registry whose id indexes are at hand (the store held in memory keeps them). */
    StoreInput(
            RegistryColumns registry,
            RegistryColumns.IdIndex householdIds,
            RegistryColumns.IdIndex personIds,
            String prefix,
            LocalDate asOf) {
        this.registry = registry;
        this.prefix = prefix;
        this.asOfDay = (int) asOf.toEpochDay();
        this.asOfYear = asOf.getYear();
        this.householdIds = householdIds;
        this.personIds = personIds;
        boolean[] villageInScope = new boolean[registry.villages.size()];
        for (int v = 0; v < villageInScope.length; v++) {
            villageInScope[v] = registry.villages.get(v).startsWith(prefix);
        }
        householdScope = new int[registry.households];
        int scoped = 0;
        for (int h = 0; h < registry.households; h++) {
            householdScope[h] = villageInScope[registry.village[h]] ? scoped++ : -1;
        }
        this.households = households(scoped);
        this.persons = persons();
    }

    private HouseholdTable households(int scoped) {
        long[] id = new long[scoped];
        String[] village = new String[scoped];
        byte[] category = new byte[scoped];
        int[] members = new int[scoped];
        double[] net = new double[scoped];
        double[] previous = new double[scoped];
        for (int h = 0; h < registry.households; h++) {
            int s = householdScope[h];
            if (s >= 0) {
                id[s] = registry.householdId[h];
                village[s] = registry.villages.get(registry.village[h]);
                category[s] = registry.category[h];
            }
        }
        for (int p = 0; p < registry.persons; p++) {
            int s = householdScope[registry.personHousehold[p]];
            if (s >= 0) {
                members[s]++;
            }
        }
        // incomes come by household and ascending year: the last year up to the as-of year is "net", the one
        // before it "previous" (0 when there is none), as ScreeningData's "order by year desc limit 1 / offset 1"
        for (int i = 0; i < registry.incomes; i++) {
            int s = householdScope[registry.incomeHousehold[i]];
            if (s >= 0 && registry.incomeYear[i] <= asOfYear) {
                previous[s] = net[s];
                net[s] = registry.netIncome[i];
            }
        }
        return HouseholdTable.ofColumns(id, village, category, members, net, previous);
    }

    private PersonTable persons() {
        personScope = new int[registry.persons];
        int scoped = 0;
        for (int p = 0; p < registry.persons; p++) {
            personScope[p] = householdScope[registry.personHousehold[p]] >= 0 ? scoped++ : -1;
        }
        int[] household = new int[scoped];
        int[] birth = new int[scoped];
        boolean[] able = new boolean[scoped];
        boolean[] main = new boolean[scoped];
        for (int p = 0; p < registry.persons; p++) {
            int s = personScope[p];
            if (s >= 0) {
                household[s] = householdScope[registry.personHousehold[p]];
                birth[s] = registry.birthDay[p];
                able[s] = registry.capacity[p] == ABLE;
                main[s] = PersonTable.isMainLabourer(able[s], birth[s], asOfDay);
            }
        }
        return PersonTable.ofColumns(household, new String[scoped], birth, able, main);
    }

    /** One category's records for the run, and the record id behind each. */
    record Records(RecordTable table, long[] ids) {}

    /** The records of the segments (oldest first) dated by the as-of day, in the region. */
    Records records(List<RecordColumns> segments, Map<String, String> fields) {
        RecordColumns all = segments.size() == 1 ? segments.get(0) : concatenate(segments, fields);
        Placement placed = place(all);
        FieldColumns values = FieldColumns.of(all, fields, asOfDay);
        int kept = placed.kept;
        int[] day = all.day;
        long[] ids = all.id;
        if (kept < all.size) {
            placed.compact();
            values = values.compact(placed.keep, kept);
            day = compact(day, placed.keep, kept);
            ids = compact(ids, placed.keep, kept);
        }
        return new Records(
                RecordTable.ofColumns(
                        kept,
                        placed.household,
                        placed.person,
                        day,
                        placed.idNumber,
                        placed.villageCode,
                        values.numbers(),
                        values.texts(),
                        values.flags()),
                ids);
    }

    /**
     * Where each record stands in the run: its household and member by scope index, or — not registered — its
     * identity number or village code; {@code keep}: whether the run sees it, {@code kept}: how many it sees.
     */
    private static final class Placement {
        int[] household;
        int[] person;
        String[] idNumber;
        String[] villageCode;
        final boolean[] keep;
        int kept;

        Placement(int size) {
            household = new int[size];
            person = new int[size];
            idNumber = new String[size];
            villageCode = new String[size];
            keep = new boolean[size];
            Arrays.fill(keep, true);
        }

        /** Cuts the columns to the records kept. */
        void compact() {
            household = StoreInput.compact(household, keep, kept);
            person = StoreInput.compact(person, keep, kept);
            idNumber = StoreInput.compact(idNumber, keep, kept);
            villageCode = StoreInput.compact(villageCode, keep, kept);
        }
    }

    /**
     * Places every record (see {@link Placement}): one dated after the as-of day is not seen, nor one of a household
     * outside the region, nor an unregistered one outside it or naming neither a person nor a village. One plain
     * loop over all rows: it runs over tens of millions of records in a full run.
     */
    private Placement place(RecordColumns all) {
        Placement placed = new Placement(all.size);
        int[] household = placed.household;
        int[] person = placed.person;
        String[] idNumber = placed.idNumber;
        String[] villageCode = placed.villageCode;
        boolean[] keep = placed.keep;
        int[] storedHousehold = all.household;
        int[] storedPerson = all.person;
        int[] day = all.day;
        boolean[] regionInScope = regionsInScope(all);
        int kept = 0;
        int loose = 0;
        int size = all.size;
        for (int r = 0; r < size; r++) {
            // loose rows (no person) come in row order, so one cursor walks them alongside
            boolean isLoose = loose < all.looseCount && all.looseRow[loose] == r;
            int at = isLoose ? loose++ : -1;
            if (day[r] > asOfDay) {
                keep[r] = false;
                continue;
            }
            if (storedHousehold[r] >= 0) {
                int position = householdIds.position(storedHousehold[r]);
                int scope = position < 0 ? -1 : householdScope[position];
                if (scope < 0) {
                    keep[r] = false;
                    continue;
                }
                int personPosition = storedPerson[r] < 0 ? -1 : personIds.position(storedPerson[r]);
                household[r] = scope;
                person[r] = personPosition < 0 ? -1 : personScope[personPosition];
                if (isLoose) {
                    idNumber[r] = all.looseIdNumber[at];
                }
            } else if (!isLoose || !regionInScope[all.looseRegion[at]]) {
                keep[r] = false;
                continue;
            } else if (all.looseIdNumber[at] != null) {
                household[r] = -1;
                person[r] = -1;
                idNumber[r] = all.looseIdNumber[at];
            } else if (all.looseVillage[at] != 0) {
                household[r] = -1;
                person[r] = -1;
                villageCode[r] = all.looseTexts.get(all.looseVillage[at]);
            } else {
                keep[r] = false;
                continue;
            }
            kept++;
        }
        placed.kept = kept;
        return placed;
    }

    /** Whether each region text of the records lies in the run's region (by its index among the loose texts). */
    private boolean[] regionsInScope(RecordColumns all) {
        boolean[] regionInScope = new boolean[all.looseTexts.size()];
        for (int t = 0; t < regionInScope.length; t++) {
            regionInScope[t] =
                    !all.looseTexts.get(t).isEmpty() && all.looseTexts.get(t).startsWith(prefix);
        }
        return regionInScope;
    }

    /**
     * The columns of the fields the rules read: numbers and texts as stored (never changed), flags as they hold on
     * the as-of day.
     */
    private record FieldColumns(
            Map<String, double[]> numbers, Map<String, RecordTable.Text> texts, Map<String, boolean[]> flags) {

        static FieldColumns of(RecordColumns all, Map<String, String> fields, int asOfDay) {
            FieldColumns columns = new FieldColumns(new HashMap<>(), new HashMap<>(), new HashMap<>());
            fields.forEach((field, type) -> {
                switch (type) {
                    case "number" -> columns.numbers.put(field, all.numbers.get(field));
                    case "text" ->
                        columns.texts.put(
                                field, new RecordTable.Text(all.texts.get(field), all.dictionaries.get(field)));
                    default -> {
                        int[] stored = all.flags.get(field);
                        boolean[] values = new boolean[all.size];
                        for (int r = 0; r < all.size; r++) {
                            values[r] = RecordColumns.holds(stored[r], asOfDay);
                        }
                        columns.flags.put(field, values);
                    }
                }
            });
            return columns;
        }

        /** The columns cut to the records kept, in new arrays. */
        FieldColumns compact(boolean[] keep, int kept) {
            numbers.replaceAll((k, v) -> StoreInput.compact(v, keep, kept));
            texts.replaceAll((k, v) -> new RecordTable.Text(StoreInput.compact(v.codes(), keep, kept), v.dictionary()));
            flags.replaceAll((k, v) -> StoreInput.compact(v, keep, kept));
            return this;
        }
    }

    /** The segments' rows in one set of columns, in order. */
    static RecordColumns concatenate(List<RecordColumns> segments, Map<String, String> fields) {
        int size = segments.stream().mapToInt(s -> s.size).sum();
        RecordColumns all = RecordColumns.empty(segments.get(0).category, fields, size);
        Map<String, Map<String, Integer>> textCodes = new HashMap<>();
        Map<String, Integer> looseCodes = new HashMap<>();
        for (int t = 0; t < all.looseTexts.size(); t++) {
            looseCodes.put(all.looseTexts.get(t), t);
        }
        for (RecordColumns segment : segments) {
            all.append(segment, textCodes, looseCodes);
        }
        return all;
    }

    private static int[] compact(int[] values, boolean[] keep, int kept) {
        int[] out = new int[kept];
        int w = 0;
        for (int r = 0; r < keep.length; r++) {
            if (keep[r]) {
                out[w++] = values[r];
            }
        }
        return out;
    }

    private static long[] compact(long[] values, boolean[] keep, int kept) {
        long[] out = new long[kept];
        int w = 0;
        for (int r = 0; r < keep.length; r++) {
            if (keep[r]) {
                out[w++] = values[r];
            }
        }
        return out;
    }

    private static double[] compact(double[] values, boolean[] keep, int kept) {
        double[] out = new double[kept];
        int w = 0;
        for (int r = 0; r < keep.length; r++) {
            if (keep[r]) {
                out[w++] = values[r];
            }
        }
        return out;
    }

    private static boolean[] compact(boolean[] values, boolean[] keep, int kept) {
        boolean[] out = new boolean[kept];
        int w = 0;
        for (int r = 0; r < keep.length; r++) {
            if (keep[r]) {
                out[w++] = values[r];
            }
        }
        return out;
    }

    private static String[] compact(String[] values, boolean[] keep, int kept) {
        String[] out = new String[kept];
        int w = 0;
        for (int r = 0; r < keep.length; r++) {
            if (keep[r]) {
                out[w++] = values[r];
            }
        }
        return out;
    }

    /** Records per category in the order given, with their ids. */
    static Map<String, Records> ordered(Map<String, Records> records, List<String> order) {
        Map<String, Records> out = new LinkedHashMap<>();
        order.forEach(category -> out.put(category, records.get(category)));
        return out;
    }
}
