package org.bulwark.core.screening;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Map;

/**
 * The records of one category ordered by the household they belong to (then by position in the table). Entries are
 * keyed by the household's position in the run's scope (its index in a full run), so the records of a chunk of
 * consecutive scope positions are one contiguous run of entries and an entry's place in the chunk is
 * {@code key - chunk start}. A village-wide record appears once for every household of its village. Each household's
 * entries come in the same order whether the index covers all households or a subset, which is what makes an
 * incremental run give exactly the hits of a full one.
 */
final class CategoryIndex {

    private final RecordTable table;
    private final int[] keys;
    private final int[] records;
    private final int[] days;
    private final boolean personIsKey;
    private final int unmatched;

    private CategoryIndex(RecordTable table, int[] keys, int[] records, boolean personIsKey, int unmatched) {
        this.table = table;
        this.keys = keys;
        this.records = records;
        // a copy of each entry's date in entry order: every filter reads dates, and reading them in order is fast
        int[] recordDays = table.dayColumn();
        this.days = new int[records.length];
        for (int i = 0; i < records.length; i++) {
            days[i] = recordDays[records[i]];
        }
        this.personIsKey = personIsKey;
        this.unmatched = unmatched;
    }

    /**
     * Indexes records by registered household. A record's household is its own household index, else its person's
     * household, else (village-keyed categories) every household of its village.
     *
     * @param scope   the households to index, ascending, or {@code null} for all
     * @param inScope the same households as a set, or {@code null} for all
     */
    static CategoryIndex registered(
            RecordTable table,
            CategoryKey key,
            HouseholdTable households,
            PersonTable persons,
            int[] scope,
            BitSet inScope,
            VillageHouseholds villages) {
        int[] resolved = new int[table.size()];
        resolve(table, households, persons, resolved);
        boolean villageWide = key == CategoryKey.VILLAGE;
        String[] villageCodes = table.villageCodeColumn();
        int unmatched = 0;
        for (int r = 0; r < resolved.length; r++) {
            boolean reachesVillage = villageWide && villageCodes[r] != null && villages.of(villageCodes[r]).length > 0;
            if (resolved[r] < 0 && !reachesVillage) {
                unmatched++;
            }
        }
        if (scope == null) {
            return countingSort(table, households.size(), resolved, villageWide ? villages : null, unmatched);
        }
        LongList pairs = new LongList();
        for (int r = 0; r < resolved.length; r++) {
            int h = resolved[r];
            if (h >= 0) {
                if (inScope.get(h)) {
                    pairs.add(Arrays.binarySearch(scope, h), r);
                }
            } else if (villageWide && villageCodes[r] != null) {
                for (int member : villages.of(villageCodes[r])) {
                    if (inScope.get(member)) {
                        pairs.add(Arrays.binarySearch(scope, member), r);
                    }
                }
            }
        }
        return fromPairs(table, pairs, false, unmatched);
    }

    /** Indexes unmatched records by the pseudo-household of their identity number. */
    static CategoryIndex unregistered(RecordTable table, Map<String, Integer> pseudoHouseholds) {
        LongList pairs = new LongList();
        int[] household = table.householdColumn();
        int[] person = table.personColumn();
        String[] idNumbers = table.idNumberColumn();
        for (int r = 0; r < table.size(); r++) {
            if (household[r] < 0 && person[r] < 0 && idNumbers[r] != null) {
                Integer pseudo = pseudoHouseholds.get(idNumbers[r]);
                if (pseudo != null) {
                    pairs.add(pseudo, r);
                }
            }
        }
        return fromPairs(table, pairs, true, 0);
    }

    /** Puts each record's household in {@code resolved}: its own, else its person's, else -1. */
    private static void resolve(RecordTable table, HouseholdTable households, PersonTable persons, int[] resolved) {
        int[] household = table.householdColumn();
        int[] person = table.personColumn();
        int[] personHousehold = persons.householdColumn();
        for (int r = 0; r < resolved.length; r++) {
            int h = household[r];
            if (h < 0 && person[r] >= 0) {
                if (person[r] >= persons.size()) {
                    throw new IllegalArgumentException(
                            "record " + r + " points at person " + person[r] + " but there are " + persons.size());
                }
                h = personHousehold[person[r]];
            }
            if (h >= households.size()) {
                throw new IllegalArgumentException(
                        "record " + r + " points at household " + h + " but there are " + households.size());
            }
            resolved[r] = h;
        }
    }

    private static CategoryIndex countingSort(
            RecordTable table, int householdCount, int[] resolved, VillageHouseholds villages, int unmatched) {
        String[] villageCodes = table.villageCodeColumn();
        int[] start = new int[householdCount + 1];
        for (int r = 0; r < resolved.length; r++) {
            if (resolved[r] >= 0) {
                start[resolved[r] + 1]++;
            } else if (villages != null && villageCodes[r] != null) {
                for (int member : villages.of(villageCodes[r])) {
                    start[member + 1]++;
                }
            }
        }
        for (int h = 0; h < householdCount; h++) {
            start[h + 1] += start[h];
        }
        int[] keys = new int[start[householdCount]];
        int[] records = new int[keys.length];
        // records are visited in table order, so each household's entries come out in table order too
        for (int r = 0; r < resolved.length; r++) {
            if (resolved[r] >= 0) {
                int at = start[resolved[r]]++;
                keys[at] = resolved[r];
                records[at] = r;
            } else if (villages != null && villageCodes[r] != null) {
                for (int member : villages.of(villageCodes[r])) {
                    int at = start[member]++;
                    keys[at] = member;
                    records[at] = r;
                }
            }
        }
        return new CategoryIndex(table, keys, records, false, unmatched);
    }

    private static CategoryIndex fromPairs(RecordTable table, LongList pairs, boolean personIsKey, int unmatched) {
        long[] sorted = pairs.sorted();
        int[] keys = new int[sorted.length];
        int[] records = new int[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            keys[i] = (int) (sorted[i] >>> 32);
            records[i] = (int) sorted[i];
        }
        return new CategoryIndex(table, keys, records, personIsKey, unmatched);
    }

    RecordTable table() {
        return table;
    }

    int size() {
        return keys.length;
    }

    int key(int position) {
        return keys[position];
    }

    int[] keyColumn() {
        return keys;
    }

    int record(int position) {
        return records[position];
    }

    int[] recordColumn() {
        return records;
    }

    /** The record's date of each entry, in entry order. */
    int[] dayColumn() {
        return days;
    }

    /** Whether the household key is the person too (pseudo-households of unregistered persons). */
    boolean personIsKey() {
        return personIsKey;
    }

    /** The person of an entry, or -1. */
    int person(int position) {
        return personIsKey ? keys[position] : table.personColumn()[records[position]];
    }

    /** Records of the table that match no registered household. */
    int unmatched() {
        return unmatched;
    }

    /** The first entry whose key (scope position) is {@code key} or more. */
    int lowerBound(int key) {
        int low = 0;
        int high = keys.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (keys[middle] < key) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** A growing list of (household, record) pairs packed in longs, sorted by household then record. */
    private static final class LongList {
        private long[] values = new long[64];
        private int size;

        void add(int household, int record) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = ((long) household << 32) | (record & 0xFFFFFFFFL);
        }

        long[] sorted() {
            long[] result = Arrays.copyOf(values, size);
            Arrays.sort(result);
            return result;
        }
    }
}
