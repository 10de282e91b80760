package org.bulwark.core.generate.feeds;

import java.time.LocalDate;
import java.util.Map;
import java.util.SplittableRandom;
import org.bulwark.core.identity.IdentityNumber;
import org.bulwark.core.identity.Sex;

/**
 * Records about residents the registry does not list — the omissions the downward check exists to find. They carry
 * identity numbers of the registry's own region codes (so they belong to its county) that no registered person has,
 * and the records of medical security: enrolment, pension insurance for adults, and settlements, a share of them
 * with out-of-pocket costs above MED-01's 20,000 for others.
 */
final class UnregisteredResidents {

    /** Share of unregistered residents with a costly stay in hospital in the last 12 months. */
    static final double HIGH_COST_SHARE = 0.3;

    private static final long STREAM = 0x0BADCAFEL;
    private static final int RANDOM_ATTEMPTS = 16;

    private final FeedSettings settings;
    private final FeedCalendar calendar;

    UnregisteredResidents(FeedSettings settings, FeedCalendar calendar) {
        this.settings = settings;
        this.calendar = calendar;
    }

    /** Writes the residents of every region, {@code unregisteredShare} of its registered persons each. */
    void write(RegisteredNumbers numbers, FeedSink sink) {
        long regionIndex = 0;
        for (Map.Entry<String, RegisteredNumbers.Region> region :
                numbers.regions().entrySet()) {
            long count = Math.round(region.getValue().persons() * settings.unregisteredShare());
            for (long i = 0; i < count; i++) {
                // the stream depends on the region's position and the resident's number only
                SplittableRandom random = Draws.source(settings.seed(), STREAM, (regionIndex << 40) + i);
                resident(region.getKey(), numbers, random, sink);
            }
            regionIndex++;
        }
    }

    private void resident(String regionCode, RegisteredNumbers numbers, SplittableRandom random, FeedSink sink) {
        Sex sex = Draws.chance(random, 0.5) ? Sex.MALE : Sex.FEMALE;
        double u = random.nextDouble();
        int age = u < 0.15
                ? Draws.between(random, 0, 15)
                : u < 0.75 ? Draws.between(random, 16, 59) : Draws.between(random, 60, 85);
        IdentityNumber number = unusedNumber(regionCode, age, sex, numbers, random);
        String name = ResidentNames.fullName(sex, random);
        LocalDate birth = number.birthDate();
        emit(
                sink,
                row(FeedCategory.MEDICAL_ENROLMENT, number, name)
                        .date("year_start", calendar.yearStart())
                        .flag("enrolled", true)
                        .flag("subsidised", false));
        if (age >= 18) {
            boolean enrolled = Draws.chance(random, 0.85);
            boolean receiving = enrolled && age >= 60;
            emit(
                    sink,
                    row(FeedCategory.PENSION_INSURANCE, number, name)
                            .date("year_start", calendar.yearStart())
                            .flag("enrolled", enrolled)
                            .flag("receiving", receiving)
                            .money("monthly_amount", receiving ? Money.ofYuan(Draws.between(random, 130, 260)) : 0));
        }
        settlements(number, name, birth, random, sink);
    }

    private void settlements(
            IdentityNumber number, String name, LocalDate birth, SplittableRandom random, FeedSink sink) {
        LocalDate first = calendar.asOf().minusDays(FeedCalendar.SETTLEMENT_DAYS - 1);
        first = birth.isAfter(first) ? birth : first;
        QuietBudget budget = QuietBudget.forUnregistered();
        int count = 1 + Draws.poisson(random, 1.5);
        for (LocalDate date : MedicalSettlements.distinctDays(random, count, first, calendar.asOf())) {
            emit(
                    sink,
                    MedicalSettlements.routine(
                            row(FeedCategory.MEDICAL_SETTLEMENT, number, name),
                            date,
                            MedicalSettlements.kind(random, 0.05, 0.1),
                            false,
                            calendar.inLastTwelveMonths(date) ? budget : null,
                            random));
        }
        if (Draws.chance(random, HIGH_COST_SHARE)) {
            long outOfPocket = Money.cents(DefaultThresholds.MEDICAL_OTHER_YUAN * Draws.uniform(random, 1.05, 3));
            LocalDate date = calendar.daysBack(random, 0, FeedCalendar.RECENT_DAYS);
            emit(
                    sink,
                    MedicalSettlements.costly(
                            row(FeedCategory.MEDICAL_SETTLEMENT, number, name),
                            date.isBefore(birth) ? birth : date,
                            outOfPocket,
                            random));
        }
    }

    /** A number of the region for someone of this age and sex that nobody has; moves to the next day when one fills. */
    private IdentityNumber unusedNumber(
            String regionCode, int age, Sex sex, RegisteredNumbers numbers, SplittableRandom random) {
        LocalDate birth = calendar.asOf().minusYears(age).minusDays(random.nextInt(365));
        while (true) {
            for (int attempt = 0; attempt < RANDOM_ATTEMPTS; attempt++) {
                IdentityNumber candidate = IdentityNumber.compose(regionCode, birth, random.nextInt(1000), sex);
                if (numbers.claim(candidate)) {
                    return candidate;
                }
            }
            for (int sequence = sex == Sex.MALE ? 1 : 0; sequence < 1000; sequence += 2) {
                IdentityNumber candidate = IdentityNumber.compose(regionCode, birth, sequence, sex);
                if (numbers.claim(candidate)) {
                    return candidate;
                }
            }
            birth = birth.minusDays(1);
        }
    }

    private static FeedRow row(FeedCategory category, IdentityNumber number, String name) {
        return new FeedRow(category).text("id_number", number.value()).text("name", name);
    }

    private static void emit(FeedSink sink, FeedRow row) {
        sink.record(row.category().code(), row.values());
    }
}
