package org.bulwark.casework.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bulwark.casework.CaseStatistics;
import org.bulwark.casework.CaseStepRecord;
import org.bulwark.casework.Cases;
import org.bulwark.casework.CaseworkStatistics;
import org.bulwark.casework.Declaration;
import org.bulwark.casework.DeclarationInput;
import org.bulwark.casework.DeclarationReceipt;
import org.bulwark.casework.Declarations;
import org.bulwark.casework.HelperAssignment;
import org.bulwark.casework.HelperCaseload;
import org.bulwark.casework.Helpers;
import org.bulwark.casework.MeasureInput;
import org.bulwark.casework.Monitoring;
import org.bulwark.casework.MonitoringStatus;
import org.bulwark.casework.OpenCaseInput;
import org.bulwark.casework.PlanMeasure;
import org.bulwark.casework.SupportCase;
import org.bulwark.casework.SupportPlans;
import org.bulwark.casework.VerificationInput;
import org.bulwark.casework.Visit;
import org.bulwark.casework.VisitDue;
import org.bulwark.casework.VisitInput;
import org.bulwark.casework.Visits;
import org.bulwark.core.casework.CaseKind;
import org.bulwark.core.casework.CaseStatus;
import org.bulwark.core.casework.Channel;
import org.bulwark.core.casework.Decision;
import org.bulwark.core.casework.RiskEliminationAssessment;
import org.bulwark.core.casework.RiskType;
import org.bulwark.core.casework.Step;
import org.bulwark.platform.web.ApiController;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** REST API of casework: declarations, cases and their steps, helpers, plans, visits, monitoring and figures. */
@ApiController("/api/v1")
@Tag(name = "Casework")
class CaseApi {

    private final Cases cases;
    private final Declarations declarations;
    private final Helpers helpers;
    private final SupportPlans plans;
    private final Visits visits;
    private final Monitoring monitoring;
    private final CaseworkStatistics statistics;
    private final org.bulwark.casework.CaseAttachments attachments;

    CaseApi(org.bulwark.casework.CaseAttachments attachments, Cases cases, Declarations declarations, Helpers helpers, SupportPlans plans, Visits visits,
            Monitoring monitoring, CaseworkStatistics statistics) {
        this.attachments = attachments;
        this.cases = cases;
        this.declarations = declarations;
        this.helpers = helpers;
        this.plans = plans;
        this.visits = visits;
        this.monitoring = monitoring;
        this.statistics = statistics;
    }

    record OpenCase(long householdId, Channel channel, Long sourceId, LocalDate discoveredOn, Set<RiskType> risks,
                    String note) {
    }

    record Verification(int version, boolean commitmentSigned, org.bulwark.core.casework.MonitoringType monitoringType,
                        Set<RiskType> risks, BigDecimal medicalOutOfPocket) {
    }

    record StepDecision(int version, Decision decision, String comment, Integer objections) {
    }

    record Versioned(int version, LocalDate deliveredOn, String reason, Long householdId) {
    }

    record Assign(String helper, String reason) {
    }

    record Reason(String reason) {
    }

    record CaseFile(SupportCase supportCase, List<CaseStepRecord> steps) {
    }

    // -- public: no account, rate-limited --------------------------------------------------------------------------

    @Operation(summary = "Public: declare hardship (no account); answers a receipt number to check the status with")
    @PostMapping("/public/declarations")
    DeclarationReceipt declare(@RequestBody DeclarationInput input, HttpServletRequest request) {
        return declarations.submitPublic(input, request.getRemoteAddr());
    }

    @Operation(summary = "Public: the status of a declaration by its receipt number (nothing about the person)")
    @GetMapping("/public/declarations/{receipt}")
    DeclarationReceipt receipt(@PathVariable String receipt, HttpServletRequest request) {
        return declarations.status(receipt, request.getRemoteAddr());
    }

    // -- declarations ------------------------------------------------------------------------------------------------

    @Operation(summary = "Record a declaration taken at a service window (SERVICE_WINDOW) or on the hotline (HOTLINE)")
    @PostMapping("/declarations")
    Declaration record(@RequestParam String channel, @RequestBody DeclarationInput input) {
        return declarations.record(input, channel);
    }

    @Operation(summary = "Declarations of your region, those waiting first")
    @GetMapping("/declarations")
    List<Declaration> declarations(@RequestParam(required = false) String status,
                                   @RequestParam(defaultValue = "200") int limit) {
        return declarations.list(status, Math.min(Math.max(limit, 1), 5000));
    }

    @Operation(summary = "Accept a declaration: opens the identification case of the household (householdId)")
    @PostMapping("/declarations/{id}/accept")
    SupportCase accept(@PathVariable long id, @RequestBody Versioned body) {
        if (body.householdId() == null) {
            throw org.bulwark.platform.InvalidInputException.of("householdId", "required",
                    "the registered household the declaration concerns");
        }
        return declarations.accept(id, body.version(), body.householdId());
    }

    @Operation(summary = "Decline a declaration with a reason")
    @PostMapping("/declarations/{id}/decline")
    Declaration decline(@PathVariable long id, @RequestBody Versioned body) {
        return declarations.decline(id, body.version(), body.reason());
    }

    // -- cases -------------------------------------------------------------------------------------------------------

    @Operation(summary = "Cases of your region: open first, oldest discovery first; filter by status, kind, step, overdue")
    @GetMapping("/cases")
    List<SupportCase> cases(@RequestParam(required = false) String region,
                            @RequestParam(required = false) CaseStatus status,
                            @RequestParam(required = false) CaseKind kind, @RequestParam(required = false) Step step,
                            @RequestParam(defaultValue = "false") boolean overdue,
                            @RequestParam(defaultValue = "200") int limit) {
        return cases.list(region, status, kind, step, overdue, Math.min(Math.max(limit, 1), 5000));
    }

    @Operation(summary = "Open an identification case (grassroots visit, or from a declaration or warning)")
    @PostMapping("/cases")
    SupportCase open(@RequestBody OpenCase body) {
        return cases.open(new OpenCaseInput(body.householdId(), body.channel(), body.sourceId(), body.discoveredOn(),
                body.risks(), body.note()));
    }

    @Operation(summary = "A case with the decisions taken on it")
    @GetMapping("/cases/{id}")
    CaseFile get(@PathVariable long id) {
        return new CaseFile(cases.get(id), cases.steps(id));
    }

    @Operation(summary = "Record home verification: the signed commitment, monitoring type, risk types, medical cost")
    @PostMapping("/cases/{id}/verification")
    SupportCase verify(@PathVariable long id, @RequestBody Verification body) {
        return cases.recordVerification(id, body.version(), new VerificationInput(body.commitmentSigned(),
                body.monitoringType(), body.risks(), body.medicalOutOfPocket()));
    }

    @Operation(summary = "Decide the current step: PASS moves the case on (or approves it), REJECT ends it (comment required)")
    @PostMapping("/cases/{id}/decision")
    SupportCase decide(@PathVariable long id, @RequestBody StepDecision body) {
        return cases.decide(id, body.version(), body.decision(), body.comment(), body.objections());
    }

    @Operation(summary = "Keep a photo (JPEG, PNG) or scanned form (PDF) with the case's current step")
    @PostMapping(path = "/cases/{id}/attachments", consumes = "multipart/form-data")
    org.bulwark.casework.CaseAttachment attach(@PathVariable long id,
            @RequestParam("file") org.springframework.web.multipart.MultipartFile file) throws java.io.IOException {
        return attachments.add(id, file.getOriginalFilename(), file.getBytes());
    }

    @Operation(summary = "The attachments of a case")
    @GetMapping("/cases/{id}/attachments")
    List<org.bulwark.casework.CaseAttachment> attachmentsOf(@PathVariable long id) {
        return attachments.of(id);
    }

    @Operation(summary = "Download an attachment (audited)")
    @GetMapping("/case-attachments/{id}")
    org.springframework.http.ResponseEntity<byte[]> download(@PathVariable long id) {
        var content = attachments.download(id);
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(content.contentType()))
                .body(content.bytes());
    }

    // -- households in casework --------------------------------------------------------------------------------------

    @Operation(summary = "A household's monitoring status, history, helper, plan, visits and cases")
    @GetMapping("/households/{id}/casework")
    Map<String, Object> casework(@PathVariable long id) {
        return Map.of("status", monitoring.status(id).map(s -> (Object) s).orElse("NONE"),
                "history", monitoring.history(id), "helper", helpers.current(id).map(h -> (Object) h).orElse("NONE"),
                "plan", plans.measures(id), "visits", visits.of(id), "cases", cases.ofHousehold(id));
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

    @Operation(summary = "Assign the household's designated helper (the previous assignment ends today)")
    @PostMapping("/households/{id}/helper")
    HelperAssignment assign(@PathVariable long id, @RequestBody Assign body) {
        return helpers.assign(id, body.helper(), body.reason());
    }

    @Operation(summary = "Helpers of your region with their households and overdue visits")
    @GetMapping("/helpers/caseloads")
    List<HelperCaseload> caseloads() {
        return helpers.caseloads();
    }

    @Operation(summary = "Add a measure to the household's plan")
    @PostMapping("/households/{id}/plan/measures")
    PlanMeasure addMeasure(@PathVariable long id, @RequestBody MeasureInput body) {
        return plans.add(id, body);
    }

    @Operation(summary = "Record a measure as delivered")
    @PostMapping("/plan/measures/{id}/delivery")
    PlanMeasure deliver(@PathVariable long id, @RequestBody Versioned body) {
        return plans.deliver(id, body.version(), body.deliveredOn());
    }

    @Operation(summary = "Cancel a measure")
    @PostMapping("/plan/measures/{id}/cancellation")
    PlanMeasure cancel(@PathVariable long id, @RequestBody Versioned body) {
        return plans.cancel(id, body.version());
    }

    @Operation(summary = "Record a visit; the client gives it an id, so sending it twice stores it once")
    @PostMapping("/visits")
    Visit visit(@RequestBody VisitInput body) {
        return visits.record(body);
    }

    @Operation(summary = "Households due a visit (a helper: their own), overdue first")
    @GetMapping("/visits/due")
    List<VisitDue> due(@RequestParam(defaultValue = "false") boolean overdue,
                       @RequestParam(defaultValue = "200") int limit) {
        return visits.due(overdue, Math.min(Math.max(limit, 1), 5000));
    }

    @Operation(summary = "Casework figures of a region (default: yours) for a period (default: all time)")
    @GetMapping("/casework/statistics")
    CaseStatistics statistics(@RequestParam(required = false) String region,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return statistics.of(region, from, to);
    }
}
