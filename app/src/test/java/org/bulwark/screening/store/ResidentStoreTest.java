package org.bulwark.screening.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Finding the segment of a record row in the store held in memory. */
class ResidentStoreTest {

    @Test
    void aRowIsInTheLastSegmentStartingAtOrBeforeItSoEmptySegmentsAreSkipped() {
        // an empty first segment (no records when copied), then appended batches
        assertThat(ResidentStore.segmentOf(new int[] {0, 0}, 0)).isEqualTo(1);
        int[] starts = {0, 0, 5, 8};
        assertThat(ResidentStore.segmentOf(starts, 0)).isEqualTo(1);
        assertThat(ResidentStore.segmentOf(starts, 4)).isEqualTo(1);
        assertThat(ResidentStore.segmentOf(starts, 5)).isEqualTo(2);
        assertThat(ResidentStore.segmentOf(starts, 7)).isEqualTo(2);
        assertThat(ResidentStore.segmentOf(new int[] {0, 3, 3, 3, 9}, 3)).isEqualTo(3);
        assertThat(ResidentStore.segmentOf(new int[] {0}, 12)).isZero();
    }
}
