package org.bulwark.core.generate.feeds;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.bulwark.core.registry.LabourCapacity;

/**
 * A household's routine records: water monitoring, housing appraisals, small disaster and farm losses, microcredit,
 * allowances and assistance. Each stays clear of its rule — C and D houses renovated, interruptions short, losses a
 * small share of income, loans not long overdue, temporary assistance only where the household is already monitored.
 */
final class HouseholdRoutine {

    private static final int WATER_DAYS = 360;
    private static final String[] DISASTER_TYPES = {
        "flood",
        "flood",
        "flood",
        "geological",
        "geological",
        "drought",
        "meteorological",
        "meteorological",
        "biological",
        "earthquake",
        "other",
    };
    private static final String[] LOSS_KINDS = {
        "crop", "crop", "crop", "livestock", "livestock", "aquaculture", "industry_project"
    };
    static final String[] ASSISTANCE_REASONS = {
        "房屋失火", "突发重病", "因灾受损", "交通事故", "子女就学困难", "家庭成员意外身故", "生活必需支出突然增加",
    };

    private HouseholdRoutine() {}

    static void write(HouseholdFeed feed, SplittableRandom random) {
        water(feed, random);
        housing(feed, random);
        disaster(feed, random);
        agriculturalLoss(feed, random);
        microcredit(feed, random);
        allowances(feed, random);
    }

    private static void water(HouseholdFeed feed, SplittableRandom random) {
        boolean interrupted = Draws.chance(random, 0.04);
        waterCheck(feed, random, interrupted ? "interrupted" : "safe", interrupted ? Draws.between(random, 2, 12) : 0);
        int extra = Draws.poisson(random, feed.volume().waterChecksPerPerson() * feed.size());
        for (int i = 0; i < extra; i++) {
            waterCheck(feed, random, "safe", 0);
        }
    }

    /**
     * A water record within the last 12 months on a day the household has no other (two checks the same day would be
     * one record twice); false only when every day is taken.
     */
    static boolean waterCheck(HouseholdFeed feed, SplittableRandom random, String status, int days) {
        LocalDate date = null;
        for (int attempt = 0; attempt < 8 && date == null; attempt++) {
            LocalDate candidate = feed.calendar().daysBack(random, 0, WATER_DAYS);
            date = feed.claimWaterDate(candidate) ? candidate : null;
        }
        for (int back = 0; back <= WATER_DAYS && date == null; back++) {
            LocalDate candidate = feed.calendar().asOf().minusDays(back);
            date = feed.claimWaterDate(candidate) ? candidate : null;
        }
        if (date == null) {
            return false;
        }
        feed.emit(new FeedRow(FeedCategory.DRINKING_WATER)
                .text("village_code", feed.villageCode())
                .text("household_number", feed.householdNumber())
                .date("date", date)
                .text("status", status)
                .integer("days_interrupted", days));
        return true;
    }

    private static void housing(HouseholdFeed feed, SplittableRandom random) {
        if (feed.housingPlanted() || !Draws.chance(random, feed.assisted() ? 0.5 : 0.12)) {
            return;
        }
        LocalDate appraised = feed.calendar().daysBack(random, 60, 1_800);
        double u = random.nextDouble();
        String grade = u < 0.5 ? "A" : u < 0.94 ? "B" : u < 0.98 ? "C" : "D";
        FeedRow row = feed.householdRow(FeedCategory.HOUSING_SAFETY).date("appraisal_date", appraised);
        if (grade.equals("A") || grade.equals("B")) {
            feed.emit(row.text("grade", grade));
            return;
        }
        // an unsafe house found by a routine appraisal has been rebuilt since (the danger-house renovation programme)
        LocalDate renovated = appraised.plusDays(Draws.between(random, 30, 400));
        if (renovated.isAfter(feed.calendar().asOf())) {
            renovated = feed.calendar().asOf();
        }
        feed.emit(row.text("grade", grade).date("renovated_date", renovated));
    }

    private static void disaster(HouseholdFeed feed, SplittableRandom random) {
        if (!Draws.chance(random, 0.05)) {
            return;
        }
        LocalDate date = feed.calendar().daysBack(random, 0, 729);
        double loss = Draws.logNormal(random, 1_500, 0.7, 200, 9_000);
        if (feed.calendar().inLastTwelveMonths(date)) {
            // DSR-01 also fires at half the net income; routine losses stay under 40% of it
            loss = Math.min(loss, 0.4 * feed.netIncome());
            if (loss < 200) {
                return;
            }
        }
        feed.emit(feed.householdRow(FeedCategory.DISASTER_LOSS)
                .date("event_date", date)
                .text("disaster_type", Draws.pick(random, DISASTER_TYPES))
                .decimal("loss_amount", loss));
    }

    private static void agriculturalLoss(HouseholdFeed feed, SplittableRandom random) {
        if (!Draws.chance(random, 0.04)) {
            return;
        }
        LocalDate date = feed.calendar().daysBack(random, 0, 729);
        double loss = Draws.logNormal(random, 1_200, 0.8, 100, 20_000);
        if (feed.calendar().inLastTwelveMonths(date)) {
            loss = Math.min(loss, 0.15 * feed.netIncome()); // IND-01 fires at 30%
            if (loss < 100) {
                return;
            }
        }
        feed.emit(feed.householdRow(FeedCategory.AGRICULTURAL_LOSS)
                .date("date", date)
                .text("kind", Draws.pick(random, LOSS_KINDS))
                .decimal("loss_amount", loss));
    }

    private static void microcredit(HouseholdFeed feed, SplittableRandom random) {
        // poverty-alleviation loans go to formerly poor and monitored households only
        if (!feed.assisted() || !Draws.chance(random, feed.monitored() ? 0.1 : 0.15)) {
            return;
        }
        LocalDate loan = feed.calendar().daysBack(random, 30, 1_000);
        LocalDate due = loan.plusYears(Draws.between(random, 1, 3)).minusDays(1);
        long daysPastDue = feed.calendar().daysSince(due);
        int overdue = daysPastDue > 0 && Draws.chance(random, 0.1)
                ? Draws.between(random, 1, (int) Math.min(60, daysPastDue))
                : 0;
        feed.emit(loan(feed, loan, Draws.between(random, 2, 10) * 5_000L, due, overdue));
    }

    static FeedRow loan(HouseholdFeed feed, LocalDate loan, long yuan, LocalDate due, int overdueDays) {
        return feed.householdRow(FeedCategory.MICROCREDIT)
                .date("loan_date", loan)
                .money("amount", Money.ofYuan(yuan))
                .date("due_date", due)
                .integer("overdue_days", overdueDays);
    }

    private static void allowances(HouseholdFeed feed, SplittableRandom random) {
        if (feed.monitored() && Draws.chance(random, 0.12)) {
            // AST-01 spares monitored households, so routine assistance goes only to them
            feed.emit(feed.householdRow(FeedCategory.TEMPORARY_ASSISTANCE)
                    .date("date", feed.calendar().daysBack(random, 0, 600))
                    .money("amount", Money.ofYuan(Draws.between(random, 5, 50) * 100L))
                    .text("reason", Draws.pick(random, ASSISTANCE_REASONS)));
        }
        // the civil-affairs office grants the allowance by income: a household below the standard mostly gets it, one
        // well above never (ALC-02), and the rest as before; some poor households are left out for ALC-01 to find
        boolean drawn = feed.assisted() && feed.alive(0) && Draws.chance(random, feed.monitored() ? 0.45 : 0.3);
        double perCapita = feed.size() == 0 ? 0 : feed.netIncome() / feed.size();
        boolean poor = perCapita > 0 && perCapita < DefaultThresholds.ALLOWANCE_STANDARD_YUAN;
        boolean wellOff =
                perCapita >= DefaultThresholds.ALLOWANCE_RECIPIENT_CEILING * DefaultThresholds.ALLOWANCE_STANDARD_YUAN;
        if (feed.assisted() && feed.alive(0) && !wellOff && (drawn || (poor && Draws.chance(random, 0.8)))) {
            LocalDate start = feed.dateInLife(0, random, 60, 2_000);
            if (start != null) {
                LocalDate end = start.plusYears(Draws.between(random, 1, 4)).minusDays(1);
                FeedRow row = feed.personRow(FeedCategory.MINIMUM_LIVING_ALLOWANCE, 0)
                        .text("household_number", feed.householdNumber())
                        .date("start_date", start)
                        .money("monthly_amount", Money.ofYuan(Draws.between(random, 35, 70) * 10L));
                feed.emit(Draws.chance(random, 0.6) ? row.date("end_date", end) : row);
            }
        }
        boolean alone = feed.size() == 1 && feed.age(0) >= 60 && feed.member(0).labourCapacity() != LabourCapacity.ABLE;
        if (alone && feed.assisted() && feed.alive(0) && Draws.chance(random, 0.5)) {
            LocalDate start = feed.dateInLife(0, random, 100, 3_000);
            if (start != null) {
                feed.emit(
                        feed.personRow(FeedCategory.EXTREME_POVERTY_SUPPORT, 0).date("start_date", start));
            }
        }
    }
}
