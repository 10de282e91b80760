package org.bulwark.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The open warnings' household keys: a set that grows, holds what was added and nothing else. */
class OpenWarningsLongSetTest {

    @Test
    void holdsExactlyTheKeysAddedAcrossGrowth() {
        OpenWarnings.LongSet set = new OpenWarnings.LongSet();
        Set<Long> expected = new HashSet<>();
        Random random = new Random(18);
        for (int i = 0; i < 50_000; i++) {
            // household ids close together, as a region's are, under a few rules
            long key = (1 + random.nextInt(30_000)) * 4096L + random.nextInt(23);
            set.add(key);
            expected.add(key);
        }
        assertThat(set.size()).isEqualTo(expected.size());
        for (Long key : expected) {
            assertThat(set.contains(key)).isTrue();
        }
        for (int i = 0; i < 50_000; i++) {
            long key = (1 + random.nextInt(60_000)) * 4096L + 23 + random.nextInt(10);
            assertThat(set.contains(key)).isFalse();
        }
    }

    @Test
    void aHouseholdKeyNamesItsRule() {
        OpenWarnings open = new OpenWarnings();
        long med = open.householdKey(42, "MED-01");
        long inc = open.householdKey(42, "INC-01");
        assertThat(med).isNotEqualTo(inc).isPositive();
        assertThat(open.householdKey(42, "MED-01")).isEqualTo(med);
        assertThat(open.householdKey(43, "MED-01")).isNotEqualTo(med);
        assertThat(open.householdKey(0, "MED-01"))
                .as("no such household: never held")
                .isZero();
    }
}
