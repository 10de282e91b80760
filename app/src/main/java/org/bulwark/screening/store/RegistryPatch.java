package org.bulwark.screening.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The households changed in PostgreSQL since the registry held in memory was copied, so that a run over some
 * households takes those from here, as PostgreSQL has them now (or gone), and every other one from memory. It follows
 * the change log of migration V23 up to a position; a changed household's rows are read only once a run needs them
 * (a batch meets few of the households edited since the last one). It is {@linkplain #usable() unusable} once the log
 * cannot tell which households changed (pruned past it, or a statement that touched too many), and runs then read
 * their households from PostgreSQL until the registry is copied again.
 */
final class RegistryPatch {

    /**
     * Beyond this many changed households the patch gives up (about 200 bytes each); a registry edited this much is
     * better copied again by the next full run.
     */
    static final int MAX_HOUSEHOLDS = 500_000;

    /** A household as screening reads it: its members ascending by id, its incomes ascending by year. */
    record Household(
            String village,
            byte category,
            long[] personIds,
            int[] birthDays,
            byte[] capacities,
            int[] incomeYears,
            double[] netIncomes) {}

    private long logged;
    private boolean usable;
    /** By household id, households changed since the copy as read at {@link #logged()}; null: no longer there. */
    private final Map<Long, Household> households = new HashMap<>();
    /** Households changed since the copy whose rows are not read yet (or changed again since they were read). */
    private final Set<Long> unread = new HashSet<>();

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
        unread.clear();
    }

    /** Whether the household changed since the copy (its rows are then taken from here). */
    boolean changed(long householdId) {
        if (unread.contains(householdId)) {
            throw new IllegalStateException("household " + householdId + " changed but was not read again");
        }
        return households.containsKey(householdId);
    }

    /** The household as it is now, or null if it is no longer in the registry (or did not change). */
    Household household(long householdId) {
        return households.get(householdId);
    }

    boolean isEmpty() {
        return households.isEmpty() && unread.isEmpty();
    }

    /** Notes the households the log names up to position {@code now}: their rows must be read again. */
    void changedUpTo(long now, Collection<Long> changed) {
        for (Long id : changed) {
            households.remove(id);
            unread.add(id);
        }
        logged = now;
        if (unread.size() + households.size() > MAX_HOUSEHOLDS) {
            giveUp();
        }
    }

    /** Those of the households that changed and are not read yet. */
    List<Long> unreadAmong(Collection<Long> householdIds) {
        List<Long> among = new ArrayList<>();
        for (Long id : householdIds) {
            if (unread.contains(id)) {
                among.add(id);
            }
        }
        return among;
    }

    /** Takes households read as of {@link #logged()}, null for those no longer in the registry. */
    void read(Map<Long, Household> read) {
        households.putAll(read);
        unread.removeAll(read.keySet());
    }
}
