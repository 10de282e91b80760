package org.bulwark.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.bulwark.core.identity.Sex;
import org.junit.jupiter.api.Test;

class ChineseNamesTest {

    private final SplittableRandom random = new SplittableRandom(7);

    @Test
    void hasAHundredSurnamesAndAboutTwoHundredGivenNameCharacters() {
        assertThat(ChineseNames.surnameCount()).isEqualTo(100);
        assertThat(ChineseNames.givenCharacterCount()).isBetween(190, 210);
    }

    @Test
    void commonSurnamesComeUpFarMoreOftenThanRareOnes() {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 100_000; i++) {
            counts.merge(ChineseNames.surname(random), 1, Integer::sum);
        }

        assertThat(counts).hasSize(100);
        assertThat(counts.get("王")).isGreaterThan(5 * counts.get("汤"));
        // 王 carries 725 of the list's 7,800-odd weight units, about 9%.
        assertThat(counts.get("王") / 100_000.0).isBetween(0.085, 0.10);
    }

    @Test
    void fullNameIsSurnameAndOneOrTwoCharacters() {
        Set<Integer> lengths = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String name = ChineseNames.fullName("李", i % 2 == 0 ? Sex.MALE : Sex.FEMALE, random);
            assertThat(name).startsWith("李");
            lengths.add(name.length());
        }

        assertThat(lengths).containsExactlyInAnyOrder(2, 3);
    }
}
