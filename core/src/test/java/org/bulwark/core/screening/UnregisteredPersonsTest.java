package org.bulwark.core.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bulwark.core.screening.ScreeningScenario.AS_OF;

import java.time.LocalDate;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Department records of persons in no registered household: the omissions the system exists to catch. */
class UnregisteredPersonsTest {

    private static final LocalDate RECENTLY = AS_OF.minusMonths(1);

    @Test
    void warnsOfAnUnregisteredPersonWithOutOfPocketCostsAtTheThresholdForOthers() {
        ScreeningScenario scenario = new ScreeningScenario();
        scenario.comfortableHousehold();
        String atThreshold = scenario.idNumber(LocalDate.of(1960, 5, 5));
        String below = scenario.idNumber(LocalDate.of(1961, 5, 5));
        scenario.records("medical_settlement")
                .addUnregistered(atThreshold, RECENTLY)
                .number("out_of_pocket", 12_000);
        scenario.records("medical_settlement")
                .addUnregistered(atThreshold, RECENTLY)
                .number("out_of_pocket", 8_000);
        scenario.records("medical_settlement").addUnregistered(below, RECENTLY).number("out_of_pocket", 19_999.99);

        List<UnregisteredHit> hits = scenario.unregisteredHits();

        assertThat(hits)
                .extracting(UnregisteredHit::idNumber, UnregisteredHit::ruleId)
                .containsExactly(Tuple.tuple(atThreshold, "MED-01"));
        UnregisteredHit hit = hits.get(0);
        assertThat(hit.regionCode()).isEqualTo("522324");
        assertThat(hit.direction()).isEqualTo(Direction.DOWN);
        assertThat(hit.evidence().features())
                .containsEntry("out_of_pocket", 20_000.0)
                .containsEntry("monitored_or_assisted", false);
        assertThat(hit.evidence().records().get("out_of_pocket").records()).containsExactly(0, 1);
        assertThat(scenario.screen().unregisteredPersons()).isEqualTo(2);
    }

    @Test
    void unregisteredPersonIsNeverJudgedByTheLowThresholdOfMonitoredHouseholds() {
        ScreeningScenario scenario = new ScreeningScenario();
        String person = scenario.idNumber(LocalDate.of(1960, 5, 5));
        scenario.records("medical_settlement").addUnregistered(person, RECENTLY).number("out_of_pocket", 6_000);

        assertThat(scenario.unregisteredHits()).isEmpty();
    }

    @Test
    void warnsOfAnUnregisteredPersonsSevereDisability() {
        ScreeningScenario scenario = new ScreeningScenario();
        String person = scenario.idNumber(LocalDate.of(1980, 1, 1));
        scenario.records("disability_certificate")
                .addUnregistered(person, RECENTLY)
                .number("grade", 2);

        assertThat(scenario.unregisteredHits())
                .extracting(UnregisteredHit::ruleId)
                .containsExactly("DIS-01");
    }

    @Test
    void unregisteredChildsAgeComesFromTheIdentityNumber() {
        ScreeningScenario scenario = new ScreeningScenario();
        String fifteen = scenario.idNumber(LocalDate.of(2010, 9, 1));
        String sixteen = scenario.idNumber(LocalDate.of(2009, 9, 1));
        LocalDate schoolYear = LocalDate.of(2025, 9, 1);
        scenario.records("school_status").addUnregistered(fifteen, schoolYear).text("status", "dropped_out");
        scenario.records("school_status").addUnregistered(sixteen, schoolYear).text("status", "dropped_out");

        assertThat(scenario.unregisteredHits())
                .extracting(UnregisteredHit::idNumber, UnregisteredHit::ruleId)
                .containsExactly(Tuple.tuple(fifteen, "EDU-01"));
    }

    @Test
    void rulesThatNeedTheRegistryDoNotRunForUnregisteredPersons() {
        ScreeningScenario scenario = new ScreeningScenario();
        String person = scenario.idNumber(LocalDate.of(1980, 1, 1));
        scenario.records("death_record").addUnregistered(person, RECENTLY);
        scenario.records("employment_status")
                .addUnregistered(person, LocalDate.of(2024, 1, 1))
                .text("status", "unemployed");
        scenario.records("vehicle_registration")
                .addUnregistered(person, RECENTLY)
                .text("vehicle_type", "car")
                .number("value", 500_000);

        assertThat(scenario.unregisteredHits()).isEmpty();
        assertThat(ScreeningScenario.defaultRules().compiledRules().stream()
                        .filter(CompiledRule::appliesToUnregistered)
                        .map(rule -> rule.rule().id()))
                .containsExactly("MED-01", "MED-03", "MED-04", "DIS-01", "EDU-01", "EDU-02");
    }

    @Test
    void recordsWithAnInvalidIdentityNumberOrNoneAreNotAttributed() {
        ScreeningScenario scenario = new ScreeningScenario();
        scenario.records("disability_certificate")
                .addUnregistered("522324198001010000", RECENTLY)
                .number("grade", 1);
        scenario.records("disability_certificate").add(-1, -1, RECENTLY).number("grade", 1);

        ScreeningResult result = scenario.screen();

        assertThat(result.unregisteredHits()).isEmpty();
        assertThat(result.unmatchedRecords()).isEqualTo(2);
    }

    @Test
    void registeredPersonsRecordIsNotAnUnregisteredHit() {
        ScreeningScenario scenario = new ScreeningScenario();
        int household = scenario.comfortableHousehold();
        int person = scenario.person(household, 44);
        scenario.records("disability_certificate")
                .add(household, person, RECENTLY)
                .number("grade", 1)
                .idNumber(scenario.idNumber(LocalDate.of(1982, 2, 2)));

        ScreeningResult result = scenario.screen();

        assertThat(result.unregisteredHits()).isEmpty();
        assertThat(result.hits()).extracting(Hit::ruleId).containsExactly("DIS-01");
    }
}
