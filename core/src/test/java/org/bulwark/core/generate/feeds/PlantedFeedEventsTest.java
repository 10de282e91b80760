package org.bulwark.core.generate.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bulwark.core.generate.feeds.FeedFixtures.AS_OF;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.bulwark.core.generate.GeneratedHousehold;
import org.bulwark.core.registry.HouseholdCategory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Routine records raise no warning; planted risk events and contradictions trip the rules they are meant to. */
class PlantedFeedEventsTest {

    private static final Set<String> UPWARD =
            Arrays.stream(Contradiction.values()).map(Contradiction::ruleId).collect(Collectors.toSet());
    private static List<GeneratedHousehold> households;

    @BeforeAll
    static void registry() {
        households = FeedFixtures.households(20_000, 11L);
    }

    @Test
    void routineRecordsAloneTripNoRule() {
        Map<String, Set<String>> tripped = probe(households, 0, 0).tripped();

        assertThat(tripped).as("households a routine record alone would flag").isEmpty();
    }

    @Test
    void aboutTheRiskShareOfHouseholdsTripADownwardRule() {
        Map<String, Set<String>> tripped = probe(households, 0.08, 0).tripped();

        double share = (double) tripped.size() / households.size();
        System.out.printf("households tripping a downward rule: %.4f (riskShare 0.08)%n", share);
        assertThat(share).isCloseTo(0.08, Offset.offset(0.008));
        // a dead main labourer is also a member the registry still counts (VER-06); nothing else points upward
        assertThat(tripped.values()).allSatisfy(rules -> {
            assertThat(rules).doesNotContain("VER-01", "VER-02", "VER-03", "VER-04", "VER-05", "ALC-02");
            if (rules.contains("VER-06")) {
                assertThat(rules).contains("ACC-01");
            }
        });
    }

    @Test
    void everyRiskEventTripsTheRuleItIsNamedAfter() {
        List<GeneratedHousehold> some = households.subList(0, 6_000);
        Map<String, Set<String>> tripped = probe(some, 1.0, 0).tripped();

        assertThat(tripped).as("every household has one event").hasSize(some.size());
        Set<String> seen =
                tripped.values().stream().flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));
        Set<String> planted =
                Arrays.stream(RiskEvent.values()).map(RiskEvent::ruleId).collect(Collectors.toSet());
        assertThat(seen).containsAll(planted);
        assertThat(seen).doesNotContain("VER-01", "VER-02", "VER-03", "VER-04", "VER-05", "ALC-02");
    }

    @Test
    void contradictionsTripAnUpwardRuleInAboutTheirShareOfAssistedHouseholdsOnly() {
        Map<String, Set<String>> tripped = probe(households, 0, 0.1).tripped();

        long assisted = households.stream()
                .filter(h -> h.category() != HouseholdCategory.ORDINARY)
                .count();
        Set<String> flagged = tripped.keySet();
        List<GeneratedHousehold> contradicted = households.stream()
                .filter(h -> flagged.contains(h.householdNumber()))
                .toList();
        assertThat(contradicted).allSatisfy(h -> assertThat(h.category()).isNotEqualTo(HouseholdCategory.ORDINARY));
        double share = (double) contradicted.size() / assisted;
        System.out.printf("assisted households with a contradiction: %.4f (contradictionShare 0.1)%n", share);
        assertThat(share).isCloseTo(0.1, Offset.offset(0.015));
        Set<String> seen = tripped.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        assertThat(seen).isEqualTo(UPWARD);
    }

    @Test
    void ordinaryHouseholdsGetTheSameRowsWhateverTheContradictionShare() {
        List<GeneratedHousehold> some = households.subList(0, 3_000);
        RuleProbe without = probe(some, 0.08, 0);
        RuleProbe with = probe(some, 0.08, 1.0);

        int compared = 0;
        for (GeneratedHousehold household : some) {
            if (household.category() == HouseholdCategory.ORDINARY) {
                assertThat(with.rowsOf(household.householdNumber()))
                        .isEqualTo(without.rowsOf(household.householdNumber()));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(1_500);
    }

    private static RuleProbe probe(List<GeneratedHousehold> households, double riskShare, double contradictionShare) {
        RuleProbe probe = new RuleProbe(households, AS_OF);
        new DepartmentFeedGenerator(new FeedSettings(5L, AS_OF, riskShare, contradictionShare, 0))
                .generate(households.iterator(), probe);
        return probe;
    }
}
