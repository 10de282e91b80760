package org.bulwark.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TargetSelectionTest {

    static List<TargetSelection.Candidate> households(int n, long seed) {
        Random random = new Random(seed);
        List<TargetSelection.Candidate> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new TargetSelection.Candidate(i, 1 + random.nextInt(7)));
        }
        return list;
    }

    @Test
    void reachesQinglongsReportedFiguresExactly() {
        List<TargetSelection.Candidate> county = households(8000, 1);
        TargetSelection.Result result = TargetSelection.choose(List.of(), county, 1421, 5882, new Random(2));
        assertThat(result.exact()).isTrue();
        assertThat(result.chosen()).hasSize(1421);
        assertThat(result.chosen().stream()
                        .mapToInt(TargetSelection.Candidate::members)
                        .sum())
                .isEqualTo(5882);
        assertThat(new HashSet<>(result.chosen())).hasSize(1421);
    }

    @Test
    void requiredHouseholdsStayChosen() {
        List<TargetSelection.Candidate> county = households(500, 3);
        List<TargetSelection.Candidate> required = county.subList(0, 20);
        TargetSelection.Result result = TargetSelection.choose(required, county, 100, 420, new Random(4));
        assertThat(result.chosen()).containsAll(required).hasSize(100);
        assertThat(result.exact()).isTrue();
    }

    @Test
    void saysWhenTheSizesCannotReachTheTarget() {
        List<TargetSelection.Candidate> ones = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ones.add(new TargetSelection.Candidate(i, 1));
        }
        TargetSelection.Result result = TargetSelection.choose(List.of(), ones, 10, 25, new Random(5));
        assertThat(result.exact()).isFalse();
        assertThat(result.persons()).isEqualTo(10);
    }
}
