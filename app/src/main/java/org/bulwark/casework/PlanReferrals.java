package org.bulwark.casework;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bulwark.core.casework.MeasureCategory;
import org.bulwark.core.casework.Refusal;
import org.bulwark.employment.Referral;
import org.bulwark.employment.Referrals;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the plan's employment measures are carried out: an employment measure links to the referral of one of the
 * household's labourers to a posting (docs/employment.md, "Support plans and referrals"). The link is kept by the
 * employment module on the referral, recorded through its API ({@link Referrals#linkToMeasure}): casework depends on
 * employment, never the reverse, and neither reads the other's tables.
 */
@Service
@Transactional
public class PlanReferrals {

    private final SupportPlans plans;
    private final Referrals referrals;
    private final CurrentUser currentUser;
    private final CaseworkMessages messages;

    PlanReferrals(SupportPlans plans, Referrals referrals, CurrentUser currentUser, CaseworkMessages messages) {
        this.plans = plans;
        this.referrals = referrals;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    /** The household's referrals that carry out a measure of its plan, by the measure's id. */
    @Transactional(readOnly = true)
    public Map<Long, Referral> byMeasure(long householdId) {
        return referrals.search(null, householdId, null, null).stream()
                .filter(r -> r.planMeasureId() != null)
                .collect(Collectors.toMap(Referral::planMeasureId, Function.identity(), (a, b) -> a));
    }

    /**
     * Links an employment measure to a referral of its household's labourers, or to none ({@code referralId} null);
     * a cancelled measure carries out nothing. Gives the referral now linked, if any.
     */
    public Optional<Referral> link(long measureId, Long referralId) {
        currentUser.requirePermission(Role.Permission.EDIT_PLANS);
        PlanMeasure measure = plans.measure(measureId);
        if (measure.category() != MeasureCategory.EMPLOYMENT) {
            throw messages.refused("referralId", List.of(Refusal.of("referral_needs_employment_measure")));
        }
        if (measure.status() == MeasureStatus.CANCELLED && referralId != null) {
            throw messages.refused("referralId", List.of(Refusal.of("referral_to_cancelled_measure")));
        }
        if (referralId != null) {
            return Optional.of(referrals.linkToMeasure(referralId, measure.householdId(), measureId));
        }
        Referral linked = byMeasure(measure.householdId()).get(measureId);
        if (linked != null) {
            referrals.linkToMeasure(linked.id(), measure.householdId(), null);
        }
        return Optional.empty();
    }
}
