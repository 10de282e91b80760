package org.bulwark.core.generate.feeds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bulwark.core.generate.GeneratedHousehold;
import org.bulwark.core.generate.GeneratorSettings;
import org.bulwark.core.generate.HouseholdGenerator;

/** Registries and feed settings shared by the feed tests: a county of Guizhou with numbered villages. */
final class FeedFixtures {

    static final String COUNTY = "522324";
    static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);

    private FeedFixtures() {}

    static GeneratorSettings registry(int households, long seed) {
        int villages = Math.max(1, households / 300);
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= villages; i++) {
            codes.add(COUNTY + String.format("%06d", 101_000 + i));
        }
        return new GeneratorSettings(COUNTY, codes, households, seed, AS_OF, new BigDecimal("8700"));
    }

    static List<GeneratedHousehold> households(int households, long seed) {
        return new HouseholdGenerator(registry(households, seed)).households().toList();
    }

    static FeedSettings feeds(long seed) {
        return new FeedSettings(seed, AS_OF, 0.08, 0.01, 0.02);
    }
}
