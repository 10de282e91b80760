package org.bulwark.core.generate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Settings used across the generator tests: a county of Yunnan with numbered villages. */
final class TestSettings {

    static final String COUNTY = "532301";
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    static final BigDecimal LINE = new BigDecimal("8700");

    private TestSettings() {}

    static List<String> villages(int count) {
        List<String> villages = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            villages.add(COUNTY + String.format("%06d", 100_000 + i));
        }
        return villages;
    }

    static GeneratorSettings settings(int households, int villages, long seed) {
        return new GeneratorSettings(COUNTY, villages(villages), households, seed, AS_OF, LINE);
    }
}
