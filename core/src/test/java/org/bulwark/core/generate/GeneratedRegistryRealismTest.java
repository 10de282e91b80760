package org.bulwark.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bulwark.core.generate.TestSettings.AS_OF;
import static org.bulwark.core.generate.TestSettings.LINE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.bulwark.core.identity.IdentityNumber;
import org.bulwark.core.identity.Sex;
import org.bulwark.core.income.IncomeValidation;
import org.bulwark.core.registry.Disability;
import org.bulwark.core.registry.Employment;
import org.bulwark.core.registry.EmploymentPlace;
import org.bulwark.core.registry.Health;
import org.bulwark.core.registry.HouseholdCategory;
import org.bulwark.core.registry.LabourCapacity;
import org.bulwark.core.registry.Relation;
import org.bulwark.core.registry.Schooling;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks a run of 20,000 households for consistency and for distributions a rural western county would show. */
class GeneratedRegistryRealismTest {

    private static final int HOUSEHOLDS = 20_000;
    private static final int VILLAGES = 50;
    private static List<GeneratedHousehold> households;
    private static List<GeneratedPerson> persons;

    @BeforeAll
    static void generate() {
        households = new HouseholdGenerator(TestSettings.settings(HOUSEHOLDS, VILLAGES, 20250630L))
                .households()
                .toList();
        persons = households.stream().flatMap(h -> h.members().stream()).toList();
    }

    @Test
    void everyIdentityNumberIsValidOnTheReferenceDayAndUnique() {
        Set<String> seen = new HashSet<>();
        for (GeneratedPerson person : persons) {
            IdentityNumber number = IdentityNumber.parse(person.idNumber(), AS_OF);
            assertThat(number.birthDate()).isEqualTo(person.birthDate());
            assertThat(number.sex()).isEqualTo(person.sex());
            assertThat(number.regionPrefix()).isEqualTo(TestSettings.COUNTY);
            assertThat(seen.add(person.idNumber()))
                    .as("duplicate identity number")
                    .isTrue();
        }
    }

    @Test
    void householdNumbersAreUniqueSixteenDigitsUnderTheirVillage() {
        Set<String> seen = new HashSet<>();
        for (GeneratedHousehold household : households) {
            assertThat(household.householdNumber())
                    .hasSize(16)
                    .containsOnlyDigits()
                    .startsWith(household.villageCode());
            assertThat(seen.add(household.householdNumber()))
                    .as("duplicate household number")
                    .isTrue();
        }
    }

    @Test
    void everyVillageGetsHouseholdsInRoughlyEvenButVaryingShares() {
        Map<String, Integer> perVillage = new HashMap<>();
        households.forEach(h -> perVillage.merge(h.villageCode(), 1, Integer::sum));
        int min = Collections.min(perVillage.values());
        int max = Collections.max(perVillage.values());

        assertThat(perVillage).hasSize(VILLAGES);
        assertThat(max).isGreaterThan(min + min / 5).isLessThan(4 * min);
    }

    @Test
    void headIsTheFirstMemberAndTheOnlyHead() {
        for (GeneratedHousehold household : households) {
            assertThat(household.members().get(0).relation()).isEqualTo(Relation.HEAD);
            assertThat(household.members().stream().filter(p -> p.relation() == Relation.HEAD))
                    .hasSize(1);
        }
    }

    @Test
    void householdsHaveOneToEightMembersAveragingAboutThreeAndAHalf() {
        double mean = persons.size() / (double) HOUSEHOLDS;

        assertThat(households).allSatisfy(h -> assertThat(h.members().size()).isBetween(1, 8));
        assertThat(mean).isBetween(3.0, 3.8);
        assertThat(share(households, h -> h.members().size() <= 2)).isBetween(0.25, 0.50);
        assertThat(share(households, h -> h.members().size() >= 6)).isBetween(0.05, 0.25);
    }

    @Test
    void headsAreMostlyMenBetweenThirtyAndEighty() {
        List<GeneratedPerson> heads =
                households.stream().map(GeneratedHousehold::head).toList();

        assertThat(share(heads, p -> p.sex() == Sex.MALE)).isBetween(0.75, 0.92);
        assertThat(share(heads, p -> age(p) >= 30 && age(p) <= 80)).isGreaterThan(0.85);
        assertThat(heads).allSatisfy(p -> assertThat(age(p)).isGreaterThanOrEqualTo(22));
    }

    @Test
    void childrenAreAtLeastFifteenYearsYoungerThanTheHead() {
        for (GeneratedHousehold household : households) {
            LocalDate head = household.head().birthDate();
            for (GeneratedPerson member : household.members()) {
                if (member.relation() == Relation.CHILD) {
                    assertThat(ChronoUnit.YEARS.between(head, member.birthDate()))
                            .isGreaterThanOrEqualTo(15);
                }
                if (member.relation() == Relation.GRANDCHILD) {
                    assertThat(ChronoUnit.YEARS.between(head, member.birthDate()))
                            .isGreaterThanOrEqualTo(35);
                }
                if (member.relation() == Relation.PARENT || member.relation() == Relation.GRANDPARENT) {
                    assertThat(ChronoUnit.YEARS.between(member.birthDate(), head))
                            .isGreaterThanOrEqualTo(15);
                }
            }
        }
    }

    @Test
    void spousesAreOfTheOppositeSexWithinFiveYearsOfTheHead() {
        for (GeneratedHousehold household : households) {
            GeneratedPerson head = household.head();
            household.members().stream()
                    .filter(p -> p.relation() == Relation.SPOUSE)
                    .forEach(spouse -> {
                        assertThat(spouse.sex()).isNotEqualTo(head.sex());
                        assertThat(Math.abs(age(spouse) - age(head))).isLessThanOrEqualTo(5);
                    });
        }
    }

    @Test
    void childrenAndGrandchildrenTakeTheHeadsSurname() {
        for (GeneratedHousehold household : households) {
            char surname = household.head().name().charAt(0);
            household.members().stream()
                    .filter(p -> p.relation() == Relation.CHILD || p.relation() == Relation.GRANDCHILD)
                    .forEach(p -> assertThat(p.name().charAt(0)).isEqualTo(surname));
        }
    }

    @Test
    void namesAreChineseOfTwoOrThreeCharacters() {
        assertThat(persons)
                .allSatisfy(p -> assertThat(p.name()).hasSizeBetween(2, 3).matches("\\p{IsHan}+"));
        assertThat(persons.stream().map(GeneratedPerson::name).distinct().count())
                .isGreaterThan(10_000);
    }

    @Test
    void labourCapacityFollowsAge() {
        for (GeneratedPerson person : persons) {
            boolean child = age(person) < 16;
            assertThat(person.labourCapacity() == LabourCapacity.NOT_WORKING_AGE)
                    .isEqualTo(child);
        }
        List<GeneratedPerson> workingAge =
                persons.stream().filter(p -> age(p) >= 16 && age(p) <= 64).toList();
        List<GeneratedPerson> elderly =
                persons.stream().filter(p -> age(p) >= 65).toList();

        assertThat(share(workingAge, p -> p.labourCapacity() == LabourCapacity.ABLE))
                .isBetween(0.75, 0.95);
        assertThat(share(workingAge, p -> p.labourCapacity() == LabourCapacity.WEAK))
                .isBetween(0.03, 0.2);
        assertThat(share(elderly, p -> p.labourCapacity() != LabourCapacity.ABLE))
                .isGreaterThan(0.75);
    }

    @Test
    void illnessAndDisabilityAreAsCommonAsInTheCountryside() {
        assertThat(share(persons, p -> p.health() == Health.CHRONIC_ILLNESS)).isBetween(0.07, 0.13);
        assertThat(share(persons, p -> p.health() == Health.SERIOUS_ILLNESS)).isBetween(0.01, 0.03);
        assertThat(share(persons, p -> p.disability() != Disability.NONE)).isBetween(0.04, 0.08);
        List<GeneratedPerson> disabled =
                persons.stream().filter(p -> p.disability() != Disability.NONE).toList();
        assertThat(share(disabled, p -> p.disability() == Disability.GRADE_1 || p.disability() == Disability.GRADE_2))
                .isBetween(0.15, 0.4);
    }

    @Test
    void illnessRisesWithAge() {
        List<GeneratedPerson> young = persons.stream().filter(p -> age(p) < 45).toList();
        List<GeneratedPerson> old = persons.stream().filter(p -> age(p) >= 60).toList();

        assertThat(share(old, p -> p.health() != Health.HEALTHY))
                .isGreaterThan(2 * share(young, p -> p.health() != Health.HEALTHY));
    }

    @Test
    void schoolingFollowsAge() {
        for (GeneratedPerson person : persons) {
            int age = age(person);
            Schooling schooling = person.schooling();
            if (age >= 6 && age <= 15) {
                assertThat(schooling)
                        .isIn(Schooling.COMPULSORY, Schooling.DROPPED_OUT, Schooling.HOME_SCHOOLED_FOR_DISABILITY);
            } else {
                assertThat(schooling).isNotIn(Schooling.COMPULSORY, Schooling.DROPPED_OUT);
            }
            if (age < 3 || age > 22) {
                assertThat(schooling).isEqualTo(Schooling.NOT_SCHOOL_AGE);
            }
        }
        List<GeneratedPerson> compulsoryAge =
                persons.stream().filter(p -> age(p) >= 6 && age(p) <= 15).toList();
        List<GeneratedPerson> seniorAge =
                persons.stream().filter(p -> age(p) >= 16 && age(p) <= 18).toList();
        assertThat(share(compulsoryAge, p -> p.schooling() == Schooling.DROPPED_OUT))
                .isBetween(0.0005, 0.02);
        assertThat(share(
                        seniorAge,
                        p -> p.schooling() == Schooling.SENIOR_SECONDARY || p.schooling() == Schooling.VOCATIONAL))
                .isGreaterThan(0.6);
    }

    @Test
    void manyHouseholdsHaveAChildInCompulsorySchooling() {
        assertThat(share(households, h -> h.members().stream().anyMatch(p -> p.schooling() == Schooling.COMPULSORY)))
                .isGreaterThan(0.20);
    }

    @Test
    void onlyAbleOrWeakAdultsOutOfSchoolWork() {
        for (GeneratedPerson person : persons) {
            boolean canWork =
                    person.labourCapacity() == LabourCapacity.ABLE || person.labourCapacity() == LabourCapacity.WEAK;
            if (!canWork) {
                assertThat(person.employment()).isEqualTo(Employment.NOT_IN_LABOUR_FORCE);
            }
            boolean employed =
                    person.employment() == Employment.EMPLOYED || person.employment() == Employment.SELF_EMPLOYED;
            assertThat(person.employmentPlace() != null).isEqualTo(employed);
            assertThat(person.employmentMonths() > 0).isEqualTo(employed);
            assertThat(person.employmentMonths()).isBetween(0, 12);
        }
    }

    @Test
    void ableAdultsUnderSixtyMigrateFarmOrWorkLocally() {
        List<GeneratedPerson> able = persons.stream()
                .filter(p -> p.labourCapacity() == LabourCapacity.ABLE
                        && age(p) < 60
                        && p.schooling() == Schooling.NOT_SCHOOL_AGE)
                .toList();

        assertThat(share(able, p -> p.employmentPlace() != null && p.employmentPlace() != EmploymentPlace.IN_COUNTY))
                .isBetween(0.25, 0.55);
        assertThat(share(able, p -> p.employment() == Employment.FARMING)).isBetween(0.2, 0.5);
        assertThat(share(able, p -> p.employment() == Employment.UNEMPLOYED)).isBetween(0.01, 0.1);
    }

    @Test
    void almostEveryoneHasMedicalInsuranceAndMostAdultsAPension() {
        List<GeneratedPerson> adults =
                persons.stream().filter(p -> age(p) >= 16).toList();

        assertThat(share(persons, GeneratedPerson::medicalInsured)).isBetween(0.95, 0.99);
        assertThat(share(adults, GeneratedPerson::pensionInsured)).isBetween(0.8, 0.9);
        assertThat(persons).filteredOn(p -> age(p) < 16).noneMatch(GeneratedPerson::pensionInsured);
    }

    @Test
    void categoriesAreAboutThirtyPercentFormerlyPoorAndFourPercentMonitored() {
        assertThat(share(households, h -> h.category() == HouseholdCategory.FORMERLY_POOR))
                .isBetween(0.25, 0.35);
        assertThat(share(households, h -> h.category() == HouseholdCategory.MONITORED))
                .isBetween(0.03, 0.055);
    }

    @Test
    void incomesCoverTheThreeYearsBeforeTheReferenceYearInWholeYuan() {
        BigDecimal hundred = BigDecimal.valueOf(100);
        for (GeneratedHousehold household : households) {
            assertThat(household.incomes()).extracting(GeneratedIncome::year).containsExactly(2022, 2023, 2024);
            for (GeneratedIncome income : household.incomes()) {
                for (BigDecimal amount : List.of(
                        income.wage(),
                        income.operating(),
                        income.property(),
                        income.transfer(),
                        income.productionCost())) {
                    assertThat(amount.scale()).isEqualTo(2);
                    assertThat(amount.signum()).isNotNegative();
                    assertThat(amount.remainder(BigDecimal.ONE).signum()).isZero();
                    assertThat(amount).isLessThan(hundred.multiply(BigDecimal.valueOf(1_000_000)));
                }
                assertThat(IncomeValidation.check(
                                income.wage(),
                                income.operating(),
                                income.property(),
                                income.transfer(),
                                income.productionCost(),
                                income.year(),
                                AS_OF.getYear()))
                        .isEmpty();
            }
        }
    }

    @Test
    void perCapitaIncomeSpreadsAroundTheMonitoringLine() {
        List<Double> multiples = households.stream().map(h -> latestMultiple(h)).toList();

        assertThat(share(multiples, m -> m < 1)).isBetween(0.05, 0.15);
        assertThat(share(multiples, m -> m >= 1 && m < 3)).isBetween(0.55, 0.8);
        assertThat(share(multiples, m -> m >= 5)).isBetween(0.005, 0.08);
    }

    @Test
    void monitoredHouseholdsAreMostlyBelowOneAndAHalfTimesTheLine() {
        List<GeneratedHousehold> monitored = households.stream()
                .filter(h -> h.category() == HouseholdCategory.MONITORED)
                .toList();
        List<GeneratedHousehold> ordinary = households.stream()
                .filter(h -> h.category() == HouseholdCategory.ORDINARY)
                .toList();

        assertThat(share(monitored, h -> latestMultiple(h) < 1.5)).isGreaterThan(0.8);
        assertThat(share(ordinary, h -> latestMultiple(h) < 1.5)).isLessThan(0.4);
    }

    @Test
    void incomeGrowsAboutSixPercentAYearWithSomeFalls() {
        List<Double> growth = new ArrayList<>();
        for (GeneratedHousehold household : households) {
            BigDecimal before = household.incomes().get(1).account().netIncome();
            BigDecimal after = household.incomes().get(2).account().netIncome();
            growth.add(after.doubleValue() / before.doubleValue());
        }
        Collections.sort(growth);

        assertThat(growth.get(growth.size() / 2)).isBetween(1.03, 1.09);
        assertThat(share(growth, g -> g < 1)).isBetween(0.05, 0.35);
    }

    @Test
    void incomeIsBuiltFromWhatMembersDo() {
        List<GeneratedHousehold> withMigrants = households.stream()
                .filter(h -> h.members().stream().anyMatch(p -> p.employment() == Employment.EMPLOYED))
                .toList();
        List<GeneratedHousehold> elderlyAlone = households.stream()
                .filter(h -> h.members().stream()
                        .allMatch(p -> age(p) >= 65 && p.employment() == Employment.NOT_IN_LABOUR_FORCE))
                .toList();

        assertThat(share(withMigrants, h -> latestIncome(h).wage().signum() > 0))
                .isEqualTo(1.0);
        assertThat(elderlyAlone).isNotEmpty();
        assertThat(share(elderlyAlone, h -> latestIncome(h).wage().signum() == 0))
                .isEqualTo(1.0);
        assertThat(share(elderlyAlone, h -> latestIncome(h).transfer().signum() > 0))
                .isGreaterThan(0.95);
    }

    @Test
    void phonesAreMainlandMobilesAndAddressesVillageStyle() {
        for (GeneratedHousehold household : households) {
            assertThat(household.phone()).matches("1[35789][0-9]{9}");
            assertThat(household.address()).matches("第[0-9]{1,2}组[0-9]{1,2}号");
        }
    }

    private static GeneratedIncome latestIncome(GeneratedHousehold household) {
        return household.incomes().get(household.incomes().size() - 1);
    }

    private static double latestMultiple(GeneratedHousehold household) {
        return latestIncome(household)
                        .account()
                        .perCapita(household.members().size())
                        .doubleValue()
                / LINE.doubleValue();
    }

    private static int age(GeneratedPerson person) {
        return Period.between(person.birthDate(), AS_OF).getYears();
    }

    private static <T> double share(List<T> items, Predicate<T> test) {
        if (items.isEmpty()) {
            return 0;
        }
        return items.stream().filter(test).count() / (double) items.size();
    }
}
