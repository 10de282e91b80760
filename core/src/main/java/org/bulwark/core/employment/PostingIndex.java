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
 * already ranked. A labourer's search walks its own regions from the village outwards, skips what the nearer level
 * already offered, stops a level at the first wage under the wished minimum, and stops when it has enough.
 */
public final class PostingIndex {

    /** Significant digits of a region code at each reach below {@link Reach#ANYWHERE}. */
    private static final int[] DIGITS = {12, 9, 6, 4, 2};

    private static final long[] DIVISORS = {1L, 1_000L, 1_000_000L, 100_000_000L, 10_000_000_000L};

    private static final Comparator<OpenPosting> RANK = Comparator.comparingInt(OpenPosting::monthlyWage)
            .reversed()
            .thenComparing(Comparator.comparingInt(
                            (OpenPosting p) -> p.requiredSkills().size())
                    .reversed())
            .thenComparingLong(OpenPosting::id);

    private final LocalDate day;
    private final OpenPosting[] postings;
    private final long[] place;
    private final int[] kindBit;
    private final int[] skillMask;
    private final int[] wage;
    private final List<Map<Long, int[]>> byRegion;
    private final int[] everywhere;

    private PostingIndex(LocalDate day, OpenPosting[] postings) {
        this.day = day;
        this.postings = postings;
        int n = postings.length;
        place = new long[n];
        kindBit = new int[n];
        skillMask = new int[n];
        wage = new int[n];
        everywhere = new int[n];
        for (int i = 0; i < n; i++) {
            OpenPosting p = postings[i];
            place[i] = code(p.place().value());
            kindBit[i] = EnumMasks.kindBit(p.kind());
            skillMask[i] = EnumMasks.skillMask(p.requiredSkills());
            wage[i] = p.monthlyWage();
            everywhere[i] = i;
        }
        byRegion = new ArrayList<>();
        for (int level = 0; level < DIGITS.length; level++) {
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
        int[] candidates = candidates(wish.home(), level);
        for (int i : candidates) {
            if (wage[i] < wish.minWage()) {
                break; // ranked by wage: none further meets the wish
            }
            if (level > 0 && key(place[i], level - 1) == key(wish.home(), level - 1)) {
                continue; // nearer: offered at the level before
            }
            if ((kindBit[i] & wish.kinds()) != 0 && (skillMask[i] & ~wish.skills()) == 0) {
                found[n++] = i;
                if (n == found.length) {
                    return n;
                }
            }
        }
        return n;
    }

    private int[] candidates(long home, int level) {
        if (level == DIGITS.length) {
            return everywhere;
        }
        return byRegion.get(level).getOrDefault(key(home, level), EMPTY);
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
        for (int level = 0; level < DIGITS.length; level++) {
            if (key(home, level) == key(work, level)) {
                return Reach.values()[level];
            }
        }
        return Reach.ANYWHERE;
    }

    private Map<Long, int[]> group(int level) {
        Map<Long, int[]> counts = new HashMap<>();
        Map<Long, Integer> sizes = new HashMap<>();
        for (long p : place) {
            sizes.merge(key(p, level), 1, Integer::sum);
        }
        sizes.forEach((region, size) -> counts.put(region, new int[size]));
        Map<Long, Integer> filled = new HashMap<>();
        for (int i = 0; i < place.length; i++) { // in rank order, so each region's list is ranked
            long region = key(place[i], level);
            int at = filled.merge(region, 1, Integer::sum) - 1;
            counts.get(region)[at] = i;
        }
        return counts;
    }

    private static final int[] EMPTY = new int[0];

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
