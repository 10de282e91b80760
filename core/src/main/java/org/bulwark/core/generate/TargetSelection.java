package org.bulwark.core.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Picks households so that both their number and their members add up to given targets — e.g. the 1,421 households
 * (5,882 persons) a county reports as identified. It draws at random, then swaps a chosen household for an unchosen one
 * of a different size until the persons match, so the choice stays random apart from the sizes it had to correct.
 */
public final class TargetSelection {

    /** A household that may be chosen: its id and its number of members. */
    public record Candidate(long id, int members) {}

    /** What was chosen, and whether the persons target was reached exactly. */
    public record Result(List<Candidate> chosen, int persons, boolean exact) {}

    private TargetSelection() {}

    /**
     * Chooses {@code count} of {@code candidates} with {@code persons} members in all, or as close as the sizes allow.
     * Every {@code required} candidate is chosen and never swapped out.
     */
    public static Result choose(
            List<Candidate> required, List<Candidate> candidates, int count, int persons, Random random) {
        List<Candidate> chosen = new ArrayList<>(required);
        Set<Long> requiredIds = new HashSet<>();
        required.forEach(c -> requiredIds.add(c.id()));
        List<Candidate> pool = new ArrayList<>(
                candidates.stream().filter(c -> !requiredIds.contains(c.id())).toList());
        Collections.shuffle(pool, random);
        List<Candidate> outside = new ArrayList<>();
        for (Candidate c : pool) {
            if (chosen.size() < count) {
                chosen.add(c);
            } else {
                outside.add(c);
            }
        }
        List<Candidate> swappable = new ArrayList<>(chosen.subList(required.size(), chosen.size()));
        int sum = swapTowards(
                swappable, outside, chosen.stream().mapToInt(Candidate::members).sum(), persons);
        List<Candidate> result = new ArrayList<>(chosen.subList(0, required.size()));
        result.addAll(swappable);
        return new Result(result, sum, sum == persons);
    }

    /**
     * Swaps chosen candidates for others until their members come to {@code persons} or no swap brings them closer;
     * returns the members then chosen.
     */
    private static int swapTowards(List<Candidate> swappable, List<Candidate> outside, int sum, int persons) {
        boolean progress = true;
        while (sum != persons && progress) {
            progress = false;
            int wanted = persons - sum;
            // the largest correction the sizes allow first, so few households are swapped
            for (int step = Math.min(Math.abs(wanted), 10); step >= 1 && !progress; step--) {
                int difference = wanted > 0 ? step : -step;
                int[] swap = findSwap(swappable, outside, difference);
                if (swap != null) {
                    Candidate leaving = swappable.set(swap[0], outside.get(swap[1]));
                    outside.set(swap[1], leaving);
                    sum += difference;
                    progress = true;
                }
            }
        }
        return sum;
    }

    /** The first chosen and outside candidates whose sizes differ by {@code difference}, or null. */
    private static int[] findSwap(List<Candidate> swappable, List<Candidate> outside, int difference) {
        for (int i = 0; i < swappable.size(); i++) {
            for (int j = 0; j < outside.size(); j++) {
                if (outside.get(j).members() - swappable.get(i).members() == difference) {
                    return new int[] {i, j};
                }
            }
        }
        return null;
    }
}
