package org.bulwark.screening.store;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import org.bulwark.core.registry.LabourCapacity;
import org.bulwark.core.screening.HouseholdTable;
import org.bulwark.core.screening.PersonTable;

/**
 * The registry held in memory, indexed so that the households and members of a run over a few households are read
 * without scanning it: ids to positions, and each household's members. A household changed since the copy is taken
 * from a {@link RegistryPatch} instead, as PostgreSQL has it now.
 */
final class HeldRegistry {

    private static final byte ABLE = (byte) LabourCapacity.ABLE.ordinal();

    final RegistryColumns columns;
    final RegistryColumns.IdIndex householdIds;
    final RegistryColumns.IdIndex personIds;
    /** Members by household position: personRows[personStart[h] .. personStart[h + 1]) in ascending id. */
    private final int[] personStart;

    private final int[] personRows;

    HeldRegistry(RegistryColumns columns) {
        this.columns = columns;
        this.householdIds = new RegistryColumns.IdIndex(columns.householdId, columns.households);
        this.personIds = new RegistryColumns.IdIndex(columns.personId, columns.persons);
        personStart = new int[columns.households + 1];
        for (int p = 0; p < columns.persons; p++) {
            personStart[columns.personHousehold[p] + 1]++;
        }
        for (int h = 0; h < columns.households; h++) {
            personStart[h + 1] += personStart[h];
        }
        personRows = new int[columns.persons];
        int[] fill = Arrays.copyOf(personStart, columns.households);
        for (int p = 0; p < columns.persons; p++) {
            personRows[fill[columns.personHousehold[p]]++] = p;
        }
    }

    /** What the indexes take, in bytes. */
    long indexBytes() {
        return householdIds.bytes() + personIds.bytes() + 4L * (personStart.length + personRows.length);
    }

    /**
     * The households of the region among {@code householdDbIds} (ascending id) and their members (ascending id), as
     * {@code ScreeningData} reads them from PostgreSQL: from memory, or from the patch for those changed since the
     * copy (which may since have moved to another village, lost or gained members, or left the registry).
     */
    ScreeningStore.SubsetRegistry subset(
            String prefix, LocalDate asOf, Collection<Long> householdDbIds, RegistryPatch patch) {
        long[] wanted = householdDbIds.stream()
                .mapToLong(Long::longValue)
                .sorted()
                .distinct()
                .toArray();
        SubsetHouseholds kept = new SubsetHouseholds(wanted.length, asOf.getYear());
        for (long householdId : wanted) {
            if (patch.changed(householdId)) {
                RegistryPatch.Household now = patch.household(householdId);
                if (now != null && now.village().startsWith(prefix)) {
                    kept.addPatched(householdId, now);
                }
            } else {
                int h = householdIds.position(householdId);
                if (h >= 0 && columns.villages.get(columns.village[h]).startsWith(prefix)) {
                    kept.addHeld(householdId, h);
                }
            }
        }
        Members held = heldMembers(kept.position, kept.n, kept.heldPersons);
        Members changed = patchedMembers(kept.patched, kept.n, kept.patchedPersons);
        return merge(kept.table(), held, changed, (int) asOf.toEpochDay());
    }

    /**
     * The households a subset keeps, in ascending id, each from memory (its position) or from the patch (its rows);
     * incomes ascend by year in both: the last up to the as-of year is "net", the one before "previous".
     */
    private final class SubsetHouseholds {
        private final int asOfYear;
        private final long[] id;
        private final String[] village;
        private final byte[] category;
        private final int[] members;
        private final double[] net;
        private final double[] previous;
        /** Each kept household's position in memory (-1 when patched), or its patched rows. */
        final int[] position;

        final RegistryPatch.Household[] patched;
        int n;
        int heldPersons;
        int patchedPersons;

        SubsetHouseholds(int wanted, int asOfYear) {
            this.asOfYear = asOfYear;
            id = new long[wanted];
            village = new String[wanted];
            category = new byte[wanted];
            members = new int[wanted];
            net = new double[wanted];
            previous = new double[wanted];
            position = new int[wanted];
            patched = new RegistryPatch.Household[wanted];
        }

        /** A household changed since the copy, as the patch has it now. */
        void addPatched(long householdId, RegistryPatch.Household now) {
            patched[n] = now;
            position[n] = -1;
            village[n] = now.village();
            category[n] = now.category();
            members[n] = now.personIds().length;
            patchedPersons += members[n];
            for (int k = 0; k < now.incomeYears().length && now.incomeYears()[k] <= asOfYear; k++) {
                previous[n] = net[n];
                net[n] = now.netIncomes()[k];
            }
            id[n++] = householdId;
        }

        /** A household as held in memory, at position {@code h}. */
        void addHeld(long householdId, int h) {
            position[n] = h;
            village[n] = columns.villages.get(columns.village[h]);
            category[n] = columns.category[h];
            members[n] = personStart[h + 1] - personStart[h];
            heldPersons += members[n];
            for (int k = firstIncome(h);
                    k < columns.incomes && columns.incomeHousehold[k] == h && columns.incomeYear[k] <= asOfYear;
                    k++) {
                previous[n] = net[n];
                net[n] = columns.netIncome[k];
            }
            id[n++] = householdId;
        }

        HouseholdTable table() {
            return HouseholdTable.ofColumns(
                    Arrays.copyOf(id, n),
                    Arrays.copyOf(village, n),
                    Arrays.copyOf(category, n),
                    Arrays.copyOf(members, n),
                    Arrays.copyOf(net, n),
                    Arrays.copyOf(previous, n));
        }
    }

    /** Members of a run, ascending by id: their ids, household indexes in the run, birth days and capacities. */
    private record Members(long[] id, int[] household, int[] birthDay, byte[] capacity) {}

    /** The members of the households held (positions ≥ 0), ascending by id (ascending position). */
    private Members heldMembers(int[] position, int households, int count) {
        int[] persons = new int[count];
        int filled = 0;
        for (int i = 0; i < households; i++) {
            int h = position[i];
            for (int k = h < 0 ? 0 : personStart[h]; h >= 0 && k < personStart[h + 1]; k++) {
                persons[filled++] = personRows[k];
            }
        }
        Arrays.sort(persons);
        Members members = new Members(new long[count], new int[count], new int[count], new byte[count]);
        // the positions held, ascending as the run's households do, and the run's index of each
        int[] heldPositions = new int[households];
        int[] runIndex = new int[households];
        int held = 0;
        for (int i = 0; i < households; i++) {
            if (position[i] >= 0) {
                heldPositions[held] = position[i];
                runIndex[held++] = i;
            }
        }
        for (int i = 0; i < count; i++) {
            int p = persons[i];
            members.id[i] = columns.personId[p];
            members.household[i] = runIndex[Arrays.binarySearch(heldPositions, 0, held, columns.personHousehold[p])];
            members.birthDay[i] = columns.birthDay[p];
            members.capacity[i] = columns.capacity[p];
        }
        return members;
    }

    /** The members of the patched households, ascending by id. */
    private static Members patchedMembers(RegistryPatch.Household[] patched, int households, int count) {
        long[] keys = new long[count];
        int[] household = new int[count];
        int[] at = new int[count];
        int filled = 0;
        for (int i = 0; i < households; i++) {
            if (patched[i] != null) {
                for (int k = 0; k < patched[i].personIds().length; k++) {
                    keys[filled] = patched[i].personIds()[k];
                    household[filled] = i;
                    at[filled++] = k;
                }
            }
        }
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
        Members members = new Members(new long[count], new int[count], new int[count], new byte[count]);
        for (int i = 0; i < count; i++) {
            RegistryPatch.Household of = patched[household[order[i]]];
            members.id[i] = keys[order[i]];
            members.household[i] = household[order[i]];
            members.birthDay[i] = of.birthDays()[at[order[i]]];
            members.capacity[i] = of.capacities()[at[order[i]]];
        }
        return members;
    }

    /** Both lists of members merged by id into the run's person table. */
    private static ScreeningStore.SubsetRegistry merge(
            HouseholdTable households, Members held, Members changed, int asOfDay) {
        int count = held.id().length + changed.id().length;
        long[] personId = new long[count];
        int[] household = new int[count];
        int[] birth = new int[count];
        boolean[] able = new boolean[count];
        boolean[] main = new boolean[count];
        int a = 0;
        int b = 0;
        for (int i = 0; i < count; i++) {
            boolean fromHeld = b == changed.id().length || (a < held.id().length && held.id()[a] < changed.id()[b]);
            Members from = fromHeld ? held : changed;
            int k = fromHeld ? a++ : b++;
            personId[i] = from.id()[k];
            household[i] = from.household()[k];
            birth[i] = from.birthDay()[k];
            able[i] = from.capacity()[k] == ABLE;
            main[i] = PersonTable.isMainLabourer(able[i], birth[i], asOfDay);
        }
        PersonTable persons = PersonTable.ofColumns(household, new String[count], birth, able, main);
        return new ScreeningStore.SubsetRegistry(households, persons, personId);
    }

    /** A household held, as a patch holds one (to exercise that code before it is needed). */
    RegistryPatch.Household household(int h) {
        int members = personStart[h + 1] - personStart[h];
        long[] ids = new long[members];
        int[] birth = new int[members];
        byte[] capacity = new byte[members];
        for (int k = 0; k < members; k++) {
            int p = personRows[personStart[h] + k];
            ids[k] = columns.personId[p];
            birth[k] = columns.birthDay[p];
            capacity[k] = columns.capacity[p];
        }
        int first = firstIncome(h);
        int last = first;
        while (last < columns.incomes && columns.incomeHousehold[last] == h) {
            last++;
        }
        return new RegistryPatch.Household(
                columns.villages.get(columns.village[h]),
                columns.category[h],
                ids,
                birth,
                capacity,
                Arrays.copyOfRange(columns.incomeYear, first, last),
                Arrays.copyOfRange(columns.netIncome, first, last));
    }

    /** The first income of a household position (incomes are stored by household, so ascending positions). */
    private int firstIncome(int household) {
        int low = 0;
        int high = columns.incomes;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (columns.incomeHousehold[middle] < household) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
