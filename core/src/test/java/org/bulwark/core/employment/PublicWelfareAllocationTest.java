package org.bulwark.core.employment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.registry.HouseholdCategory;
import org.bulwark.core.registry.LabourCapacity;
import org.junit.jupiter.api.Test;

class PublicWelfareAllocationTest {

    private static final RegionCode VILLAGE = RegionCode.parse("522324104201");
    private static final RegionCode OTHER_VILLAGE = RegionCode.parse("522324104202");

    /** An able labourer of a formerly-poor household, out of work, 6,000 yuan a person, on no payroll. */
    private static PostCandidate candidate(long person) {
        return new PostCandidate(
                person,
                person,
                VILLAGE,
                false,
                LabourCapacity.ABLE,
                HouseholdCategory.FORMERLY_POOR,
                6_000,
                false,
                false);
    }

    private static PostCandidate with(
            PostCandidate c, boolean worksElsewhere, LabourCapacity capacity, HouseholdCategory category, long income) {
        return new PostCandidate(
                c.personId(),
                c.householdId(),
                c.village(),
                worksElsewhere,
                capacity,
                category,
                income,
                c.onPublicPayroll(),
                c.holdsPost());
    }

    private static List<Long> awarded(int posts, List<PostCandidate> candidates) {
        return PublicWelfareAllocation.allocate(Map.of(VILLAGE, posts), candidates).stream()
                .map(PostAward::personId)
                .toList();
    }

    @Test
    void noWorkElsewhereThenWeakLabourThenMonitoredThenLowerIncomeThenLowerId() {
        PostCandidate base = candidate(1);
        List<PostCandidate> people = List.of(
                with(candidate(1), true, LabourCapacity.WEAK, HouseholdCategory.MONITORED, 1_000),
                with(candidate(2), false, LabourCapacity.ABLE, HouseholdCategory.MONITORED, 1_000),
                with(candidate(3), false, LabourCapacity.WEAK, HouseholdCategory.FORMERLY_POOR, 1_000),
                with(candidate(4), false, LabourCapacity.WEAK, HouseholdCategory.MONITORED, 9_000),
                with(candidate(5), false, LabourCapacity.WEAK, HouseholdCategory.MONITORED, 5_000),
                with(candidate(6), false, LabourCapacity.WEAK, HouseholdCategory.MONITORED, 5_000),
                with(candidate(7), false, LabourCapacity.ABLE, HouseholdCategory.ORDINARY, 100));
        assertThat(base.eligible()).isTrue();
        assertThat(awarded(10, people)).containsExactly(5L, 6L, 4L, 3L, 2L, 7L, 1L);
        assertThat(awarded(2, people)).containsExactly(5L, 6L);
    }

    @Test
    void noOneOnAPublicPayrollOrAlreadyHoldingAPostOrUnableToWorkIsGivenOne() {
        PostCandidate payroll = new PostCandidate(
                1, 1, VILLAGE, false, LabourCapacity.WEAK, HouseholdCategory.MONITORED, 100, true, false);
        PostCandidate holder = new PostCandidate(
                2, 2, VILLAGE, false, LabourCapacity.WEAK, HouseholdCategory.MONITORED, 100, false, true);
        PostCandidate unable = new PostCandidate(
                3, 3, VILLAGE, false, LabourCapacity.NONE, HouseholdCategory.MONITORED, 100, false, false);
        assertThat(awarded(5, List.of(payroll, holder, unable, candidate(4)))).containsExactly(4L);
    }

    @Test
    void aSecondPostGoesToAHouseholdOnlyWhenEveryOtherHouseholdHasOne() {
        PostCandidate first = new PostCandidate(
                1, 100, VILLAGE, false, LabourCapacity.WEAK, HouseholdCategory.MONITORED, 100, false, false);
        PostCandidate sameHousehold = new PostCandidate(
                2, 100, VILLAGE, false, LabourCapacity.WEAK, HouseholdCategory.MONITORED, 100, false, false);
        PostCandidate holderInHousehold3 = new PostCandidate(
                3, 300, VILLAGE, false, LabourCapacity.ABLE, HouseholdCategory.FORMERLY_POOR, 6_000, false, true);
        PostCandidate household3 = new PostCandidate(
                4, 300, VILLAGE, false, LabourCapacity.WEAK, HouseholdCategory.MONITORED, 100, false, false);
        List<PostCandidate> people = List.of(first, sameHousehold, holderInHousehold3, household3, candidate(5));
        assertThat(awarded(2, people)).containsExactly(1L, 5L);
        List<PostAward> all = PublicWelfareAllocation.allocate(Map.of(VILLAGE, 4), people);
        assertThat(all).extracting(PostAward::personId).containsExactly(1L, 5L, 2L, 4L);
        assertThat(all).extracting(PostAward::firstOfHousehold).containsExactly(true, true, false, false);
    }

    @Test
    void postsGoToTheirOwnVillagesPeopleOnlyAndTheOrderOfTheInputDoesNotMatter() {
        List<PostCandidate> people = new ArrayList<>();
        for (long p = 1; p <= 40; p++) {
            PostCandidate c = with(
                    candidate(p),
                    p % 3 == 0,
                    p % 2 == 0 ? LabourCapacity.WEAK : LabourCapacity.ABLE,
                    p % 5 == 0 ? HouseholdCategory.MONITORED : HouseholdCategory.FORMERLY_POOR,
                    1_000 * (p % 7));
            people.add(
                    p > 30
                            ? new PostCandidate(
                                    p,
                                    p,
                                    OTHER_VILLAGE,
                                    false,
                                    LabourCapacity.WEAK,
                                    HouseholdCategory.MONITORED,
                                    0,
                                    false,
                                    false)
                            : c);
        }
        Map<RegionCode, Integer> posts = Map.of(VILLAGE, 6);
        List<PostAward> once = PublicWelfareAllocation.allocate(posts, people);
        Collections.shuffle(people, new Random(3));
        assertThat(PublicWelfareAllocation.allocate(posts, people))
                .isEqualTo(once)
                .hasSize(6);
        assertThat(once).allMatch(a -> a.village().equals(VILLAGE));
    }
}
