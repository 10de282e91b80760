package org.bulwark.screening.store;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A registry copy brought up to date from an older one and the households changed since, as PostgreSQL has them
 * now: what a full copy of the same snapshot would give, column for column (households and persons by id, incomes by
 * household and year, villages numbered in order of first appearance), at the cost of reading the changed
 * households only — a county's onboarding import instead of the province.
 */
final class RegistryRewrite {

    private final RegistryColumns old;
    /** By household id, each household changed since the old copy; null: no longer in the registry. */
    private final Map<Long, RegistryPatch.Household> changed;

    private final long[] changedIds;

    private RegistryRewrite(RegistryColumns old, Map<Long, RegistryPatch.Household> changed) {
        this.old = old;
        this.changed = changed;
        this.changedIds =
                changed.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** The registry {@code old} with the {@code changed} households (null: deleted) as they are now. */
    static RegistryColumns of(RegistryColumns old, Map<Long, RegistryPatch.Household> changed) {
        return new RegistryRewrite(old, changed).rewrite();
    }

    private RegistryColumns rewrite() {
        RegistryColumns now = new RegistryColumns();
        String[] villages = households(now);
        numberVillages(now, villages);
        RegistryColumns.IdIndex positions = new RegistryColumns.IdIndex(now.householdId, now.households);
        persons(now, positions);
        incomes(now);
        return now;
    }

    /** Merges the old households not changed with the changed ones still there; returns their village codes. */
    private String[] households(RegistryColumns now) {
        int capacity = old.households + changedIds.length;
        long[] ids = new long[capacity];
        byte[] category = new byte[capacity];
        String[] villages = new String[capacity];
        int n = 0;
        int o = 0;
        int c = 0;
        while (o < old.households || c < changedIds.length) {
            long oldId = o < old.households ? old.householdId[o] : Long.MAX_VALUE;
            long changedId = c < changedIds.length ? changedIds[c] : Long.MAX_VALUE;
            if (changedId <= oldId) {
                RegistryPatch.Household household = changed.get(changedId);
                if (household != null) {
                    ids[n] = changedId;
                    category[n] = household.category();
                    villages[n++] = household.village();
                }
                c++;
                if (changedId == oldId) {
                    o++;
                }
            } else {
                ids[n] = oldId;
                category[n] = old.category[o];
                villages[n++] = old.villages.get(old.village[o]);
                o++;
            }
        }
        now.households = n;
        now.householdId = ids;
        now.category = category;
        return villages;
    }

    /** Numbers the village codes in order of first appearance, as a full copy does. */
    private static void numberVillages(RegistryColumns now, String[] codes) {
        Map<String, Integer> numbers = new HashMap<>();
        int[] village = new int[now.households];
        for (int h = 0; h < now.households; h++) {
            village[h] = numbers.computeIfAbsent(codes[h], code -> {
                now.villages.add(code);
                return now.villages.size() - 1;
            });
        }
        now.village = village;
    }

    /** The old persons of unchanged households and the members of the changed ones, merged by id. */
    private void persons(RegistryColumns now, RegistryColumns.IdIndex positions) {
        Members members = members();
        int capacity = old.persons + members.size;
        long[] ids = new long[capacity];
        int[] household = new int[capacity];
        int[] birth = new int[capacity];
        byte[] capacityOf = new byte[capacity];
        int n = 0;
        int o = 0;
        int m = 0;
        while (o < old.persons || m < members.size) {
            if (o < old.persons && changedHousehold(old.householdId[old.personHousehold[o]])) {
                o++;
                continue;
            }
            boolean fromOld = m == members.size || (o < old.persons && old.personId[o] < members.ids[members.order[m]]);
            if (fromOld) {
                ids[n] = old.personId[o];
                household[n] = positions.position(old.householdId[old.personHousehold[o]]);
                birth[n] = old.birthDay[o];
                capacityOf[n++] = old.capacity[o++];
            } else {
                int k = members.order[m++];
                ids[n] = members.ids[k];
                household[n] = positions.position(members.household[k]);
                birth[n] = members.birth[k];
                capacityOf[n++] = members.capacity[k];
            }
        }
        now.persons = n;
        now.personId = ids;
        now.personHousehold = household;
        now.birthDay = birth;
        now.capacity = capacityOf;
    }

    private boolean changedHousehold(long householdId) {
        return Arrays.binarySearch(changedIds, householdId) >= 0;
    }

    /** The members of the changed households still there, with their order by person id. */
    private Members members() {
        Members members = new Members();
        for (long id : changedIds) {
            RegistryPatch.Household household = changed.get(id);
            if (household != null) {
                for (int i = 0; i < household.personIds().length; i++) {
                    members.add(
                            id,
                            household.personIds()[i],
                            household.birthDays()[i],
                            household.capacities()[i]);
                }
            }
        }
        members.sort();
        return members;
    }

    /** Each household's incomes in household order: the old ones of unchanged households, the changed ones' own. */
    private void incomes(RegistryColumns now) {
        int[] oldStart = incomeStarts();
        int total = 0;
        int[] household = new int[old.incomes + 16];
        int[] year = new int[household.length];
        double[] net = new double[household.length];
        RegistryColumns.IdIndex oldPositions = new RegistryColumns.IdIndex(old.householdId, old.households);
        for (int h = 0; h < now.households; h++) {
            long id = now.householdId[h];
            RegistryPatch.Household fresh = changedHousehold(id) ? changed.get(id) : null;
            int count;
            if (fresh != null) {
                count = fresh.incomeYears().length;
            } else {
                int p = oldPositions.position(id);
                count = oldStart[p + 1] - oldStart[p];
            }
            if (total + count > household.length) {
                int grown = Math.max(household.length * 2, total + count);
                household = Arrays.copyOf(household, grown);
                year = Arrays.copyOf(year, grown);
                net = Arrays.copyOf(net, grown);
            }
            for (int i = 0; i < count; i++) {
                household[total + i] = h;
                if (fresh != null) {
                    year[total + i] = fresh.incomeYears()[i];
                    net[total + i] = fresh.netIncomes()[i];
                } else {
                    int from = oldStart[oldPositions.position(id)] + i;
                    year[total + i] = old.incomeYear[from];
                    net[total + i] = old.netIncome[from];
                }
            }
            total += count;
        }
        now.incomes = total;
        now.incomeHousehold = household;
        now.incomeYear = year;
        now.netIncome = net;
    }

    /** Where each old household's incomes start (they are by household position), with the end after the last. */
    private int[] incomeStarts() {
        int[] start = new int[old.households + 1];
        for (int i = 0; i < old.incomes; i++) {
            start[old.incomeHousehold[i] + 1]++;
        }
        for (int h = 0; h < old.households; h++) {
            start[h + 1] += start[h];
        }
        return start;
    }

    /** Members of changed households, in columns, with an order by person id. */
    private static final class Members {
        long[] household = new long[64];
        long[] ids = new long[64];
        int[] birth = new int[64];
        byte[] capacity = new byte[64];
        int[] order;
        int size;

        void add(long householdId, long id, int day, byte capacityOf) {
            if (size == ids.length) {
                household = Arrays.copyOf(household, size * 2);
                ids = Arrays.copyOf(ids, size * 2);
                birth = Arrays.copyOf(birth, size * 2);
                capacity = Arrays.copyOf(capacity, size * 2);
            }
            household[size] = householdId;
            ids[size] = id;
            birth[size] = day;
            capacity[size++] = capacityOf;
        }

        void sort() {
            order = IntStream.range(0, size)
                    .boxed()
                    .sorted((a, b) -> Long.compare(ids[a], ids[b]))
                    .mapToInt(Integer::intValue)
                    .toArray();
        }
    }
}
