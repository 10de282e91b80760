package org.bulwark.employment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bulwark.core.employment.PostAward;
import org.bulwark.core.employment.PostCandidate;
import org.bulwark.core.employment.PublicWelfareAllocation;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.registry.LabourCapacity;
import org.springframework.stereotype.Component;

/**
 * Proposes holders for a post's vacant places: the village's labourers, with the public payroll of their households
 * read from department data, given to the core's {@link PublicWelfareAllocation} — which decides, in the documented
 * order. A candidate on a payroll, or with a household member on one, is refused with the reason.
 */
@Component
class WelfareAllocator {

    /** A candidate the core gave a place, with the reasons of the order. */
    record Award(WelfareCandidate candidate, List<WelfareReason> reasons) {}

    /** What an allocation gives and whom it refused. */
    record Allocation(List<Award> awards, List<WelfareProposal.Refused> refused) {}

    private final WelfareJobRepository repository;
    private final PublicPayroll payroll;
    private final WelfareWords words;

    WelfareAllocator(WelfareJobRepository repository, PublicPayroll payroll, WelfareWords words) {
        this.repository = repository;
        this.payroll = payroll;
        this.words = words;
    }

    Allocation allocate(WelfarePost post, LocalDate today) {
        List<WelfareCandidate> read = repository.candidates(post.villageCode());
        Map<Long, List<PayrollEntry>> paid = payroll.of(
                read.stream().map(c -> c.candidate().householdId()).distinct().toList(), today);
        Map<Long, WelfareCandidate> byPerson = new HashMap<>();
        List<PostCandidate> candidates = new ArrayList<>();
        List<WelfareProposal.Refused> refused = new ArrayList<>();
        for (WelfareCandidate c : read) {
            List<PayrollEntry> household = paid.getOrDefault(c.candidate().householdId(), List.of());
            PostCandidate candidate = household.isEmpty() ? c.candidate() : onPayroll(c.candidate());
            candidates.add(candidate);
            byPerson.put(candidate.personId(), c);
            if (!household.isEmpty() && !candidate.holdsPost()) {
                refused.add(new WelfareProposal.Refused(
                        c.candidate().personId(), c.name(), c.householdNumber(), refusal(c, household)));
            }
        }
        List<PostAward> awards = PublicWelfareAllocation.allocate(
                Map.of(RegionCode.parse(post.villageCode()), post.vacant()), candidates);
        List<Award> given = awards.stream()
                .map(a -> new Award(byPerson.get(a.personId()), reasons(byPerson.get(a.personId()), a)))
                .toList();
        return new Allocation(given, refused);
    }

    /** The reason in words: the candidate's own payroll first, else the first member's (docs/employment.md). */
    private String refusal(WelfareCandidate c, List<PayrollEntry> household) {
        return household.stream()
                .filter(e -> e.personId() == c.candidate().personId())
                .findFirst()
                .map(words::onPayrollSelf)
                .orElseGet(() -> words.onPayrollMember(household.get(0)));
    }

    private static PostCandidate onPayroll(PostCandidate c) {
        return new PostCandidate(
                c.personId(),
                c.householdId(),
                c.village(),
                c.worksElsewhere(),
                c.capacity(),
                c.category(),
                c.perCapitaIncome(),
                true,
                c.holdsPost());
    }

    static List<WelfareReason> reasons(WelfareCandidate c, PostAward award) {
        PostCandidate p = c.candidate();
        return List.of(
                p.worksElsewhere() ? WelfareReason.WORKS_ELSEWHERE : WelfareReason.NO_OTHER_WORK,
                p.capacity() == LabourCapacity.WEAK ? WelfareReason.WEAK_LABOUR : WelfareReason.ABLE_LABOUR,
                switch (p.category()) {
                    case MONITORED -> WelfareReason.MONITORED;
                    case FORMERLY_POOR -> WelfareReason.FORMERLY_POOR;
                    case ORDINARY -> WelfareReason.ORDINARY;
                },
                award.firstOfHousehold() ? WelfareReason.FIRST_OF_HOUSEHOLD : WelfareReason.HOUSEHOLD_ALREADY_SERVED);
    }
}
