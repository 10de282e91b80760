package org.bulwark.employment.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bulwark.employment.JobMatches;
import org.bulwark.employment.Referral;
import org.bulwark.employment.ReferralState;
import org.bulwark.employment.Referrals;
import org.bulwark.identity.CurrentUser;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The matching and referral sections of the labourer and posting pages (templates/employment/matches.html), filled
 * here so that each page's controller adds them with one call.
 */
@Component
class MatchSections {

    private final JobMatches matches;
    private final Referrals referrals;
    private final CurrentUser currentUser;

    MatchSections(JobMatches matches, Referrals referrals, CurrentUser currentUser) {
        this.matches = matches;
        this.referrals = referrals;
        this.currentUser = currentUser;
    }

    /** 匹配岗位 and the labourer's referrals. */
    void labourer(Model model, long personId) {
        List<Referral> referred = referrals.search(personId, null, null, null);
        model.addAttribute("postingMatches", matches.forLabourer(personId));
        model.addAttribute("referrals", referred);
        model.addAttribute("referralHistories", referrals.histories(referred));
        model.addAttribute("referredPostings", live(referred, Referral::postingId));
        model.addAttribute("scopePrefixOfUser", currentUser.scope().prefix());
    }

    /** 匹配劳动力 and the posting's referrals of the user's region. */
    void posting(Model model, long postingId) {
        List<Referral> referred = referrals.search(null, null, postingId, null);
        model.addAttribute("labourerMatches", matches.forPosting(postingId));
        model.addAttribute("referrals", referred);
        model.addAttribute("referralHistories", referrals.histories(referred));
        model.addAttribute("referredLabourers", live(referred, Referral::personId));
    }

    // a refused referral may be made again, so only live ones hide the button
    private static Set<Long> live(List<Referral> referred, java.util.function.ToLongFunction<Referral> id) {
        return referred.stream()
                .filter(r -> r.state() != ReferralState.REFUSED)
                .map(r -> id.applyAsLong(r))
                .collect(Collectors.toSet());
    }
}
