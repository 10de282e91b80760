package org.bulwark.core.employment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.registry.LabourCapacity;

/**
 * Gives each village's vacant public-welfare jobs to the people of the village who need them most, by the order of
 * docs/employment.md ("Public-welfare jobs"): a pure function, the same answer for the same input in any order.
 */
public final class PublicWelfareAllocation {

    /**
     * Who comes first among the eligible: no work elsewhere, then weak labour before able, then monitored households
     * before formerly-poor before others, then lower income per person, then lower person id.
     */
    public static final Comparator<PostCandidate> ORDER = Comparator.comparing(PostCandidate::worksElsewhere)
            .thenComparing(c -> c.capacity() != LabourCapacity.WEAK)
            .thenComparingInt(PublicWelfareAllocation::categoryRank)
            .thenComparingLong(PostCandidate::perCapitaIncome)
            .thenComparingLong(PostCandidate::personId);

    private PublicWelfareAllocation() {}

    /**
     * The awards for {@code vacancies} (posts per village) among {@code candidates}, village by village in code order
     * and in each village in the order given out. Candidates who already hold a post are passed too, so that their
     * household counts as served.
     */
    public static List<PostAward> allocate(Map<RegionCode, Integer> vacancies, Collection<PostCandidate> candidates) {
        Map<RegionCode, List<PostCandidate>> byVillage = new TreeMap<>();
        for (PostCandidate c : candidates) {
            byVillage.computeIfAbsent(c.village(), v -> new ArrayList<>()).add(c);
        }
        List<PostAward> awards = new ArrayList<>();
        byVillage.forEach(
                (village, people) -> awards.addAll(allocateIn(village, vacancies.getOrDefault(village, 0), people)));
        return awards;
    }

    private static List<PostAward> allocateIn(RegionCode village, int posts, List<PostCandidate> people) {
        Set<Long> served = new HashSet<>();
        for (PostCandidate c : people) {
            if (c.holdsPost()) {
                served.add(c.householdId());
            }
        }
        List<PostCandidate> queue =
                people.stream().filter(PostCandidate::eligible).sorted(ORDER).toList();
        List<PostAward> awards = new ArrayList<>();
        Set<Long> awarded = new HashSet<>();
        // first round: one post per household; second round: what remains, in the same order
        for (PostCandidate c : queue) {
            if (awards.size() < posts && served.add(c.householdId())) {
                awards.add(new PostAward(village, c.personId(), c.householdId(), true));
                awarded.add(c.personId());
            }
        }
        for (PostCandidate c : queue) {
            if (awards.size() < posts && awarded.add(c.personId())) {
                awards.add(new PostAward(village, c.personId(), c.householdId(), false));
            }
        }
        return awards;
    }

    private static int categoryRank(PostCandidate c) {
        return switch (c.category()) {
            case MONITORED -> 0;
            case FORMERLY_POOR -> 1;
            case ORDINARY -> 2;
        };
    }
}
