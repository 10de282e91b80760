package org.bulwark.screening.store;

import java.util.HashMap;
import java.util.Map;

/**
 * The households changed in PostgreSQL since the registry held in memory was copied, as PostgreSQL has them now (or
 * gone), so that a run over some households takes those from here and every other one from memory. It follows the
 * change log of migration V23 up to a position; it is {@linkplain #usable() unusable} once the log cannot tell which
 * households changed (pruned past it, or a statement that touched too many), and runs then read their households
 * from PostgreSQL until the registry is copied again.
 */
final class RegistryPatch {

    /**
     * Beyond this many changed households the patch gives up (about 200 bytes each); a registry edited this much is
     * better copied again by the next full run.
     */
    static final int MAX_HOUSEHOLDS = 500_000;

    /** A household as screening reads it: its members ascending by id, its incomes ascending by year. */
    record Household(String village, byte category, long[] personIds, int[] birthDays, byte[] capacities,
                     int[] incomeYears, double[] netIncomes) {
    }

    private long logged;
    private boolean usable;
    /** By household id, each household changed since the copy; null for one no longer in the registry. */
    private final Map<Long, Household> households = new HashMap<>();

    /** A patch of a registry copied when the log stood at {@code logged}; negative: the position is not known. */
    RegistryPatch(long logged) {
        this.logged = logged;
        this.usable = logged >= 0;
    }

    /** The log position up to which the patch holds the changes. */
    long logged() {
        return logged;
    }

    /** Whether the patch knows every household changed since the copy up to {@link #logged()}. */
    boolean usable() {
        return usable;
    }

    /** The log no longer tells the changes since the patch's position: runs read households elsewhere from now on. */
    void giveUp() {
        usable = false;
        households.clear();
    }

    /** Whether the household changed since the copy. */
    boolean changed(long householdId) {
        return households.containsKey(householdId);
    }

    /** The household as it is now, or null if it is no longer in the registry (or did not change). */
    Household household(long householdId) {
        return households.get(householdId);
    }

    /** The number of households changed since the copy. */
    int size() {
        return households.size();
    }

    boolean isEmpty() {
        return households.isEmpty();
    }

    /**
     * Takes the households read at log position {@code now}: every household the log names after {@link #logged()},
     * with null for those no longer in the registry.
     */
    void absorb(long now, Map<Long, Household> read) {
        households.putAll(read);
        logged = now;
        if (households.size() > MAX_HOUSEHOLDS) {
            giveUp();
        }
    }

}
