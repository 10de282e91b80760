package org.bulwark.core.generate.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bulwark.core.generate.feeds.FeedFixtures.AS_OF;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.bulwark.core.generate.GeneratedHousehold;
import org.bulwark.core.generate.GeneratedPerson;
import org.bulwark.core.identity.IdentityNumber;
import org.bulwark.core.identity.Sex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UnregisteredResidentFeedTest {

    private static List<GeneratedHousehold> households;
    private static long persons;
    private static RuleProbe probe;

    @BeforeAll
    static void generate() {
        households = FeedFixtures.households(10_000, 17L);
        persons = households.stream().mapToLong(h -> h.members().size()).sum();
        probe = new RuleProbe(households, AS_OF);
        new DepartmentFeedGenerator(new FeedSettings(8L, AS_OF, 0.08, 0.01, 0.02))
                .generate(households.iterator(), probe);
    }

    @Test
    void unregisteredResidentsAreTheirShareOfRegisteredPersonsAndCollideWithNone() {
        Map<String, List<Map<String, String>>> rows = probe.unregisteredRows();

        // a number that collided would be taken for the registered person's, and the count would fall short
        assertThat((long) rows.size()).isEqualTo(Math.round(persons * 0.02));
        Set<String> registered = new HashSet<>();
        households.forEach(h -> h.members().forEach(p -> registered.add(p.idNumber())));
        rows.forEach((id, personRows) -> {
            IdentityNumber number = IdentityNumber.parse(id, AS_OF);
            assertThat(number.regionPrefix()).isEqualTo(FeedFixtures.COUNTY);
            assertThat(registered).doesNotContain(id);
            assertThat(personRows.stream().map(r -> r.get("name")).distinct()).hasSize(1);
            assertThat(personRows.stream().map(r -> r.get("settle_date")).filter(d -> d != null))
                    .isNotEmpty();
        });
    }

    @Test
    void aShareOfUnregisteredResidentsHaveCostsAboveTheThresholdForOthers() {
        Map<String, Double> costs = probe.unregisteredOutOfPocket();

        long above = costs.values().stream().filter(cost -> cost >= 20_000).count();
        assertThat((double) above / costs.size()).isCloseTo(UnregisteredResidents.HIGH_COST_SHARE, Offset.offset(0.06));
        assertThat(costs.values())
                .allSatisfy(cost -> assertThat(cost)
                        .satisfiesAnyOf(
                                c -> assertThat(c).isGreaterThanOrEqualTo(21_000),
                                c -> assertThat(c).isLessThanOrEqualTo(10_000)));
    }

    @Test
    void aClaimedNumberIsNotHandedOutAgain() {
        GeneratedPerson person = households.get(0).head();
        RegisteredNumbers numbers = new RegisteredNumbers();
        numbers.add(person.idNumber());
        IdentityNumber same = new IdentityNumber(person.idNumber());
        IdentityNumber other = IdentityNumber.compose(
                FeedFixtures.COUNTY, LocalDate.of(1980, 1, 1), new SplittableRandom(1).nextInt(1000), Sex.FEMALE);

        assertThat(numbers.claim(same)).isFalse();
        assertThat(numbers.claim(other)).isTrue();
        assertThat(numbers.claim(other)).isFalse();
        assertThat(numbers.regions().get(FeedFixtures.COUNTY).persons()).isEqualTo(1);
    }
}
