package org.bulwark.core.employment;

import java.util.Arrays;

/**
 * The postings of one region, as positions in the index's rank order, split by kind of work and by whether they ask
 * for any skill: a labourer who wishes one kind of work, or holds no skill, then walks only the postings that can fit
 * instead of skipping the rest one by one.
 */
final class RankedLists {

    private static final int KINDS = WorkKind.values().length;
    /** The slot of "any kind": after the kinds' own slots. */
    private static final int ANY = KINDS;

    static final RankedLists NONE = new RankedLists(new int[(KINDS + 1) * 2][]);

    private static final int[] EMPTY = new int[0];

    static {
        Arrays.fill(NONE.lists, EMPTY);
    }

    /** Indexed by {@code slot(kind, skillFree)}; each list ascending, so in rank order. */
    private final int[][] lists;

    private RankedLists(int[][] lists) {
        this.lists = lists;
    }

    private static int slot(int kind, boolean skillFreeOnly) {
        return kind * 2 + (skillFreeOnly ? 1 : 0);
    }

    /**
     * The lists of {@code positions} (ascending) whose postings have the kinds {@code kindOf} and the skill masks
     * {@code skillMask} (both indexed by position).
     */
    static RankedLists of(int[] positions, int[] kindOf, int[] skillMask) {
        int[] sizes = new int[(KINDS + 1) * 2];
        for (int i : positions) {
            forEachSlot(kindOf[i], skillMask[i] == 0, s -> sizes[s]++);
        }
        int[][] lists = new int[sizes.length][];
        for (int s = 0; s < sizes.length; s++) {
            lists[s] = sizes[s] == 0 ? EMPTY : new int[sizes[s]];
        }
        int[] filled = new int[sizes.length];
        for (int i : positions) {
            forEachSlot(kindOf[i], skillMask[i] == 0, s -> lists[s][filled[s]++] = i);
        }
        return new RankedLists(lists);
    }

    private static void forEachSlot(int kind, boolean skillFree, java.util.function.IntConsumer slot) {
        slot.accept(slot(kind, false));
        slot.accept(slot(ANY, false));
        if (skillFree) {
            slot.accept(slot(kind, true));
            slot.accept(slot(ANY, true));
        }
    }

    /** The lists a wish for {@code kinds} (a mask) walks, for a labourer holding no skill when {@code skillFree}. */
    int[][] select(int kinds, boolean skillFree) {
        if (kinds == EnumMasks.ALL_KINDS) {
            return new int[][] {lists[slot(ANY, skillFree)]};
        }
        int[][] chosen = new int[Integer.bitCount(kinds)][];
        int n = 0;
        for (int k = 0; k < KINDS; k++) {
            if ((kinds & (1 << k)) != 0) {
                chosen[n++] = lists[slot(k, skillFree)];
            }
        }
        return chosen;
    }

    /** How many postings the selected lists hold together. */
    static int size(int[][] selected) {
        int size = 0;
        for (int[] list : selected) {
            size += list.length;
        }
        return size;
    }
}
