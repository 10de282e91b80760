package org.bulwark.screening.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoreCopyTest {

    @Test
    void theIdRangesCoverEveryIdOnceWithARangeForEachLaneAtLeast() {
        assertThat(StoreCopy.idRanges(10, 2)).containsExactly(0, 5, 10);
        assertThat(StoreCopy.idRanges(0, 2)).containsExactly(0, 0, 0);
        // 40.5 million records (a province of 3 million households): ranges of about 4 million ids
        long[] province = StoreCopy.idRanges(40_504_941, 2);
        assertThat(province).hasSize(12).startsWith(0).endsWith(40_504_941);
        for (int k = 1; k < province.length; k++) {
            assertThat(province[k] - province[k - 1]).isBetween(3_000_000L, 4_000_000L);
        }
        assertThat(StoreCopy.idRanges(1_000_000_000_000L, 2)).hasSize(65).endsWith(1_000_000_000_000L);
    }
}
