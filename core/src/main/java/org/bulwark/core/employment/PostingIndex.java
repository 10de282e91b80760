package org.bulwark.core.employment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The postings that take labourers on one day, arranged so that a labourer's best matches are found without looking
 * at postings beyond the labourer's wished reach.
 *
 * <p>The postings are held once, in the order {@link Match#FOR_LABOURER} ranks them within one reach: higher wage,
 * then more required skills, then lower id. That order does not depend on the labourer, so for each region at each
 * level (village, township, county, prefecture, province) the index keeps the positions of the postings inside it,
 * already ranked, split by kind of work and by whether a skill is asked ({@link RankedLists}). A labourer's search
 * walks its own regions from the village outwards, only the lists of the wished kinds (and only skill-free postings
 * for a labourer without skills), skips a level whose postings the nearer level already offered, stops a level at
 * the first wage under the wished minimum, and stops when it has enough.
 */
public final class PostingIndex {

    /**
     * What a 12-digit code is divided by to keep the digits of its region at each reach below {@link Reach#ANYWHERE}
     * (village 12, township 9, county 6, prefecture 4, province 2): indexed by the reach's ordinal.
     */
    private static final long[] DIVISORS = {1L, 1_000L, 1_000_000L, 100_000_000L, 10_000_000_000L};

    private static final int LEVELS = DIVISORS.length;

    private static final Comparator<OpenPosting> RANK = Comparator.comparingInt(OpenPosting::monthlyWage)
            .reversed()
            .thenComparing(Comparator.comparingInt(
                            (OpenPosting p) -> p.requiredSkills().size())
                    .reversed())
            .thenComparingLong(OpenPosting::id);

    private final LocalDate day;
    private final OpenPosting[] postings;
    private final long[] place;
    private final int[] kindOrdinal;
    private final int[] skillMask;
    private final int[] wage;
    private final List<Map<Long, RankedLists>> byRegion;
    private final RankedLists everywhere;

    private PostingIndex(LocalDate day, OpenPosting[] postings) {
        this.day = day;
        this.postings = postings;
        int n = postings.length;
        place = new long[n];
        kindOrdinal = new int[n];
        skillMask = new int[n];
        wage = new int[n];
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            OpenPosting p = postings[i];
            place[i] = code(p.place().value());
            kindOrdinal[i] = p.kind().ordinal();
            skillMask[i] = EnumMasks.skillMask(p.requiredSkills());
            wage[i] = p.monthlyWage();
            all[i] = i;
        }
        everywhere = RankedLists.of(all, kindOrdinal, skillMask);
        byRegion = new ArrayList<>();
        for (int level = 0; level < LEVELS; level++) {
            byRegion.add(group(level));
        }
    }

    /** The index of those of {@code postings} that take labourers on {@code day}. */
    public static PostingIndex build(Collection<OpenPosting> postings, LocalDate day) {
        OpenPosting[] open = postings.stream()
                .filter(p -> p.takesLabourersOn(day))
                .sorted(RANK)
                .toArray(OpenPosting[]::new);
        return new PostingIndex(day, open);
    }

    /** The day the index was built for. */
    public LocalDate day() {
        return day;
    }

    /** How many postings take labourers on the index's day. */
    public int size() {
        return postings.length;
    }

    /** The best {@code limit} postings for {@code labourer}: the same list as {@link JobMatcher#postingsFor}. */
    public List<Match> postingsFor(LabourerProfile labourer, int limit) {
        return matches(labourer, ranked(Wish.of(labourer), limit));
    }

    /** Positions of the best {@code limit} postings for a wish, best first. */
    int[] ranked(Wish wish, int limit) {
        int[] found = new int[limit];
        int n = 0;
        for (int level = 0; level <= wish.farthest() && n < limit; level++) {
            n = collect(wish, level, found, n);
        }
        return n == limit ? found : Arrays.copyOf(found, n);
    }

    /** Adds the fitting postings exactly {@code level} away from home to {@code found}; returns the new count. */
    private int collect(Wish wish, int level, int[] found, int n) {
        boolean skillFree = wish.skills() == 0;
        int[][] lists = lists(wish.home(), level).select(wish.kinds(), skillFree);
        int size = RankedLists.size(lists);
        if (level > 0 && size == RankedLists.size(lists(wish.home(), level - 1).select(wish.kinds(), skillFree))) {
            return n; // every one of them is nearer: offered at the level before
        }
        int[] at = new int[lists.length];
        for (int i = next(lists, at); i >= 0; i = next(lists, at)) {
            if (wage[i] < wish.minWage()) {
                break; // ranked by wage: none further meets the wish
            }
            if (level > 0 && key(place[i], level - 1) == key(wish.home(), level - 1)) {
                continue; // nearer: offered at the level before
            }
            if ((skillMask[i] & ~wish.skills()) == 0) {
                found[n++] = i;
                if (n == found.length) {
                    return n;
                }
            }
        }
        return n;
    }

    /** The lowest position at the lists' cursors, advancing its cursor; -1 when every list is done. */
    private static int next(int[][] lists, int[] at) {
        int best = -1;
        int bestPosition = Integer.MAX_VALUE;
        for (int j = 0; j < lists.length; j++) {
            if (at[j] < lists[j].length && lists[j][at[j]] < bestPosition) {
                best = j;
                bestPosition = lists[j][at[j]];
            }
        }
        if (best < 0) {
            return -1;
        }
        at[best]++;
        return bestPosition;
    }

    private RankedLists lists(long home, int level) {
        if (level == LEVELS) {
            return everywhere;
        }
        return byRegion.get(level).getOrDefault(key(home, level), RankedLists.NONE);
    }

    /** The matches for the postings at {@code positions}, in that order. */
    List<Match> matches(LabourerProfile labourer, int[] positions) {
        long home = code(labourer.home().value());
        List<Match> matches = new ArrayList<>(positions.length);
        for (int i : positions) {
            matches.add(new Match(labourer, postings[i], reach(home, place[i])));
        }
        return matches;
    }

    private static Reach reach(long home, long work) {
        for (int level = 0; level < LEVELS; level++) {
            if (key(home, level) == key(work, level)) {
                return Reach.values()[level];
            }
        }
        return Reach.ANYWHERE;
    }

    private Map<Long, RankedLists> group(int level) {
        Map<Long, int[]> positions = new HashMap<>();
        Map<Long, Integer> sizes = new HashMap<>();
        for (long p : place) {
            sizes.merge(key(p, level), 1, Integer::sum);
        }
        sizes.forEach((region, size) -> positions.put(region, new int[size]));
        Map<Long, Integer> filled = new HashMap<>();
        for (int i = 0; i < place.length; i++) { // in rank order, so each region's list is ranked
            long region = key(place[i], level);
            int at = filled.merge(region, 1, Integer::sum) - 1;
            positions.get(region)[at] = i;
        }
        Map<Long, RankedLists> lists = new HashMap<>();
        positions.forEach((region, ranked) -> lists.put(region, RankedLists.of(ranked, kindOrdinal, skillMask)));
        return lists;
    }

    private static long key(long code, int level) {
        return code / DIVISORS[level];
    }

    static long code(String twelveDigits) {
        return Long.parseLong(twelveDigits);
    }

    /**
     * What a labourer's best postings depend on, as numbers: labourers of one village with the same wish and skills
     * get the same postings, so the province's matching finds them once.
     *
     * @param farthest the ordinal of the farthest wished {@link Reach}
     * @param minWage the wished minimum, 0 when none
     */
    record Wish(long home, int farthest, int kinds, int minWage, int skills) {

        static Wish of(LabourerProfile labourer) {
            JobWishes wishes = labourer.wishes();
            return new Wish(
                    code(labourer.home().value()),
                    wishes.farthest().ordinal(),
                    wishes.kinds().isEmpty() ? EnumMasks.ALL_KINDS : EnumMasks.kindMask(wishes.kinds()),
                    wishes.minMonthlyWage() == null ? 0 : wishes.minMonthlyWage(),
                    EnumMasks.skillMask(labourer.skills()));
        }
    }
}
