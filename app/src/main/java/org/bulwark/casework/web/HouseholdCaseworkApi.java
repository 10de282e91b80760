package org.bulwark.casework.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bulwark.casework.Cases;
import org.bulwark.casework.Helpers;
import org.bulwark.casework.Monitoring;
import org.bulwark.casework.MonitoringStatus;
import org.bulwark.casework.SupportCase;
import org.bulwark.casework.SupportPlans;
import org.bulwark.casework.Visits;
import org.bulwark.core.casework.RiskEliminationAssessment;
import org.bulwark.platform.web.ApiController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** REST API of a household in casework: its whole casework file, and risk elimination with its reversal. */
@ApiController("/api/v1")
@Tag(name = "Casework")
class HouseholdCaseworkApi {

    private final Cases cases;
    private final Helpers helpers;
    private final SupportPlans plans;
    private final Visits visits;
    private final Monitoring monitoring;

    HouseholdCaseworkApi(Cases cases, Helpers helpers, SupportPlans plans, Visits visits, Monitoring monitoring) {
        this.cases = cases;
        this.helpers = helpers;
        this.plans = plans;
        this.visits = visits;
        this.monitoring = monitoring;
    }

    record Reason(String reason) {}

    @Operation(summary = "A household's monitoring status, history, helper, plan, visits and cases")
    @GetMapping("/households/{id}/casework")
    HouseholdCasework casework(@PathVariable long id) {
        return new HouseholdCasework(
                monitoring.status(id).orElse(null),
                monitoring.history(id),
                helpers.current(id).orElse(null),
                plans.measures(id),
                visits.of(id),
                cases.ofHousehold(id));
    }

    @Operation(summary = "Which risk-elimination conditions hold for a household today, with their figures")
    @GetMapping("/households/{id}/elimination-assessment")
    RiskEliminationAssessment assessment(@PathVariable long id) {
        return monitoring.assess(id);
    }

    @Operation(summary = "Propose risk elimination: opens an elimination case if every condition holds")
    @PostMapping("/households/{id}/elimination")
    SupportCase proposeElimination(@PathVariable long id, @RequestBody(required = false) Reason body) {
        return cases.proposeElimination(id, body == null ? null : body.reason());
    }

    @Operation(summary = "Reverse a risk-elimination mark (county); the household is monitored again")
    @PostMapping("/households/{id}/elimination/reversal")
    MonitoringStatus reverse(@PathVariable long id, @RequestBody Reason body) {
        return monitoring.reverse(id, body.reason());
    }
}
