package org.bulwark.core.generate.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bulwark.core.generate.feeds.FeedFixtures.AS_OF;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bulwark.core.generate.GeneratedHousehold;
import org.bulwark.core.generate.HouseholdGenerator;
import org.junit.jupiter.api.Test;

class DepartmentFeedGeneratorTest {

    @Test
    void sameSeedAndHouseholdsGiveTheSameRowsInTheSameOrder() {
        List<GeneratedHousehold> households = FeedFixtures.households(2_000, 1L);

        List<CollectedRows.Emitted> first = run(households, FeedFixtures.feeds(42L));
        List<CollectedRows.Emitted> second = run(households, FeedFixtures.feeds(42L));

        assertThat(first).hasSizeGreaterThan(20_000);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void differentSeedsGiveDifferentRows() {
        List<GeneratedHousehold> households = FeedFixtures.households(300, 1L);

        assertThat(run(households, FeedFixtures.feeds(43L))).isNotEqualTo(run(households, FeedFixtures.feeds(42L)));
    }

    @Test
    void aHouseholdsRowsDoNotDependOnTheHouseholdsBeforeIt() {
        List<GeneratedHousehold> households = FeedFixtures.households(600, 1L);
        FeedSettings settings = new FeedSettings(42L, AS_OF, 0.3, 0.3, 0);

        List<CollectedRows.Emitted> all = run(households, settings);
        List<CollectedRows.Emitted> tail = run(households.subList(400, 600), settings);

        assertThat(tail).isNotEmpty();
        assertThat(all.subList(all.size() - tail.size(), all.size())).isEqualTo(tail);
    }

    @Test
    void volumeFollowsTheRecordsPerPersonTarget() {
        List<GeneratedHousehold> households = FeedFixtures.households(10_000, 7L);
        long persons = households.stream().mapToLong(h -> h.members().size()).sum();

        Map<String, Long> benchmark = counts(households, FeedFixtures.feeds(1L).withRecordsPerPerson(10));
        Map<String, Long> demo = counts(households, FeedFixtures.feeds(1L));

        print("recordsPerPerson 10", benchmark, households.size(), persons);
        print("recordsPerPerson 3 (demo)", demo, households.size(), persons);
        double benchmarkTotal = total(benchmark);
        assertThat(benchmarkTotal / persons).isBetween(9.0, 11.0);
        assertThat(benchmark.get("medical_settlement") / benchmarkTotal).isBetween(0.6, 0.72);
        // the demo asks for less than the routine floor and gets about the floor
        assertThat(total(demo) / persons).isBetween(FeedSettings.ROUTINE_FLOOR - 0.3, FeedSettings.ROUTINE_FLOOR + 0.4);
    }

    @Test
    void streamsThreeHundredThousandHouseholdsWithoutKeepingThem() {
        HouseholdGenerator registry = new HouseholdGenerator(FeedFixtures.registry(300_000, 5L));
        long start = System.nanoTime();
        long registryOnly = registry.households().mapToLong(h -> 1).sum(); // count() would skip the work
        double registrySeconds = (System.nanoTime() - start) / 1e9;
        Iterator<GeneratedHousehold> households = registry.households().iterator();
        long[] rows = new long[1];
        start = System.nanoTime();

        new DepartmentFeedGenerator(FeedFixtures.feeds(5L)).generate(households, (category, row) -> rows[0]++);

        double seconds = (System.nanoTime() - start) / 1e9;
        double feedSeconds = Math.max(seconds - registrySeconds, 1e-3);
        System.out.printf(
                "%,d households: registry alone %.1f s; registry and feeds %.1f s for %,d rows — feeds"
                        + " about %,.0f rows/s, %,.0f households/s%n",
                registryOnly, registrySeconds, seconds, rows[0], rows[0] / feedSeconds, registryOnly / feedSeconds);
        assertThat(rows[0]).isGreaterThan(3_000_000L);
    }

    @Test
    void refusesHouseholdsWithMembersBornAfterTheAsOfDay() {
        List<GeneratedHousehold> households = FeedFixtures.households(50, 1L);
        FeedSettings early = new FeedSettings(1L, FeedFixtures.AS_OF.minusYears(2), 0, 0, 0);

        assertThatThrownBy(() -> new DepartmentFeedGenerator(early).generate(households.iterator(), (c, r) -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reference day");
    }

    private static List<CollectedRows.Emitted> run(List<GeneratedHousehold> households, FeedSettings settings) {
        CollectedRows rows = new CollectedRows();
        new DepartmentFeedGenerator(settings).generate(households.iterator(), rows);
        return rows.rows();
    }

    private static Map<String, Long> counts(List<GeneratedHousehold> households, FeedSettings settings) {
        Map<String, Long> counts = new HashMap<>();
        new DepartmentFeedGenerator(settings)
                .generate(households.iterator(), (category, row) -> counts.merge(category, 1L, Long::sum));
        return counts;
    }

    private static double total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static void print(String title, Map<String, Long> counts, int households, long persons) {
        System.out.printf(
                "%s — %,d households, %,d persons, %,.0f records (%.2f per person)%n",
                title, households, persons, total(counts), total(counts) / persons);
        new TreeMap<>(counts)
                .forEach((category, count) ->
                        System.out.printf("  %-26s %,9d  %5.1f%%%n", category, count, 100.0 * count / total(counts)));
    }
}
