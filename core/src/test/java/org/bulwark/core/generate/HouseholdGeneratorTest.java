package org.bulwark.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bulwark.core.generate.TestSettings.settings;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HouseholdGeneratorTest {

    @Test
    void sameSeedGivesTheSameHouseholds() {
        List<GeneratedHousehold> first = run(3_000, 42L);
        List<GeneratedHousehold> second = run(3_000, 42L);

        assertThat(second).isEqualTo(first);
        assertThat(render(second)).isEqualTo(render(first));
    }

    @Test
    void eachCallStartsAgainFromTheSeed() {
        HouseholdGenerator generator = new HouseholdGenerator(settings(500, 5, 42L));

        assertThat(generator.households().toList())
                .isEqualTo(generator.households().toList());
    }

    @Test
    void differentSeedsGiveDifferentHouseholds() {
        List<GeneratedHousehold> first = run(500, 42L);
        List<GeneratedHousehold> second = run(500, 43L);

        assertThat(second).isNotEqualTo(first);
        assertThat(second.get(0).members().get(0).idNumber())
                .isNotEqualTo(first.get(0).members().get(0).idNumber());
    }

    @Test
    void producesExactlyTheRequestedNumberOfHouseholds() {
        assertThat(run(1_234, 1L)).hasSize(1_234);
        assertThat(run(0, 1L)).isEmpty();
    }

    @Test
    void iteratorSaysWhenItIsExhausted() {
        Iterator<GeneratedHousehold> households =
                new HouseholdGenerator(settings(1, 1, 1L)).households().iterator();
        households.next();

        assertThat(households.hasNext()).isFalse();
        assertThatThrownBy(households::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void streamIsLazySoAMillionHouseholdsNeedNotFitInMemory() {
        HouseholdGenerator generator = new HouseholdGenerator(settings(1_000_000, 120, 9L));
        long start = System.nanoTime();

        List<GeneratedHousehold> firstFew = generator.households().limit(5).toList();

        assertThat(firstFew).hasSize(5);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void householdsComeVillageByVillageWithSerialsFromOne() {
        List<GeneratedHousehold> households = run(40, 2L);

        assertThat(households.get(0).householdNumber())
                .isEqualTo(households.get(0).villageCode() + "0001");
        assertThat(households.get(1).householdNumber())
                .isEqualTo(households.get(1).villageCode() + "0002");
        assertThat(households).isSortedAccordingTo((a, b) -> a.householdNumber().compareTo(b.householdNumber()));
    }

    @Test
    void streamsThreeHundredThousandHouseholdsQuickly() {
        // The goal is 100,000 households a second; the bound leaves room for a slow, busy build machine.
        HouseholdGenerator generator = new HouseholdGenerator(settings(300_000, 800, 5L));
        long start = System.nanoTime();
        long[] persons = new long[1];

        generator
                .households()
                .forEach(household -> persons[0] += household.members().size());

        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertThat(persons[0]).isBetween(900_000L, 1_140_000L);
        assertThat(elapsed).isLessThan(Duration.ofSeconds(30));
    }

    private static List<GeneratedHousehold> run(int households, long seed) {
        return new HouseholdGenerator(settings(households, Math.max(1, households / 300), seed))
                .households()
                .toList();
    }

    private static String render(List<GeneratedHousehold> households) {
        return households.stream().map(GeneratedHousehold::toString).collect(Collectors.joining("\n"));
    }
}
