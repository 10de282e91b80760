package org.bulwark.core.generate.feeds;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.bulwark.core.generate.GeneratedPerson;
import org.bulwark.core.registry.Employment;
import org.bulwark.core.registry.EmploymentPlace;
import org.bulwark.core.registry.Schooling;

/**
 * A member's routine records from human resources and social security and from taxation: this year's pension
 * insurance, the employment or unemployment registration of some working people, and the taxable income of some wage
 * earners. A registered unemployment is recent (under 3 months), so routine data never makes EMP-01 fire.
 */
final class LabourRoutine {

    private static final int PENSION_AGE = 60;
    private static final double EMPLOYMENT_REGISTERED = 0.65;
    private static final double UNEMPLOYMENT_REGISTERED = 0.7;
    private static final double FILES_TAX = 0.35;
    // routine taxable income of an assisted household stays below 2 × the line per member (VER-05 reads 3 ×)
    private static final long ASSISTED_TAXABLE_PER_MEMBER = Money.ofYuan(2 * DefaultThresholds.LINE_YUAN);

    private LabourRoutine() {}

    /**
     * Writes the member's records.
     *
     * @param taxed taxable income already written for the household, in cents; returns it with this member's added
     */
    static long write(HouseholdFeed feed, int index, long taxed, SplittableRandom random) {
        pension(feed, index, random);
        if (feed.employmentPlanted(index)) {
            return taxed;
        }
        GeneratedPerson person = feed.member(index);
        if (person.employment() == Employment.UNEMPLOYED) {
            if (Draws.chance(random, UNEMPLOYMENT_REGISTERED)) {
                LocalDate since = feed.dateInLife(index, random, 5, 60);
                if (since != null) {
                    feed.emit(feed.personRow(FeedCategory.EMPLOYMENT_STATUS, index)
                            .text("status", "unemployed")
                            .date("since_date", since));
                }
            }
            return taxed;
        }
        if (person.employmentPlace() == null || !Draws.chance(random, EMPLOYMENT_REGISTERED)) {
            return taxed;
        }
        long wage = wage(person.employmentPlace(), random);
        LocalDate since = feed.dateAtAge(index, random, 16, 30, 1_500);
        if (since == null) {
            return taxed;
        }
        boolean wageEarner = person.employment() == Employment.EMPLOYED;
        FeedRow row = feed.personRow(FeedCategory.EMPLOYMENT_STATUS, index)
                .text("status", "employed")
                .date("since_date", since)
                .text("place", place(person.employmentPlace()));
        feed.emit(wageEarner ? row.money("monthly_wage", wage) : row);
        return wageEarner ? taxableIncome(feed, index, wage, taxed, random) : taxed;
    }

    private static void pension(HouseholdFeed feed, int index, SplittableRandom random) {
        GeneratedPerson person = feed.member(index);
        LocalDate yearStart = feed.calendar().yearStart();
        int age = feed.age(index);
        if (age < 16 || inSchool(person.schooling()) || !feed.aliveOn(index, yearStart)) {
            return;
        }
        boolean receiving = person.pensionInsured() && age >= PENSION_AGE;
        long monthly = receiving ? Money.ofYuan(Draws.between(random, 130, 260)) : 0;
        feed.emit(feed.personRow(FeedCategory.PENSION_INSURANCE, index)
                .date("year_start", yearStart)
                .flag("enrolled", person.pensionInsured())
                .flag("receiving", receiving)
                .money("monthly_amount", monthly));
    }

    private static long taxableIncome(HouseholdFeed feed, int index, long wage, long taxed, SplittableRandom random) {
        int months = feed.member(index).employmentMonths();
        if (months == 0 || !feed.aliveOn(index, feed.calendar().lastYearStart()) || !Draws.chance(random, FILES_TAX)) {
            return taxed;
        }
        long amount = wage * months;
        if (feed.assisted() && taxed + amount > ASSISTED_TAXABLE_PER_MEMBER * feed.size()) {
            return taxed;
        }
        feed.emit(feed.personRow(FeedCategory.TAXABLE_INCOME, index)
                .date("year_start", feed.calendar().lastYearStart())
                .money("amount", amount));
        return taxed + amount;
    }

    private static long wage(EmploymentPlace place, SplittableRandom random) {
        int hundreds = switch (place) {
            case OUT_OF_PROVINCE -> Draws.between(random, 45, 75);
            case IN_PROVINCE -> Draws.between(random, 35, 60);
            case IN_COUNTY -> Draws.between(random, 22, 45);
        };
        return Money.ofYuan(hundreds * 100L);
    }

    private static String place(EmploymentPlace place) {
        return switch (place) {
            case IN_COUNTY -> "in_county";
            case IN_PROVINCE -> "in_province";
            case OUT_OF_PROVINCE -> "out_of_province";
        };
    }

    private static boolean inSchool(Schooling schooling) {
        return schooling != Schooling.NOT_SCHOOL_AGE && schooling != Schooling.DROPPED_OUT;
    }
}
