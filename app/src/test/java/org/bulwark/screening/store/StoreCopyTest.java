package org.bulwark.screening.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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

    @Test
    void aDateCopiedCountsTheEpochDaysLocalDateCounts() {
        for (int year = 1850; year <= 2150; year++) {
            for (int month = 1; month <= 12; month++) {
                for (int day = 1; day <= 28; day++) {
                    assertThat(CopyRows.epochDay(year, month, day))
                            .as("%d-%d-%d", year, month, day)
                            .isEqualTo((int) LocalDate.of(year, month, day).toEpochDay());
                }
            }
        }
    }
}
