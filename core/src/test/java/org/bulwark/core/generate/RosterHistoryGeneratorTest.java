package org.bulwark.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.registry.HouseholdCategory;
import org.junit.jupiter.api.Test;

/** Generated roster histories keep the roster's rules, repeat for a seed, and the expectation counts them by the book. */
class RosterHistoryGeneratorTest {

    private final List<GeneratedHousehold> households = new HouseholdGenerator(TestSettings.settings(600, 6, 4))
            .households()
            .toList();

    @Test
    void historiesKeepTheRostersRules() {
        RosterHistoryGenerator generator = new RosterHistoryGenerator(9);
        int reentered = 0;
        int reversed = 0;
        for (GeneratedHousehold h : households) {
            List<RosterPeriod> periods = generator.history(h);
            boolean formerlyPoor = h.category() == HouseholdCategory.FORMERLY_POOR;
            for (int i = 0; i < periods.size(); i++) {
                RosterPeriod p = periods.get(i);
                assertThat(p.identifiedOn()).isBetween(RosterHistoryGenerator.FIRST, RosterHistoryGenerator.LAST);
                assertThat(p.risks()).hasSizeBetween(1, 5).doesNotHaveDuplicates();
                assertThat(p.measures()).isNotEmpty();
                assertThat(p.helperName()).isNotBlank();
                assertThat(p.helperPhone()).hasSize(11);
                assertThat(p.type())
                        .isNotEqualTo(formerlyPoor ? MonitoringType.MARGINAL : MonitoringType.UNSTABLE_FORMERLY_POOR);
                if (p.eliminatedOn() != null) {
                    assertThat(p.eliminatedOn())
                            .isAfterOrEqualTo(p.identifiedOn())
                            .isBeforeOrEqualTo(RosterHistoryGenerator.LAST);
                }
                if (i > 0) {
                    RosterPeriod before = periods.get(i - 1);
                    assertThat(before.open()).isFalse();
                    assertThat(p.identifiedOn()).isAfter(before.eliminatedOn());
                }
                reversed += p.reversedOn() != null ? 1 : 0;
            }
            reentered += periods.size() > 1 ? 1 : 0;
        }
        // some of each, so the import's paths for them are exercised
        assertThat(reentered).isPositive();
        assertThat(reversed).isPositive();
    }

    @Test
    void theSameSeedGivesTheSameHistories() {
        GeneratedHousehold h = households.get(17);
        assertThat(new RosterHistoryGenerator(3).history(h)).isEqualTo(new RosterHistoryGenerator(3).history(h));
        assertThat(new RosterHistoryGenerator(3).history(h)).isNotEqualTo(new RosterHistoryGenerator(4).history(h));
    }

    @Test
    void theExpectationCountsTheLastPeriod() {
        RosterHistoryGenerator generator = new RosterHistoryGenerator(9);
        List<RosterExpectation.History> histories = new ArrayList<>();
        long open = 0;
        long persons = 0;
        for (GeneratedHousehold h : households.subList(0, 100)) {
            List<RosterPeriod> periods = generator.history(h);
            histories.add(new RosterExpectation.History(periods, h.members().size()));
            open += periods.get(periods.size() - 1).open() ? 1 : 0;
            persons += h.members().size();
        }
        RosterExpectation e = RosterExpectation.of(histories);
        assertThat(e.total().identifiedHouseholds()).isEqualTo(100);
        assertThat(e.total().identifiedPersons()).isEqualTo(persons);
        assertThat(e.total().monitoredHouseholds()).isEqualTo(open);
        assertThat(e.total().eliminatedHouseholds()).isEqualTo(100 - open);
        assertThat(e.identifiedByType().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(100);
    }
}
