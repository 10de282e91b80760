package org.bulwark.casework.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.bulwark.casework.MeasureInput;
import org.bulwark.casework.PlanMeasure;
import org.bulwark.casework.PlanReferrals;
import org.bulwark.casework.SupportPlans;
import org.bulwark.employment.Referral;
import org.bulwark.platform.web.ApiController;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** REST API of a household's support plan: adding, delivering and cancelling measures, linking referrals. */
@ApiController("/api/v1")
@Tag(name = "Casework")
class PlanApi {

    private final SupportPlans plans;
    private final PlanReferrals planReferrals;

    PlanApi(SupportPlans plans, PlanReferrals planReferrals) {
        this.plans = plans;
        this.planReferrals = planReferrals;
    }

    record Delivery(int version, LocalDate deliveredOn) {}

    record Cancellation(int version) {}

    /** The referral carrying out an employment measure; null for none. */
    record ReferralLink(Long referralId) {}

    @Operation(summary = "Add a measure to the household's plan")
    @PostMapping("/households/{id}/plan/measures")
    PlanMeasure addMeasure(@PathVariable long id, @RequestBody MeasureInput body) {
        return plans.add(id, body);
    }

    @Operation(summary = "Record a measure as delivered")
    @PostMapping("/plan/measures/{id}/delivery")
    PlanMeasure deliver(@PathVariable long id, @RequestBody Delivery body) {
        return plans.deliver(id, body.version(), body.deliveredOn());
    }

    @Operation(
            summary = "Link an employment measure to the referral that carries it out",
            description = "The referral must be of a labourer of the measure's household; a null referralId unlinks."
                    + " Gives the referral now linked, or nothing.")
    @PostMapping("/plan/measures/{id}/referral")
    Referral linkReferral(@PathVariable long id, @RequestBody ReferralLink body) {
        return planReferrals.link(id, body.referralId()).orElse(null);
    }

    @Operation(summary = "Cancel a measure")
    @PostMapping("/plan/measures/{id}/cancellation")
    PlanMeasure cancel(@PathVariable long id, @RequestBody Cancellation body) {
        return plans.cancel(id, body.version());
    }
}
