package org.bulwark.core.generate.feeds;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.bulwark.core.generate.GeneratedPerson;
import org.bulwark.core.registry.Disability;
import org.bulwark.core.registry.Health;

/**
 * A member's routine records from medical security, health, civil affairs and the disabled persons' federation:
 * this year's enrolment, settlements over 24 months, and the diagnoses and certificates the registry already knows
 * of — dated more than 12 months back, so that they confirm the registry without raising a new-event warning.
 */
final class HealthRoutine {

    /** Mean of {@link #weight} over generated registries, so that weights average 1. */
    static final double MEAN_WEIGHT = 1.16;

    private static final double CHRONIC_DIAGNOSIS_RECORDED = 0.4;
    private static final int CERTIFICATE_DAYS = 5_500;
    private static final int DIAGNOSIS_DAYS = 3_000;
    private static final String[] DISABILITY_TYPES = {
        "physical",
        "physical",
        "physical",
        "physical",
        "visual",
        "hearing",
        "hearing",
        "speech",
        "intellectual",
        "intellectual",
        "mental",
        "mental",
        "multiple",
    };

    private HealthRoutine() {}

    static void write(HouseholdFeed feed, int index, SplittableRandom random) {
        enrolment(feed, index);
        settlements(feed, index, random);
        diagnosis(feed, index, random);
        disability(feed, index, random);
    }

    /** How often a person sees a doctor relative to the average: children and the old more, the ill far more. */
    static double weight(GeneratedPerson person, int age) {
        double weight = age < 6 ? 1.3 : age < 45 ? 0.6 : age < 60 ? 1.0 : 1.7;
        if (person.health() == Health.CHRONIC_ILLNESS) {
            weight *= 2;
        } else if (person.health() == Health.SERIOUS_ILLNESS) {
            weight *= 3.5;
        }
        return weight / MEAN_WEIGHT;
    }

    private static void enrolment(HouseholdFeed feed, int index) {
        LocalDate yearStart = feed.calendar().yearStart();
        if (!feed.aliveOn(index, yearStart)) {
            return;
        }
        GeneratedPerson person = feed.member(index);
        // contributions are paid for the poor and the severely disabled
        boolean subsidised = person.medicalInsured() && (feed.assisted() || severe(person.disability()));
        feed.emit(feed.personRow(FeedCategory.MEDICAL_ENROLMENT, index)
                .date("year_start", yearStart)
                .flag("enrolled", person.medicalInsured())
                .flag("subsidised", subsidised));
    }

    private static void settlements(HouseholdFeed feed, int index, SplittableRandom random) {
        GeneratedPerson person = feed.member(index);
        int age = feed.age(index);
        int count = Draws.poisson(random, feed.volume().settlementsPerPerson() * weight(person, age));
        FeedCalendar calendar = feed.calendar();
        LocalDate first = max(person.birthDate(), calendar.asOf().minusDays(FeedCalendar.SETTLEMENT_DAYS - 1));
        LocalDate last = feed.alive(index) ? calendar.asOf() : min(calendar.asOf(), feed.deathDate(index));
        double inpatient = 0.02 + (age >= 60 ? 0.03 : 0) + (person.health() == Health.SERIOUS_ILLNESS ? 0.12 : 0);
        double special = person.health() == Health.HEALTHY ? 0 : 0.35;
        for (LocalDate date : MedicalSettlements.distinctDays(random, count, first, last)) {
            QuietBudget budget = calendar.inLastTwelveMonths(date) ? feed.medicalBudget() : null;
            feed.emit(MedicalSettlements.routine(
                    feed.personRow(FeedCategory.MEDICAL_SETTLEMENT, index),
                    date,
                    MedicalSettlements.kind(random, inpatient, special),
                    feed.assisted(),
                    budget,
                    random));
        }
    }

    private static void diagnosis(HouseholdFeed feed, int index, SplittableRandom random) {
        Health health = feed.member(index).health();
        boolean recorded = health == Health.SERIOUS_ILLNESS
                || (health == Health.CHRONIC_ILLNESS && Draws.chance(random, CHRONIC_DIAGNOSIS_RECORDED));
        if (!recorded) {
            return;
        }
        LocalDate date = feed.dateInLife(index, random, FeedCalendar.OLD_DAYS, DIAGNOSIS_DAYS);
        if (date == null) {
            return; // too young for a diagnosis that is not new
        }
        int age = feed.age(index, date);
        Diagnoses.Diagnosis diagnosis =
                health == Health.SERIOUS_ILLNESS ? Diagnoses.serious(age, random) : Diagnoses.chronic(age, random);
        feed.emit(Diagnoses.row(feed.personRow(FeedCategory.SERIOUS_ILLNESS, index), date, diagnosis));
    }

    private static void disability(HouseholdFeed feed, int index, SplittableRandom random) {
        Disability disability = feed.member(index).disability();
        if (disability == Disability.NONE) {
            return;
        }
        LocalDate issued = feed.dateInLife(index, random, FeedCalendar.OLD_DAYS, CERTIFICATE_DAYS);
        if (issued == null) {
            return;
        }
        feed.emit(feed.personRow(FeedCategory.DISABILITY_CERTIFICATE, index)
                .date("issue_date", issued)
                .text("type", Draws.pick(random, DISABILITY_TYPES))
                .integer("grade", grade(disability)));
        // nursing subsidy for grades 1–2, living subsidy for the disabled of poor households
        boolean nursing = severe(disability);
        if (nursing || feed.assisted()) {
            LocalDate start = issued.plusDays(Draws.between(random, 30, 400));
            LocalDate last = feed.alive(index) ? feed.calendar().asOf() : feed.deathDate(index);
            if (!start.isAfter(last)) {
                feed.emit(feed.personRow(FeedCategory.DISABILITY_SUBSIDY, index)
                        .date("start_date", start)
                        .text("kind", nursing ? "nursing" : "living")
                        .money(
                                "amount",
                                Money.ofYuan(
                                        nursing
                                                ? Draws.between(random, 8, 15) * 10L
                                                : Draws.between(random, 6, 12) * 10L)));
            }
        }
    }

    static int grade(Disability disability) {
        return switch (disability) {
            case GRADE_1 -> 1;
            case GRADE_2 -> 2;
            case GRADE_3 -> 3;
            case GRADE_4 -> 4;
            case NONE -> throw new IllegalArgumentException("no disability, no grade");
        };
    }

    static boolean severe(Disability disability) {
        return disability == Disability.GRADE_1 || disability == Disability.GRADE_2;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
