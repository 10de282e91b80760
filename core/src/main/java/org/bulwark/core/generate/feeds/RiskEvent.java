package org.bulwark.core.generate.feeds;

import static org.bulwark.core.generate.feeds.FeedCalendar.RECENT_DAYS;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.bulwark.core.registry.Disability;
import org.bulwark.core.registry.LabourCapacity;
import org.bulwark.core.registry.Schooling;

/**
 * The hardships planted in a household, one each, every one crossing the threshold of the downward rule it is named
 * after with a margin. Events dated "recently" lie within {@value FeedCalendar#RECENT_DAYS} days, inside every
 * 12-month window.
 */
enum RiskEvent {

    /** An inpatient stay whose out-of-pocket cost alone exceeds the household's MED-01 threshold. */
    HIGH_MEDICAL_COSTS("MED-01", 20, true) {
        @Override
        void plant(HouseholdFeed feed, int member, SplittableRandom random) {
            long threshold = DefaultThresholds.medical(feed.assisted());
            long outOfPocket = Money.cents(threshold * Draws.uniform(random, 1.05, 2.5));
            feed.emit(MedicalSettlements.costly(
                    feed.personRow(FeedCategory.MEDICAL_SETTLEMENT, member),
                    feed.dateInLife(member, random, 0, RECENT_DAYS),
                    outOfPocket,
                    random));
        }
    },
    /** A serious illness diagnosed recently (MED-03). */
    NEW_SERIOUS_ILLNESS("MED-03", 8, true) {
        @Override
        void plant(HouseholdFeed feed, int member, SplittableRandom random) {
            LocalDate date = feed.dateInLife(member, random, 0, RECENT_DAYS);
            feed.emit(Diagnoses.row(
                    feed.personRow(FeedCategory.SERIOUS_ILLNESS, member),
                    date,
                    Diagnoses.serious(feed.age(member, date), random)));
        }
    },
    /** A grade 1 or 2 disability certificate issued recently (DIS-01), preferably to someone not yet disabled. */
    SEVERE_DISABILITY("DIS-01", 6, true) {
        @Override
        int reserve(HouseholdFeed feed, SplittableRandom random) {
            int member = feed.pickMember(random, i -> feed.member(i).disability() == Disability.NONE);
            return member >= 0 ? member : feed.pickMember(random, i -> true);
        }

        @Override
        void plant(HouseholdFeed feed, int member, SplittableRandom random) {
            feed.emit(feed.personRow(FeedCategory.DISABILITY_CERTIFICATE, member)
                    .date("issue_date", feed.dateInLife(member, random, 0, RECENT_DAYS))
                    .text("type", Draws.pick(random, new String[] {
                        "physical", "visual", "intellectual", "mental", "multiple"
                    }))
                    .integer("grade", Draws.between(random, 1, 2)));
        }
    },
    /** A child of compulsory-school age who dropped out this school year (EDU-01). */
    DROP_OUT("EDU-01", 5, false) {
        @Override
        boolean fits(HouseholdFeed feed) {
            return feed.anyMember(i -> pupil(feed, i));
        }

        @Override
        int reserve(HouseholdFeed feed, SplittableRandom random) {
            int member = feed.pickMember(random, i -> pupil(feed, i));
            feed.reserveSchoolStatus(member); // this year's roll shows the drop-out instead of the enrolment
            return member;
        }

        @Override
        void plant(HouseholdFeed feed, int member, SplittableRandom random) {
            LocalDate schoolYear = feed.calendar().schoolYearStart();
            feed.emit(feed.personRow(FeedCategory.SCHOOL_STATUS, member)
                    .date("school_year_start", schoolYear)
                    .text("stage", SchoolRoutine.compulsoryStage(feed.age(member, schoolYear)))
                    .text("status", "dropped_out"));
        }

        private boolean pupil(HouseholdFeed feed, int index) {
            return feed.member(index).schooling() == Schooling.COMPULSORY
                    && SchoolRoutine.compulsoryAge(
                            feed.age(index, feed.calendar().schoolYearStart()));
        }
    },
    /** Non-compulsory schooling costs that aid leaves above 10,000 this school year (EDU-02). */
    SCHOOLING_COSTS("EDU-02", 4, false) {
        @Override
        boolean fits(HouseholdFeed feed) {
            return feed.anyMember(i -> student(feed, i));
        }

        @Override
        int reserve(HouseholdFeed feed, SplittableRandom random) {
            return feed.pickMember(random, i -> student(feed, i));
        }

        @Override
        void plant(HouseholdFeed feed, int member, SplittableRandom random) {
            long threshold = Money.ofYuan(DefaultThresholds.SCHOOLING_COST_YUAN);
            // routine aid of siblings may have pushed the household's sum below zero: make up for it
            long excess = Math.max(threshold, threshold - feed.schoolCostAfterAid())
                    + Money.ofYuan(Draws.between(random, 5, 80) * 100L);
            long amount = Money.ofYuan(Draws.between(random, 10, 30) * 100L);
            feed.emit(feed.personRow(FeedCategory.STUDENT_AID, member)
                    .date("school_year_start", feed.calendar().schoolYearStart())
                    .money("amount", amount)
                    .money("non_compulsory_cost", amount + excess));
        }

        private boolean student(HouseholdFeed feed, int index) {
            Schooling schooling = feed.member(index).schooling();
            return schooling == Schooling.SENIOR_SECONDARY
                    || schooling == Schooling.VOCATIONAL
                    || schooling == Schooling.HIGHER;
        }
    },
    /** A disaster loss of more than 10,000 (DSR-01). */
    DISASTER("DSR-01", 12, false) {
        @Override
        void plant(HouseholdFeed feed, int member, SplittableRandom random) {
            feed.emit(feed.householdRow(FeedCategory.DISASTER_LOSS)
                    .date("event_date", feed.calendar().daysBack(random, 0, RECENT_DAYS))
                    .text("disaster_type", Draws.pick(random, new String[] {
                        "flood", "geological", "drought", "meteorological", "earthquake"
                    }))
                    .money("loss_amount", Money.ofYuan(Draws.between(random, 105, 600) * 100L)));
        }
    },
    /** The death of a main labourer — able to work, aged 16–64 (ACC-01). */
    MAIN_LABOURER_DEATH("ACC-01", 5, false) {
        @Override
        boolean fits(HouseholdFeed feed) {
            return feed.anyMember(i -> mayDie(feed, i));
        }

        @Override
        int reserve(HouseholdFeed feed, SplittableRandom random) {
            int member = feed.pickMember(random, i -> mayDie(feed, i));
            feed.reserveDeath(member, feed.calendar().daysBack(random, 0, RECENT_DAYS));
            return member;
        }

        @Override
        void plant(HouseholdFeed feed, int member, SplittableRandom random) {
            feed.emit(feed.personRow(FeedCategory.DEATH_RECORD, member).date("death_date", feed.deathDate(member)));
        }

        private boolean mayDie(HouseholdFeed feed, int index) {
            // the member a contradiction is about must live to own, earn or register it
            return feed.mainLabourer(index) && index != feed.contradictionMember();
        }
    },
    /** Every member able to work registered unemployed for more than 3 months (EMP-01). */
    UNEMPLOYMENT("EMP-01", 5, false) {
        @Override
        boolean fits(HouseholdFeed feed) {
            // a dead member the registry still counts as able-bodied could never be shown unemployed
            for (int i = 0; i < feed.size(); i++) {
                if (!feed.alive(i) && feed.member(i).labourCapacity() == LabourCapacity.ABLE) {
                    return false;
                }
            }
            return feed.anyMember(i -> feed.member(i).labourCapacity() == LabourCapacity.ABLE);
        }

        @Override
        int reserve(HouseholdFeed feed, SplittableRandom random) {
            for (int i = 0; i < feed.size(); i++) {
                if (jobSeeker(feed, i)) {
                    feed.reserveEmployment(i);
                }
            }
            return -1;
        }

        @Override
        void plant(HouseholdFeed feed, int member, SplittableRandom random) {
            for (int i = 0; i < feed.size(); i++) {
                if (feed.employmentPlanted(i)) {
                    // 100 days back is more than 3 calendar months whatever the day of the month
                    LocalDate since = feed.dateAtAge(i, random, 16, 100, 400);
                    if (since == null) {
                        since = feed.dateInLife(i, random, 100, 400); // turned 16 only lately
                    }
                    feed.emit(feed.personRow(FeedCategory.EMPLOYMENT_STATUS, i)
                            .text("status", "unemployed")
                            .date("since_date", since));
                }
            }
        }

        private boolean jobSeeker(HouseholdFeed feed, int index) {
            LabourCapacity capacity = feed.member(index).labourCapacity();
            // the weak too, in case a province counts them as able-bodied
            return feed.alive(index) && (capacity == LabourCapacity.ABLE || capacity == LabourCapacity.WEAK);
        }
    },
    /** A house appraised C or D and not renovated (HOU-01); the household's only appraisal. */
    UNSAFE_HOUSING("HOU-01", 8, false) {
        @Override
        int reserve(HouseholdFeed feed, SplittableRandom random) {
            feed.reserveHousing();
            return -1;
        }

        @Override
        void plant(HouseholdFeed feed, int member, SplittableRandom random) {
            feed.emit(feed.householdRow(FeedCategory.HOUSING_SAFETY)
                    .date("appraisal_date", feed.calendar().daysBack(random, 0, 700))
                    .text("grade", Draws.chance(random, 0.6) ? "C" : "D"));
        }
    },
    /** Drinking water interrupted for more than 30 days (WAT-01). */
    WATER_CUT("WAT-01", 6, false) {
        @Override
        void plant(HouseholdFeed feed, int member, SplittableRandom random) {
            HouseholdRoutine.waterCheck(
                    feed,
                    random,
                    "interrupted",
                    Draws.between(random, DefaultThresholds.WATER_INTERRUPTED_DAYS + 1, 120));
        }
    },
    /** A farm or industry-project loss of at least 30% of net income (IND-01). */
    CROP_LOSS("IND-01", 8, false) {
        @Override
        void plant(HouseholdFeed feed, int member, SplittableRandom random) {
            double loss = Math.max(
                    1_000,
                    DefaultThresholds.AGRICULTURAL_INCOME_SHARE * feed.netIncome() * Draws.uniform(random, 1.15, 2.5));
            feed.emit(feed.householdRow(FeedCategory.AGRICULTURAL_LOSS)
                    .date("date", feed.calendar().daysBack(random, 0, RECENT_DAYS))
                    .text("kind", Draws.pick(random, new String[] {"crop", "livestock", "industry_project"}))
                    .decimal("loss_amount", loss));
        }
    },
    /** A poverty-alleviation loan more than 90 days overdue (CRD-01); such loans go to assisted households only. */
    OVERDUE_LOAN("CRD-01", 6, false) {
        @Override
        boolean fits(HouseholdFeed feed) {
            return feed.assisted();
        }

        @Override
        void plant(HouseholdFeed feed, int member, SplittableRandom random) {
            int overdue = Draws.between(random, DefaultThresholds.OVERDUE_DAYS + 1, 400);
            LocalDate due = feed.calendar().asOf().minusDays(overdue);
            LocalDate loan = due.minusYears(Draws.between(random, 1, 3)).plusDays(1);
            feed.emit(HouseholdRoutine.loan(feed, loan, Draws.between(random, 2, 10) * 5_000L, due, overdue));
        }
    },
    /** Temporary assistance to a household that is not monitored (AST-01). */
    TEMPORARY_ASSISTANCE("AST-01", 7, false) {
        @Override
        boolean fits(HouseholdFeed feed) {
            return !feed.monitored();
        }

        @Override
        void plant(HouseholdFeed feed, int member, SplittableRandom random) {
            feed.emit(feed.householdRow(FeedCategory.TEMPORARY_ASSISTANCE)
                    .date("date", feed.calendar().daysBack(random, 0, RECENT_DAYS))
                    .money("amount", Money.ofYuan(Draws.between(random, 10, 80) * 100L))
                    .text("reason", Draws.pick(random, HouseholdRoutine.ASSISTANCE_REASONS)));
        }
    };

    private final String ruleId;
    private final int weight;
    private final boolean aboutAnyMember;

    /**
     * @param aboutAnyMember whether, unless the event says otherwise, it can be about any living member, so that a
     *                       household fits when it has one
     */
    RiskEvent(String ruleId, int weight, boolean aboutAnyMember) {
        this.ruleId = ruleId;
        this.weight = weight;
        this.aboutAnyMember = aboutAnyMember;
    }

    /** The default rule this event should trip. */
    String ruleId() {
        return ruleId;
    }

    /** Whether the household can have this event (a pupil to drop out, a main labourer to die…). */
    boolean fits(HouseholdFeed feed) {
        return !aboutAnyMember || feed.anyMember(i -> true);
    }

    /**
     * Chooses the member the event is about, if any, and reserves what routine records must leave out for it (a
     * death, an enrolment, an appraisal). Runs before the routine records; returns the member or -1.
     */
    int reserve(HouseholdFeed feed, SplittableRandom random) {
        return aboutAnyMember ? feed.pickMember(random, i -> true) : -1;
    }

    /** Writes the event's record(s); runs after the routine records. */
    abstract void plant(HouseholdFeed feed, int member, SplittableRandom random);

    /** One event among those that fit the household, by weight; household-level events always fit. */
    static RiskEvent pick(HouseholdFeed feed, SplittableRandom random) {
        return Draws.weighted(
                random, Arrays.stream(values()).filter(e -> e.fits(feed)).toList(), e -> e.weight);
    }
}
