package org.bulwark.employment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.bulwark.core.employment.MatchReasonKind;
import org.bulwark.core.employment.Reach;
import org.bulwark.employment.JobMatches;
import org.bulwark.employment.LabourerListing;
import org.bulwark.employment.LostWork;
import org.bulwark.employment.MatchWords;
import org.bulwark.employment.Posting;
import org.bulwark.employment.Referral;
import org.bulwark.employment.ReferralChange;
import org.bulwark.employment.ReferralMove;
import org.bulwark.employment.ReferralState;
import org.bulwark.employment.Referrals;
import org.bulwark.platform.web.ApiController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * REST API of matching and referrals: the postings that fit a labourer and the labourers that fit a posting, each with
 * its reasons as kinds and as sentences in the caller's language; referrals made, moved and listed in the caller's
 * region.
 */
@ApiController("/api/v1/employment")
@Tag(name = "Employment")
class MatchApi {

    /** One reason: its kind (stable, for machines) and its sentence (for people). */
    record Reason(MatchReasonKind kind, String text) {}

    /** A posting that fits a labourer. */
    record PostingFit(Posting posting, Reach reach, List<Reason> reasons) {}

    /** A labourer that fits a posting. */
    record LabourerFit(LabourerListing labourer, Reach reach, List<Reason> reasons) {}

    /** A labourer to refer to a posting. */
    record NewReferral(long personId, long postingId) {}

    private final JobMatches matches;
    private final Referrals referrals;
    private final LostWork lostWork;
    private final MatchWords words;

    MatchApi(JobMatches matches, Referrals referrals, LostWork lostWork, MatchWords words) {
        this.matches = matches;
        this.referrals = referrals;
        this.lostWork = lostWork;
        this.words = words;
    }

    @Operation(summary = "Labourers of the caller's region who lost work in the last 90 days, latest first")
    @GetMapping("/lost-work")
    List<LostWork.Lost> lostWork() {
        return lostWork.lately();
    }

    @Operation(summary = "The postings that fit a labourer, best first, with the reasons")
    @GetMapping("/labourers/{personId}/matches")
    List<PostingFit> postingsFor(@PathVariable long personId, Locale locale) {
        return matches.forLabourer(personId).stream()
                .map(m -> new PostingFit(m.posting(), m.reach(), reasons(m.reasons(), locale)))
                .toList();
    }

    @Operation(summary = "The labourers of the caller's region that fit a posting, best first, with the reasons")
    @GetMapping("/postings/{id}/matches")
    List<LabourerFit> labourersFor(@PathVariable long id, Locale locale) {
        return matches.forPosting(id).stream()
                .map(m -> new LabourerFit(m.labourer(), m.reach(), reasons(m.reasons(), locale)))
                .toList();
    }

    @Operation(summary = "Referrals of the caller's region, newest first")
    @GetMapping("/referrals")
    List<Referral> referrals(
            @RequestParam(required = false) Long personId,
            @RequestParam(required = false) Long householdId,
            @RequestParam(required = false) Long postingId,
            @RequestParam(required = false) ReferralState state) {
        return referrals.search(personId, householdId, postingId, state);
    }

    @Operation(summary = "One referral")
    @GetMapping("/referrals/{id}")
    Referral referral(@PathVariable long id) {
        return referrals.referral(id);
    }

    @Operation(summary = "The states a referral took, newest first")
    @GetMapping("/referrals/{id}/history")
    List<ReferralChange> history(@PathVariable long id) {
        return referrals.history(id);
    }

    @Operation(summary = "Refer a labourer to a posting that fits them (state PROPOSED)")
    @PostMapping("/referrals")
    @ResponseStatus(HttpStatus.CREATED)
    Referral propose(@RequestBody NewReferral body) {
        return referrals.propose(body.personId(), body.postingId());
    }

    @Operation(summary = "Move a referral on: CONTACTED, INTERVIEWED, HIRED, or REFUSED with a reason")
    @PostMapping("/referrals/{id}/state")
    Referral move(@PathVariable long id, @RequestBody ReferralMove body) {
        return referrals.move(id, body);
    }

    private List<Reason> reasons(List<org.bulwark.core.employment.MatchReason> reasons, Locale locale) {
        return reasons.stream()
                .map(r -> new Reason(r.kind(), words.sentence(r, locale)))
                .toList();
    }
}
