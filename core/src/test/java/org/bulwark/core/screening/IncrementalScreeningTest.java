package org.bulwark.core.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A run over some households gives exactly the full run's hits for them, whatever the threads. */
class IncrementalScreeningTest {

    private static final LocalDate AS_OF = ScreeningScenario.AS_OF;
    private static final int HOUSEHOLDS = 3_000;

    private static RuleSet rules;
    private static Parameters parameters;
    private static SyntheticProvince province;
    private static ScreeningResult full;

    @BeforeAll
    static void screenTheWholeProvince() {
        rules = ScreeningScenario.defaultRules();
        parameters = rules.parameters("52", AS_OF.getYear());
        province = SyntheticProvince.generate(20_260_630L, HOUSEHOLDS, 40_000, AS_OF, rules);
        full = new ScreeningEngine(2)
                .screen(rules, parameters, AS_OF, province.households, province.persons, province.records);
    }

    @Test
    void syntheticProvinceTripsEveryRule() {
        Set<String> hitRules = new HashSet<>();
        full.hits().forEach(hit -> hitRules.add(hit.ruleId()));
        full.unregisteredHits().forEach(hit -> hitRules.add(hit.ruleId()));

        assertThat(hitRules)
                .containsExactlyInAnyOrderElementsOf(
                        rules.rules().stream().map(Rule::id).toList());
        assertThat(full.unregisteredHits()).isNotEmpty();
    }

    @Test
    void screeningRandomSubsetsGivesTheFullRunsHitsForThem() {
        Random random = new Random(42);
        for (int run = 0; run < 200; run++) {
            int[] subset = new int[1 + random.nextInt(60)];
            Set<Integer> members = new HashSet<>();
            for (int i = 0; i < subset.length; i++) {
                subset[i] = random.nextInt(HOUSEHOLDS);
                members.add(subset[i]);
            }
            ScreeningResult incremental = new ScreeningEngine(1 + run % 3)
                    .screen(rules, parameters, AS_OF, province.households, province.persons, province.records, subset);

            List<Hit> expected = full.hits().stream()
                    .filter(hit -> members.contains(hit.household()))
                    .toList();
            assertThat(incremental.hits())
                    .as("run %d over %s households", run, members.size())
                    .isEqualTo(expected);
            assertThat(incremental.householdsScreened()).isEqualTo(members.size());
            assertThat(incremental.unregisteredHits()).isEmpty();
        }
    }

    @Test
    void screeningSomeUnregisteredPersonsGivesTheFullRunsHitsForThem() {
        Random random = new Random(43);
        for (int run = 0; run < 20; run++) {
            Set<String> chosen = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                chosen.add(province.unregisteredIdNumbers.get(random.nextInt(province.unregisteredIdNumbers.size())));
            }
            ScreeningResult incremental = new ScreeningEngine(2)
                    .screen(
                            rules,
                            parameters,
                            AS_OF,
                            province.households,
                            province.persons,
                            province.records,
                            new int[0],
                            chosen);

            assertThat(incremental.unregisteredHits())
                    .isEqualTo(full.unregisteredHits().stream()
                            .filter(hit -> chosen.contains(hit.idNumber()))
                            .toList());
            assertThat(incremental.hits()).isEmpty();
        }
    }

    @Test
    void everyHouseholdAsASubsetIsTheFullRun() {
        int[] all = new int[HOUSEHOLDS];
        for (int h = 0; h < HOUSEHOLDS; h++) {
            all[HOUSEHOLDS - 1 - h] = h;
        }

        ScreeningResult subset = new ScreeningEngine(3)
                .screen(rules, parameters, AS_OF, province.households, province.persons, province.records, all);

        assertThat(subset.hits()).isEqualTo(full.hits());
    }

    @Test
    void resultDoesNotDependOnTheNumberOfThreads() {
        ScreeningResult single = new ScreeningEngine(1)
                .screen(rules, parameters, AS_OF, province.households, province.persons, province.records);
        ScreeningResult many = new ScreeningEngine(5)
                .screen(rules, parameters, AS_OF, province.households, province.persons, province.records);

        assertThat(single).isEqualTo(full);
        assertThat(many).isEqualTo(full);
        assertThat(new ArrayList<>(full.hits())).hasSizeGreaterThan(HOUSEHOLDS / 2);
    }
}
