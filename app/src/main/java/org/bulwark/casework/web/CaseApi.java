package org.bulwark.casework.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.bulwark.casework.CaseStepRecord;
import org.bulwark.casework.Cases;
import org.bulwark.casework.OpenCaseInput;
import org.bulwark.casework.SupportCase;
import org.bulwark.casework.VerificationInput;
import org.bulwark.core.casework.CaseKind;
import org.bulwark.core.casework.CaseStatus;
import org.bulwark.core.casework.Channel;
import org.bulwark.core.casework.Decision;
import org.bulwark.core.casework.MonitoringType;
import org.bulwark.core.casework.RiskType;
import org.bulwark.core.casework.Step;
import org.bulwark.platform.web.ApiController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** REST API of cases: the list, opening one, a case with its decisions, home verification and the step decisions. */
@ApiController("/api/v1")
@Tag(name = "Casework")
class CaseApi {

    private final Cases cases;

    CaseApi(Cases cases) {
        this.cases = cases;
    }

    record OpenCase(
            long householdId,
            Channel channel,
            Long sourceId,
            LocalDate discoveredOn,
            Set<RiskType> risks,
            String note) {}

    record Verification(
            int version,
            boolean commitmentSigned,
            MonitoringType monitoringType,
            Set<RiskType> risks,
            BigDecimal medicalOutOfPocket) {}

    record StepDecision(int version, Decision decision, String comment, Integer objections) {}

    record CaseFile(SupportCase supportCase, List<CaseStepRecord> steps) {}

    @Operation(
            summary = "Cases of your region: open first, oldest discovery first; filter by status, kind, step, overdue")
    @GetMapping("/cases")
    List<SupportCase> cases(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) CaseKind kind,
            @RequestParam(required = false) Step step,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "200") int limit) {
        return cases.list(region, status, kind, step, overdue, Limits.clamp(limit));
    }

    @Operation(summary = "Open an identification case (grassroots visit, or from a declaration or warning)")
    @PostMapping("/cases")
    SupportCase open(@RequestBody OpenCase body) {
        return cases.open(new OpenCaseInput(
                body.householdId(), body.channel(), body.sourceId(), body.discoveredOn(), body.risks(), body.note()));
    }

    @Operation(summary = "A case with the decisions taken on it")
    @GetMapping("/cases/{id}")
    CaseFile get(@PathVariable long id) {
        return new CaseFile(cases.get(id), cases.steps(id));
    }

    @Operation(summary = "Record home verification: the signed commitment, monitoring type, risk types, medical cost")
    @PostMapping("/cases/{id}/verification")
    SupportCase verify(@PathVariable long id, @RequestBody Verification body) {
        return cases.recordVerification(
                id,
                body.version(),
                new VerificationInput(
                        body.commitmentSigned(), body.monitoringType(), body.risks(), body.medicalOutOfPocket()));
    }

    @Operation(
            summary =
                    "Decide the current step: PASS moves the case on (or approves it), REJECT ends it (comment required)")
    @PostMapping("/cases/{id}/decision")
    SupportCase decide(@PathVariable long id, @RequestBody StepDecision body) {
        return cases.decide(id, body.version(), body.decision(), body.comment(), body.objections());
    }
}
