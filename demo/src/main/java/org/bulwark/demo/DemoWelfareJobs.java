package org.bulwark.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.bulwark.core.employment.EmploymentWords;
import org.bulwark.core.employment.WelfareDuty;
import org.bulwark.core.employment.WelfareFunding;
import org.bulwark.employment.WelfareAllocations;
import org.bulwark.employment.WelfareJobs;
import org.bulwark.employment.WelfarePost;
import org.bulwark.employment.WelfarePostInput;
import org.bulwark.employment.WelfareProposal;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;
import org.springframework.stereotype.Component;

/**
 * The demo's public-welfare jobs (公益性岗位), deterministic from the seed and given out through the employment module
 * as the county's employment office would: every village of the county gets a cleaner's post and, in turn, a
 * warden's, water keeper's or carer's post, each with a few places; the office proposes holders by the documented
 * order and confirms them all — so the payroll check and the labour registry run as they do on the pages. One post in
 * seven ends within the month, so that the list of terms ending has holders on it.
 */
@Component
class DemoWelfareJobs {

    /** Outcome: posts created and places given. */
    record Outcome(int posts, int holders) {}

    private static final WelfareDuty[] SECOND = {
        WelfareDuty.FOREST_WARDEN, WelfareDuty.ROAD_WARDEN, WelfareDuty.WATER_KEEPER, WelfareDuty.CARE
    };
    private static final WelfareFunding[] FUNDING = {
        WelfareFunding.ASSISTANCE_FUNDS, WelfareFunding.EMPLOYMENT_SUBSIDY, WelfareFunding.LOCAL_BUDGET
    };

    private final WelfareJobs jobs;
    private final WelfareAllocations allocations;
    private final Regions regions;
    private final Clock clock;

    DemoWelfareJobs(WelfareJobs jobs, WelfareAllocations allocations, Regions regions, Clock clock) {
        this.jobs = jobs;
        this.allocations = allocations;
        this.regions = regions;
        this.clock = clock;
    }

    Outcome seed(String county, long seed) {
        Random random = new Random(seed ^ 0x4);
        LocalDate today = LocalDate.now(clock);
        var office = BulwarkUser.system("demo-seed", Role.EMPLOYMENT_OFFICER, county + "000000");
        int posts = 0;
        int holders = 0;
        try (var acting = CurrentUser.actAs(office)) {
            List<Region> villages = regions.villagesUnder(county, 5_000);
            for (int i = 0; i < villages.size(); i++) {
                Region village = villages.get(i);
                WelfareDuty second = SECOND[i % SECOND.length];
                for (WelfareDuty duty : List.of(WelfareDuty.SANITATION, second)) {
                    LocalDate end = posts % 7 == 3
                            ? today.plusDays(10 + random.nextInt(15))
                            : LocalDate.of(today.getYear() + 1, 12, 31);
                    WelfarePost post = jobs.create(post(village, duty, i, end, today, random));
                    posts++;
                    holders += give(post);
                }
            }
        }
        return new Outcome(posts, holders);
    }

    private static WelfarePostInput post(
            Region village, WelfareDuty duty, int i, LocalDate end, LocalDate today, Random random) {
        int allowance = duty == WelfareDuty.SANITATION ? 600 + random.nextInt(5) * 100 : 500 + random.nextInt(4) * 100;
        return new WelfarePostInput(
                village.code(),
                Regions.shortVillageName(village.name()) + EmploymentWords.word(duty),
                duty.name(),
                BigDecimal.valueOf(allowance),
                1 + random.nextInt(duty == WelfareDuty.SANITATION ? 4 : 2),
                LocalDate.of(today.getYear(), 1, 1),
                end,
                FUNDING[i % FUNDING.length].name(),
                null);
    }

    /** Confirms every holder the order proposes, as the office would after checking the list. */
    private int give(WelfarePost post) {
        WelfareProposal proposal = allocations.propose(post.id());
        if (proposal.proposed().isEmpty()) {
            return 0;
        }
        return allocations
                .confirm(
                        post.id(),
                        proposal.proposed().stream()
                                .map(WelfareProposal.Proposed::personId)
                                .toList())
                .size();
    }
}
