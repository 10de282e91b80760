package org.bulwark.casework.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.bulwark.casework.MeasureInput;
import org.bulwark.casework.PlanMeasure;
import org.bulwark.casework.SupportPlans;
import org.bulwark.platform.web.ApiController;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** REST API of a household's support plan: adding, delivering and cancelling measures. */
@ApiController("/api/v1")
@Tag(name = "Casework")
class PlanApi {

    private final SupportPlans plans;

    PlanApi(SupportPlans plans) {
        this.plans = plans;
    }

    record Delivery(int version, LocalDate deliveredOn) {}

    record Cancellation(int version) {}

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

    @Operation(summary = "Cancel a measure")
    @PostMapping("/plan/measures/{id}/cancellation")
    PlanMeasure cancel(@PathVariable long id, @RequestBody Cancellation body) {
        return plans.cancel(id, body.version());
    }
}
