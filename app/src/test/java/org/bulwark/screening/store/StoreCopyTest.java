package org.bulwark.screening.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
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

    @Test
    void aNumberCopiedIsTheDoubleTheJavaParserReads() {
        java.util.Random random = new java.util.Random(18);
        for (int i = 0; i < 200_000; i++) {
            long digits = random.nextLong(1_000_000_000_000_000L) >>> random.nextInt(60);
            String text = Long.toString(digits);
            int point = random.nextInt(text.length() + 1);
            String written = (random.nextBoolean() ? "-" : "")
                    + text.substring(0, point)
                    + (point < text.length() ? "." + text.substring(point) : "");
            assertThat(RecordColumns.number(written)).as(written).isEqualTo(Double.parseDouble(written));
        }
        for (String odd : List.of("1e3", "5.", ".5", "-0", "0012.50", "1.5.2", "", "-", "abc", "NaN", "Infinity")) {
            double expected;
            try {
                double parsed = Double.parseDouble(odd);
                expected = Double.isFinite(parsed) ? parsed : 0;
            } catch (NumberFormatException e) {
                expected = 0;
            }
            assertThat(RecordColumns.number(odd)).as(odd).isEqualTo(expected);
        }
    }
}
