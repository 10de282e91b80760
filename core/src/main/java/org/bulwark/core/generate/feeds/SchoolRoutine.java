package org.bulwark.core.generate.feeds;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.bulwark.core.registry.Schooling;

/**
 * A member's school records from the education bureau: the status of pupils and students in this school year and the
 * last, and the aid of those in non-compulsory schooling (and of boarders from poor households). A drop-out the
 * registry already knows of appears in last year's roll only: the bureau's current roll no longer lists the child.
 */
final class SchoolRoutine {

    static final int COMPULSORY_FROM = 6;
    static final int COMPULSORY_TO = 15;
    // routine non-compulsory cost after aid per household and school year, well below EDU-02's 10,000
    private static final long COST_AFTER_AID_BUDGET = Money.ofYuan(6_000);
    private static final double SUSPENDED = 0.003;
    private static final String[] PRIMARY_SCHOOLS = {"中心小学", "第一小学", "第二小学", "民族小学", "希望小学"};
    private static final String[] SECONDARY_SCHOOLS = {"第一中学", "第二中学", "第三中学", "民族中学", "实验中学"};

    private SchoolRoutine() {}

    static void write(HouseholdFeed feed, int index, SplittableRandom random) {
        Schooling schooling = feed.member(index).schooling();
        LocalDate current = feed.calendar().schoolYearStart();
        LocalDate previous = current.minusYears(1);
        switch (schooling) {
            case COMPULSORY, HOME_SCHOOLED_FOR_DISABILITY, SENIOR_SECONDARY, VOCATIONAL, HIGHER -> {
                status(feed, index, previous, schooling, false, random);
                if (!feed.schoolStatusPlanted(index)) {
                    status(feed, index, current, schooling, true, random);
                }
                aid(feed, index, current, schooling, random);
            }
            case DROPPED_OUT -> {
                if (compulsoryAge(feed.age(index, previous))) {
                    feed.emit(feed.personRow(FeedCategory.SCHOOL_STATUS, index)
                            .date("school_year_start", previous)
                            .text("stage", compulsoryStage(feed.age(index, previous)))
                            .text("status", "dropped_out"));
                }
            }
            default -> {
                // not of school age, or in preschool: no roll to report on
            }
        }
    }

    static boolean compulsoryAge(int age) {
        return age >= COMPULSORY_FROM && age <= COMPULSORY_TO;
    }

    static String compulsoryStage(int age) {
        return age <= 11 ? "primary" : "junior_secondary";
    }

    private static void status(
            HouseholdFeed feed,
            int index,
            LocalDate schoolYear,
            Schooling schooling,
            boolean current,
            SplittableRandom random) {
        if (!feed.aliveOn(index, schoolYear)) {
            return;
        }
        int age = feed.age(index, schoolYear);
        String stage = stage(schooling, age);
        if (stage == null) {
            return;
        }
        String status = schooling == Schooling.HOME_SCHOOLED_FOR_DISABILITY && compulsoryAge(age)
                ? "home_schooled_for_disability"
                : current && Draws.chance(random, SUSPENDED) ? "suspended" : "enrolled";
        feed.emit(feed.personRow(FeedCategory.SCHOOL_STATUS, index)
                .date("school_year_start", schoolYear)
                .text("stage", stage)
                .text("status", status)
                .text("school", school(stage, random)));
    }

    /** The stage a person of this schooling was at, aged {@code age} at the start of a school year; null if none. */
    private static String stage(Schooling schooling, int age) {
        return switch (schooling) {
            case COMPULSORY, HOME_SCHOOLED_FOR_DISABILITY -> compulsoryAge(age) ? compulsoryStage(age) : null;
            case SENIOR_SECONDARY -> age >= 16 ? "senior_secondary" : compulsoryAge(age) ? "junior_secondary" : null;
            case VOCATIONAL -> age >= 16 ? "secondary_vocational" : compulsoryAge(age) ? "junior_secondary" : null;
            case HIGHER -> age >= 18 ? "higher" : "senior_secondary";
            default -> null;
        };
    }

    private static String school(String stage, SplittableRandom random) {
        return switch (stage) {
            case "primary" -> Draws.pick(random, PRIMARY_SCHOOLS);
            case "junior_secondary", "senior_secondary" -> Draws.pick(random, SECONDARY_SCHOOLS);
            default -> ""; // vocational schools and colleges lie outside the county; the bureau leaves the name out
        };
    }

    private static void aid(
            HouseholdFeed feed, int index, LocalDate schoolYear, Schooling schooling, SplittableRandom random) {
        if (!feed.aliveOn(index, schoolYear)) {
            return;
        }
        boolean nonCompulsory = schooling == Schooling.SENIOR_SECONDARY
                || schooling == Schooling.VOCATIONAL
                || schooling == Schooling.HIGHER;
        FeedRow row = feed.personRow(FeedCategory.STUDENT_AID, index).date("school_year_start", schoolYear);
        if (!nonCompulsory) {
            // boarding allowance for compulsory-stage pupils of poor households; no fees to report
            if (feed.assisted() && Draws.chance(random, 0.3)) {
                long amount = Money.ofYuan(Draws.between(random, 5, 12) * 100L);
                feed.addSchoolCostAfterAid(-amount); // EDU-02 sums cost minus aid, blank cost reading 0
                feed.emit(row.money("amount", amount));
            }
            return;
        }
        if (!Draws.chance(random, feed.assisted() ? 0.9 : 0.3)) {
            return;
        }
        boolean higher = schooling == Schooling.HIGHER;
        long amount = Money.ofYuan(100L * (higher ? Draws.between(random, 30, 80) : Draws.between(random, 20, 35)));
        long cost = Money.ofYuan(100L * (higher ? Draws.between(random, 50, 120) : Draws.between(random, 20, 60)));
        long room = COST_AFTER_AID_BUDGET - feed.schoolCostAfterAid();
        cost = Math.min(cost, amount + Math.max(0, room));
        feed.addSchoolCostAfterAid(cost - amount);
        feed.emit(row.money("amount", amount).money("non_compulsory_cost", cost));
    }
}
