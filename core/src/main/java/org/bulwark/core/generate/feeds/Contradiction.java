package org.bulwark.core.generate.feeds;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * The records planted in formerly-poor or monitored households that contradict their status, one each, every one
 * tripping the upward rule it is named after. The member is chosen before anything else is planted, so that no risk
 * event takes them away.
 */
enum Contradiction {

    /** A car or truck worth more than 100,000 (VER-01): not a farm vehicle, which the rule exempts. */
    COSTLY_VEHICLE("VER-01", 25, 18, 75) {
        @Override
        void plant(HouseholdFeed feed, int owner, SplittableRandom random) {
            long value = DefaultThresholds.VEHICLE_VALUE_YUAN + Draws.between(random, 10, 250) * 1_000L;
            feed.emit(feed.personRow(FeedCategory.VEHICLE_REGISTRATION, owner)
                    .date("reg_date", feed.dateAtAge(owner, random, 18, 0, 1_000))
                    .text("vehicle_type", Draws.chance(random, 0.8) ? "car" : "truck")
                    .money("value", Money.ofYuan(value)));
        }
    },
    /** A company registered by a member (VER-02). */
    COMPANY("VER-02", 15, 20, 65) {
        @Override
        void plant(HouseholdFeed feed, int owner, SplittableRandom random) {
            AssetRoutine.company(feed, owner, random);
        }
    },
    /** Commercial housing bought in the county town (VER-03). */
    COMMERCIAL_HOUSING("VER-03", 20, 22, 70) {
        @Override
        void plant(HouseholdFeed feed, int owner, SplittableRandom random) {
            AssetRoutine.commercialHousing(feed, owner, random);
        }
    },
    /** A member on the public payroll (VER-04). */
    PUBLIC_PAYROLL("VER-04", 10, 22, 59) {
        @Override
        void plant(HouseholdFeed feed, int employee, SplittableRandom random) {
            AssetRoutine.payroll(feed, employee, random);
        }
    },
    /** Last year's taxable income above 3 × the highest default line per member (VER-05). */
    HIGH_TAXABLE_INCOME("VER-05", 15, 19, 64) {
        @Override
        void plant(HouseholdFeed feed, int earner, SplittableRandom random) {
            double amount =
                    DefaultThresholds.TAXABLE_INCOME_PER_MEMBER_YUAN * feed.size() * Draws.uniform(random, 1.15, 2.5);
            feed.emit(feed.personRow(FeedCategory.TAXABLE_INCOME, earner)
                    .date("year_start", feed.calendar().lastYearStart())
                    .decimal("amount", amount));
        }
    },
    /**
     * A member whose death public security recorded more than 12 months ago (so not a new death for ACC-01) but whom
     * the registry still counts (VER-06); the member has no records after the death.
     */
    DEAD_MEMBER_COUNTED("VER-06", 15, 4, 200) {
        private static final int LATEST_DEATH_DAYS = 1_400;

        @Override
        int reserve(HouseholdFeed feed, SplittableRandom random) {
            // the oldest member: deaths come mostly late in life
            int oldest = 0;
            for (int i = 1; i < feed.size(); i++) {
                if (feed.age(i) > feed.age(oldest)) {
                    oldest = i;
                }
            }
            feed.reserveDeath(oldest, feed.dateInLife(oldest, random, FeedCalendar.OLD_DAYS, LATEST_DEATH_DAYS));
            return oldest;
        }

        @Override
        void plant(HouseholdFeed feed, int member, SplittableRandom random) {
            feed.emit(feed.personRow(FeedCategory.DEATH_RECORD, member).date("death_date", feed.deathDate(member)));
        }
    };

    private final String ruleId;
    private final int weight;
    private final int minAge;
    private final int maxAge;

    Contradiction(String ruleId, int weight, int minAge, int maxAge) {
        this.ruleId = ruleId;
        this.weight = weight;
        this.minAge = minAge;
        this.maxAge = maxAge;
    }

    /** The upward rule this contradiction should trip. */
    String ruleId() {
        return ruleId;
    }

    /**
     * Chooses the member the record is about, before any other record of the household is drawn; a contradiction
     * that needs a death reserves it here so that routine records stop at it.
     */
    int reserve(HouseholdFeed feed, SplittableRandom random) {
        return feed.pickMember(random, candidate(feed));
    }

    /** Writes the contradicting record about {@code member}; runs after the routine records. */
    abstract void plant(HouseholdFeed feed, int member, SplittableRandom random);

    /** One contradiction among those the household has a member for, by weight, or null when it has none. */
    static Contradiction pick(HouseholdFeed feed, SplittableRandom random) {
        return Draws.weighted(
                random,
                Arrays.stream(values())
                        .filter(c -> feed.anyMember(c.candidate(feed)))
                        .toList(),
                c -> c.weight);
    }

    private IntPredicate candidate(HouseholdFeed feed) {
        return i -> feed.age(i) >= minAge && feed.age(i) <= maxAge;
    }
}
