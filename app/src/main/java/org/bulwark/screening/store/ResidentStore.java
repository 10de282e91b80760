package org.bulwark.screening.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.bulwark.core.screening.HouseholdTable;
import org.bulwark.core.screening.RecordTable;

/**
 * The store's columns held in memory by the running platform, with an index of where each household's members,
 * incomes and records lie in them, so that re-screening the few households a batch touched reads memory instead of
 * PostgreSQL. It reflects one snapshot of the store ({@link #stamp()}); the segments of batches appended to the store
 * are added to it as they are written.
 *
 * <p>A record is addressed by a reference packing its category (the high {@value #CATEGORY_BITS} bits) and its row
 * counted over the category's segments in order (the low {@value #ROW_BITS} bits). Segments hold ascending record
 * ids, so ascending rows are ascending ids — the order in which {@code ScreeningData} reads the records of a subset
 * from PostgreSQL — and a row stays valid when the segments are concatenated.
 *
 * <p>What the index costs, beyond the columns themselves (BENCHMARKS.md has the sizes measured for a province): the
 * dense id-to-position tables of households and persons (4 bytes per id), members by household (4 bytes per
 * household and per person), records by household (4 bytes per household and per registered record), and maps from
 * identity number and village code to the records of unregistered residents and whole villages. Incomes need none:
 * they are stored by household.
 */
final class ResidentStore {

    static final int CATEGORY_BITS = 5;
    static final int ROW_BITS = 32 - CATEGORY_BITS;
    private static final int ROW_MASK = (1 << ROW_BITS) - 1;

    private StoreFiles.Stamp stamp;
    final RegistryColumns registry;
    final RegistryColumns.IdIndex householdIds;
    final RegistryColumns.IdIndex personIds;
    private final HeldRegistry held;
    /** The households changed in PostgreSQL since the registry was copied, as read from the change log. */
    private final RegistryPatch patch;

    private final Map<String, Map<String, String>> fieldsRead;
    /** Category names by their code in references, and each one's segments with the first row of each. */
    private final List<String> categories;

    private final List<List<RecordColumns>> segments = new ArrayList<>();
    private final List<int[]> segmentStarts = new ArrayList<>();
    private final int[] rowCount;
    /**
     * Records of registered households: a packed index by household position, and by household id those appended
     * since (or of households the registry held did not know yet).
     */
    private int[] recordStart;

    private int[] recordRefs;
    private final Map<Integer, int[]> appendedRefs = new HashMap<>();
    private int appendedCount;
    /** Records of unregistered residents by identity number, and of whole villages by village code. */
    private final Map<String, int[]> unregisteredRefs = new HashMap<>();

    private final Map<String, int[]> villageRefs = new HashMap<>();

    private ResidentStore(
            StoreFiles.Stamp stamp,
            RegistryColumns registry,
            Map<String, Map<String, String>> fieldsRead,
            Map<String, List<RecordColumns>> records) {
        if (fieldsRead.size() > 1 << CATEGORY_BITS) {
            throw new IllegalStateException("the rules read " + fieldsRead.size() + " categories; the store's "
                    + "memory index takes at most " + (1 << CATEGORY_BITS));
        }
        this.stamp = stamp;
        this.registry = registry;
        this.fieldsRead = fieldsRead;
        this.held = new HeldRegistry(registry);
        this.householdIds = held.householdIds;
        this.personIds = held.personIds;
        this.patch = new RegistryPatch(stamp.logged());
        this.categories = List.copyOf(fieldsRead.keySet());
        this.rowCount = new int[categories.size()];
        for (String category : categories) {
            segments.add(new ArrayList<>());
            segmentStarts.add(new int[0]);
        }
        for (int c = 0; c < categories.size(); c++) {
            for (RecordColumns segment : records.getOrDefault(categories.get(c), List.of())) {
                addSegment(c, segment);
            }
        }
        indexRecords();
    }

    /** Holds the registry and record segments of a store snapshot, and indexes them. */
    static ResidentStore of(
            StoreFiles.Stamp stamp,
            RegistryColumns registry,
            Map<String, Map<String, String>> fieldsRead,
            Map<String, List<RecordColumns>> records) {
        return new ResidentStore(stamp, registry, fieldsRead, records);
    }

    /**
     * Builds the inputs of a few runs over households spread over the registry, once, right after loading: the
     * first batches re-screened after a start would otherwise run this code interpreted, several times slower than
     * once compiled (BENCHMARKS.md).
     */
    void warmUp(LocalDate asOf) {
        int step = Math.max(1, registry.households / 2_000);
        List<Long> sample = new ArrayList<>();
        for (int h = 0; h < registry.households; h += step) {
            sample.add(registry.householdId[h]);
        }
        // and with a tenth of them as if edited since the copy, for the code that takes those from a patch
        RegistryPatch edited = new RegistryPatch(0);
        Map<Long, RegistryPatch.Household> copies = new HashMap<>();
        for (int i = 0; i < sample.size(); i += 10) {
            copies.put(sample.get(i), held.household(householdIds.position(sample.get(i))));
        }
        edited.read(copies);
        for (int round = 0; round < 5; round++) {
            subset("", asOf, sample, List.of());
            records("", asOf, held.subset("", asOf, sample, edited), List.of(), "warm-up");
        }
    }

    /** The store snapshot these columns reflect. */
    StoreFiles.Stamp stamp() {
        return stamp;
    }

    /**
     * About what the index takes beyond the columns, in bytes: its arrays exactly, its maps at about 64 bytes an
     * entry besides the references.
     */
    long indexBytes() {
        long refs = 0;
        for (int[] list : unregisteredRefs.values()) {
            refs += 16 + 4L * list.length;
        }
        for (int[] list : villageRefs.values()) {
            refs += 16 + 4L * list.length;
        }
        for (int[] list : appendedRefs.values()) {
            refs += 16 + 4L * list.length;
        }
        long entries = unregisteredRefs.size() + villageRefs.size() + appendedRefs.size();
        return held.indexBytes() + 4L * (recordStart.length + recordRefs.length) + refs + 64 * entries;
    }

    /** Whether this holds what rules reading {@code fields} read. */
    boolean holds(Map<String, Map<String, String>> fields) {
        return fieldsRead.equals(fields);
    }

    /** Adds the records appended to the store (a stored batch); the store's snapshot is now {@code newStamp}. */
    void append(Map<String, RecordColumns> added, StoreFiles.Stamp newStamp) {
        for (Map.Entry<String, RecordColumns> entry : added.entrySet()) {
            int c = categories.indexOf(entry.getKey());
            RecordColumns segment = entry.getValue();
            if (c < 0 || segment.size == 0) {
                continue;
            }
            int first = addSegment(c, segment);
            for (int r = 0; r < segment.size; r++) {
                if (segment.household[r] >= 0) {
                    appendedRefs.merge(segment.household[r], new int[] {ref(c, first + r)}, ResidentStore::concat);
                    appendedCount++;
                }
            }
            indexLoose(c, segment, first);
        }
        stamp = newStamp;
        // fold what was appended into the packed index once it is no longer small beside it
        if (appendedCount > Math.max(100_000, recordRefs.length / 8)) {
            indexRecords();
        }
    }

    /**
     * The same records held over another registry (one brought up to date in part), indexed anew: a registry import
     * need not read every category's files again.
     */
    ResidentStore withRegistry(StoreFiles.Stamp newStamp, RegistryColumns newRegistry) {
        Map<String, List<RecordColumns>> records = new LinkedHashMap<>();
        for (int c = 0; c < categories.size(); c++) {
            records.put(categories.get(c), List.copyOf(segments.get(c)));
        }
        return new ResidentStore(newStamp, newRegistry, fieldsRead, records);
    }

    /** A category's records in one segment (concatenating its segments once, for full runs); rows are unchanged. */
    RecordColumns records(String category) {
        int c = categories.indexOf(category);
        List<RecordColumns> list = segments.get(c);
        if (list.isEmpty()) {
            throw new IllegalStateException("the screening store has no records of " + category);
        }
        if (list.size() > 1) {
            RecordColumns all = StoreInput.concatenate(list, fieldsRead.get(category));
            list.clear();
            list.add(all);
            segmentStarts.set(c, new int[] {0});
        }
        return list.get(0);
    }

    /**
     * The inputs of a run over some households (database ids) and unregistered residents (identity numbers) of the
     * region, as of the date: the tables {@code ScreeningData} reads from PostgreSQL for them — households and
     * persons by id, each category's records by id: the households' own, the residents' and those of the households'
     * villages — with the semantics of a full run on the store ({@link StoreInput}). Households changed since the
     * registry was copied come from the {@linkplain #patch() patch}, which the caller has brought up to date.
     */
    ScreeningStore.Input subset(
            String prefix, LocalDate asOf, Collection<Long> householdDbIds, Collection<String> idNumbers) {
        return records(
                prefix,
                asOf,
                held.subset(prefix, asOf, householdDbIds, patch),
                idNumbers,
                patch.isEmpty() ? "memory" : "memory+changes");
    }

    /** The households changed since the registry held was copied, to bring up to date before a run. */
    RegistryPatch patch() {
        return patch;
    }

    /**
     * The same over households and members read elsewhere (PostgreSQL, while the registry held is behind it): only
     * the records come from memory.
     */
    ScreeningStore.Input subset(
            String prefix, LocalDate asOf, ScreeningStore.SubsetRegistry registryNow, Collection<String> idNumbers) {
        return records(prefix, asOf, registryNow, idNumbers, "memory+database");
    }

    private ScreeningStore.Input records(
            String prefix,
            LocalDate asOf,
            ScreeningStore.SubsetRegistry subset,
            Collection<String> idNumbers,
            String source) {
        int asOfDay = (int) asOf.toEpochDay();
        HouseholdTable householdTable = subset.households();
        long[] households = new long[householdTable.size()];
        TreeSet<String> villages = new TreeSet<>();
        for (int i = 0; i < households.length; i++) {
            households[i] = householdTable.id(i);
            villages.add(householdTable.villageCode(i));
        }
        Refs[] byCategory = refsByCategory(households, idNumbers, villages);
        Map<String, RecordTable> tables = new HashMap<>();
        Map<String, long[]> recordIds = new HashMap<>();
        int recordCount = 0;
        for (int c = 0; c < categories.size(); c++) {
            Selected selected =
                    select(c, byCategory[c].sortedDistinct(), prefix, asOfDay, households, subset.personIds());
            tables.put(categories.get(c), selected.table());
            recordIds.put(categories.get(c), selected.ids());
            recordCount += selected.table().size();
        }
        return new ScreeningStore.Input(householdTable, subset.persons(), tables, recordIds, recordCount, source);
    }

    /** The records' references by category: the households' own, the residents', the villages'. */
    private Refs[] refsByCategory(long[] households, Collection<String> idNumbers, TreeSet<String> villages) {
        Refs[] byCategory = new Refs[categories.size()];
        for (int c = 0; c < byCategory.length; c++) {
            byCategory[c] = new Refs();
        }
        for (long household : households) {
            int h = householdIds.position(household);
            for (int k = h < 0 ? 0 : recordStart[h]; h >= 0 && k < recordStart[h + 1]; k++) {
                byCategory[recordRefs[k] >>> ROW_BITS].add(recordRefs[k] & ROW_MASK);
            }
            for (int ref : household > Integer.MAX_VALUE
                    ? new int[0]
                    : appendedRefs.getOrDefault((int) household, new int[0])) {
                byCategory[ref >>> ROW_BITS].add(ref & ROW_MASK);
            }
        }
        for (String idNumber : new TreeSet<>(idNumbers)) {
            for (int ref : unregisteredRefs.getOrDefault(idNumber, new int[0])) {
                byCategory[ref >>> ROW_BITS].add(ref & ROW_MASK);
            }
        }
        for (String code : villages) {
            for (int ref : villageRefs.getOrDefault(code, new int[0])) {
                byCategory[ref >>> ROW_BITS].add(ref & ROW_MASK);
            }
        }
        return byCategory;
    }

    private record Selected(RecordTable table, long[] ids) {}

    /** The rows (ascending) of a category that a run of these households sees, as StoreInput keeps them. */
    private Selected select(int c, int[] rows, String prefix, int asOfDay, long[] households, long[] persons) {
        Selection selection = new Selection(fieldsRead.get(categories.get(c)), rows.length);
        List<RecordColumns> list = segments.get(c);
        int[] starts = segmentStarts.get(c);
        for (int row : rows) {
            int s = segmentOf(starts, row);
            RecordColumns segment = list.get(s);
            int r = row - starts[s];
            if (segment.day[r] <= asOfDay && selection.place(segment, r, households, persons, prefix)) {
                selection.keep(segment, r, asOfDay);
            }
        }
        return selection.selected();
    }

    /**
     * The columns of a category's records selected for a run, filled row by row: sized for every candidate row up
     * front and cut to those kept at the end, so that the loop over the rows allocates no columns.
     */
    private static final class Selection {
        private final int[] household;
        private final int[] person;
        private final int[] day;
        private final long[] ids;
        private final String[] idNumber;
        private final String[] villageCode;
        private final Map<String, double[]> numbers = new LinkedHashMap<>();
        private final Map<String, int[]> textCodes = new LinkedHashMap<>();
        private final Map<String, List<String>> dictionaries = new LinkedHashMap<>();
        private final Map<String, Map<String, Integer>> codesOf = new HashMap<>();
        private final Map<String, boolean[]> flags = new LinkedHashMap<>();
        private int kept;

        Selection(Map<String, String> fields, int n) {
            household = new int[n];
            person = new int[n];
            day = new int[n];
            ids = new long[n];
            idNumber = new String[n];
            villageCode = new String[n];
            fields.forEach((field, type) -> {
                switch (type) {
                    case "number" -> numbers.put(field, new double[n]);
                    case "text" -> {
                        textCodes.put(field, new int[n]);
                        dictionaries.put(field, new ArrayList<>(List.of("")));
                        codesOf.put(field, new HashMap<>(Map.of("", 0)));
                    }
                    default -> flags.put(field, new boolean[n]);
                }
            });
        }

        /**
         * Places the record in the next row if the run sees it: a record of one of the subset's households, or of an
         * unregistered resident or a whole village in the run's region. False: the run does not see it.
         */
        boolean place(RecordColumns segment, int r, long[] households, long[] persons, String prefix) {
            int loose = segment.person[r] < 0 ? Arrays.binarySearch(segment.looseRow, 0, segment.looseCount, r) : -1;
            if (segment.household[r] >= 0) {
                int h = Arrays.binarySearch(households, segment.household[r]);
                if (h < 0) {
                    return false;
                }
                int subsetPerson = segment.person[r] < 0 ? -1 : Arrays.binarySearch(persons, segment.person[r]);
                household[kept] = h;
                person[kept] = subsetPerson < 0 ? -1 : subsetPerson;
                idNumber[kept] = loose >= 0 ? segment.looseIdNumber[loose] : null;
                return true;
            }
            return loose >= 0 && placeLoose(segment, loose, prefix);
        }

        /** A record of no registered household: kept within the region, by identity number or village. */
        private boolean placeLoose(RecordColumns segment, int loose, String prefix) {
            String region = segment.looseTexts.get(segment.looseRegion[loose]);
            if (region.isEmpty() || !region.startsWith(prefix)) {
                return false;
            }
            household[kept] = -1;
            person[kept] = -1;
            if (segment.looseIdNumber[loose] != null) {
                idNumber[kept] = segment.looseIdNumber[loose];
            } else if (segment.looseVillage[loose] != 0) {
                villageCode[kept] = segment.looseTexts.get(segment.looseVillage[loose]);
            } else {
                return false;
            }
            return true;
        }

        /** Fills the placed row's day, id and fields, the texts coded anew in the selection's own dictionaries. */
        void keep(RecordColumns segment, int r, int asOfDay) {
            day[kept] = segment.day[r];
            ids[kept] = segment.id[r];
            int at = kept;
            numbers.forEach((field, values) -> values[at] = segment.numbers.get(field)[r]);
            flags.forEach((field, values) ->
                    values[at] = RecordColumns.holds(segment.flags.get(field)[r], asOfDay));
            textCodes.forEach((field, codes) -> {
                String text = segment.dictionaries.get(field).get(segment.texts.get(field)[r]);
                List<String> dictionary = dictionaries.get(field);
                codes[at] = codesOf.get(field).computeIfAbsent(text, t -> {
                    dictionary.add(t);
                    return dictionary.size() - 1;
                });
            });
            kept++;
        }

        /** The rows kept, their columns cut to size. */
        Selected selected() {
            int size = kept;
            Map<String, double[]> keptNumbers = new HashMap<>();
            numbers.forEach((field, values) -> keptNumbers.put(field, Arrays.copyOf(values, size)));
            Map<String, RecordTable.Text> keptTexts = new HashMap<>();
            textCodes.forEach((field, codes) ->
                    keptTexts.put(field, new RecordTable.Text(Arrays.copyOf(codes, size), dictionaries.get(field))));
            Map<String, boolean[]> keptFlags = new HashMap<>();
            flags.forEach((field, values) -> keptFlags.put(field, Arrays.copyOf(values, size)));
            return new Selected(
                    RecordTable.ofColumns(
                            size,
                            Arrays.copyOf(household, size),
                            Arrays.copyOf(person, size),
                            Arrays.copyOf(day, size),
                            Arrays.copyOf(idNumber, size),
                            Arrays.copyOf(villageCode, size),
                            keptNumbers,
                            keptTexts,
                            keptFlags),
                    Arrays.copyOf(ids, size));
        }
    }

    /**
     * The segment holding a row: the last one starting at or before it. An empty segment (a category without records
     * when the store was copied, batches appended since) shares its start with the next one, so a plain binary search
     * could land on it.
     */
    static int segmentOf(int[] starts, int row) {
        int low = 0;
        int high = starts.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (starts[middle] <= row) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low - 1;
    }

    /** Adds a segment to a category; returns the row of its first record. */
    private int addSegment(int c, RecordColumns segment) {
        int first = rowCount[c];
        if ((long) first + segment.size > ROW_MASK) {
            throw new IllegalStateException(
                    "more than " + ROW_MASK + " records of " + categories.get(c) + " for the store's memory index");
        }
        segments.get(c).add(segment);
        int[] starts = segmentStarts.get(c);
        starts = Arrays.copyOf(starts, starts.length + 1);
        starts[starts.length - 1] = first;
        segmentStarts.set(c, starts);
        rowCount[c] = first + segment.size;
        return first;
    }

    /** Builds the packed index of registered households' records, and those of residents and villages. */
    private void indexRecords() {
        int households = registry.households;
        int[] start = new int[households + 1];
        for (int c = 0; c < categories.size(); c++) {
            for (RecordColumns segment : segments.get(c)) {
                for (int r = 0; r < segment.size; r++) {
                    int position = segment.household[r] < 0 ? -1 : householdIds.position(segment.household[r]);
                    if (position >= 0) {
                        start[position + 1]++;
                    }
                }
            }
        }
        for (int h = 0; h < households; h++) {
            start[h + 1] += start[h];
        }
        int[] refs = new int[start[households]];
        int[] fill = Arrays.copyOf(start, households);
        unregisteredRefs.clear();
        villageRefs.clear();
        appendedRefs.clear();
        appendedCount = 0;
        // categories in code order, rows ascending: each household's references come sorted
        for (int c = 0; c < categories.size(); c++) {
            int[] starts = segmentStarts.get(c);
            List<RecordColumns> list = segments.get(c);
            for (int s = 0; s < list.size(); s++) {
                RecordColumns segment = list.get(s);
                for (int r = 0; r < segment.size; r++) {
                    int position = segment.household[r] < 0 ? -1 : householdIds.position(segment.household[r]);
                    if (position >= 0) {
                        refs[fill[position]++] = ref(c, starts[s] + r);
                    } else if (segment.household[r] >= 0) {
                        // a household the registry held does not know (added since it was copied)
                        appendedRefs.merge(
                                segment.household[r], new int[] {ref(c, starts[s] + r)}, ResidentStore::concat);
                    }
                }
                indexLoose(c, segment, starts[s]);
            }
        }
        recordStart = start;
        recordRefs = refs;
    }

    /** Indexes a segment's records of unregistered residents (by identity number) and of villages (by code). */
    private void indexLoose(int c, RecordColumns segment, int first) {
        for (int i = 0; i < segment.looseCount; i++) {
            int r = segment.looseRow[i];
            if (segment.household[r] >= 0) {
                continue;
            }
            if (segment.looseIdNumber[i] != null) {
                unregisteredRefs.merge(segment.looseIdNumber[i], new int[] {ref(c, first + r)}, ResidentStore::concat);
            } else if (segment.looseVillage[i] != 0) {
                villageRefs.merge(
                        segment.looseTexts.get(segment.looseVillage[i]),
                        new int[] {ref(c, first + r)},
                        ResidentStore::concat);
            }
        }
    }

    private static int ref(int category, int row) {
        return category << ROW_BITS | row;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A growable list of rows. */
    private static final class Refs {
        private int[] rows = new int[16];
        private int size;

        void add(int row) {
            if (size == rows.length) {
                rows = Arrays.copyOf(rows, size * 2);
            }
            rows[size++] = row;
        }

        int[] sortedDistinct() {
            int[] sorted = Arrays.copyOf(rows, size);
            Arrays.sort(sorted);
            int w = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (w == 0 || sorted[i] != sorted[w - 1]) {
                    sorted[w++] = sorted[i];
                }
            }
            return Arrays.copyOf(sorted, w);
        }
    }
}
