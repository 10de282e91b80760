package org.bulwark.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VillageAllocationTest {

    @Test
    void countsAddUpToTheHouseholds() {
        int[] counts = VillageAllocation.counts(10_007, 23, 9999, new SplittableRandom(1));

        assertThat(Arrays.stream(counts).sum()).isEqualTo(10_007);
    }

    @Test
    void villagesDifferInSizeButStayWithinAFactorOfFour() {
        int[] counts = VillageAllocation.counts(40_000, 100, 9999, new SplittableRandom(2));
        int min = Arrays.stream(counts).min().orElseThrow();
        int max = Arrays.stream(counts).max().orElseThrow();

        assertThat(max).isGreaterThan(min + min / 5);
        assertThat(max).isLessThan(4 * min);
    }

    @Test
    void noVillageExceedsItsCapacityEvenWhenNearlyFull() {
        int[] counts = VillageAllocation.counts(9_990, 10, 1_000, new SplittableRandom(3));

        assertThat(Arrays.stream(counts).max().orElseThrow()).isLessThanOrEqualTo(1_000);
        assertThat(Arrays.stream(counts).sum()).isEqualTo(9_990);
    }

    @Test
    void fillsEveryVillageWhenExactlyAtCapacity() {
        int[] counts = VillageAllocation.counts(10_000, 10, 1_000, new SplittableRandom(4));

        assertThat(counts).containsOnly(1_000);
    }

    @Test
    void rejectsMoreHouseholdsThanTheVillagesHold() {
        assertThatThrownBy(() -> VillageAllocation.counts(10_001, 10, 1_000, new SplittableRandom(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zeroHouseholdsGiveEmptyVillages() {
        assertThat(VillageAllocation.counts(0, 3, 9999, new SplittableRandom(6)))
                .containsOnly(0);
    }
}
