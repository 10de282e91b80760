package org.bulwark.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeightedTest {

    @Test
    void picksInProportionToWeights() {
        Weighted<String> choices = Weighted.of("a", 1, "b", 3);
        SplittableRandom random = new SplittableRandom(1);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 40_000; i++) {
            counts.merge(choices.pick(random), 1, Integer::sum);
        }

        assertThat(counts.get("b") / 40_000.0).isCloseTo(0.75, within(0.01));
    }

    @Test
    void neverPicksAZeroWeight() {
        Weighted<String> choices = Weighted.of("never", 0, "always", 1, "also never", 0);
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 10_000; i++) {
            assertThat(choices.pick(random)).isEqualTo("always");
        }
    }

    @Test
    void rejectsNegativeOrAllZeroWeights() {
        assertThatThrownBy(() -> Weighted.of("a", -1, "b", 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Weighted.of("a", 0, "b", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Weighted.of("a", 1, "b")).isInstanceOf(IllegalArgumentException.class);
    }
}
