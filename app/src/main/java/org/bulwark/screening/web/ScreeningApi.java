package org.bulwark.screening.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.bulwark.platform.web.ApiController;
import org.bulwark.screening.RuleBook;
import org.bulwark.screening.RunReport;
import org.bulwark.screening.ScreeningRuns;
import org.bulwark.screening.Warning;
import org.bulwark.screening.Warnings;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** REST API for screening runs and the warning lifecycle. */
@ApiController("/api/v1")
@Tag(name = "Screening and warnings")
class ScreeningApi {

    private final ScreeningRuns runs;
    private final RuleBook ruleBook;
    private final Warnings warnings;

    ScreeningApi(ScreeningRuns runs, RuleBook ruleBook, Warnings warnings) {
        this.runs = runs;
        this.ruleBook = ruleBook;
        this.warnings = warnings;
    }

    /** Confirming a warning; {@code version} is the one read. */
    record Confirmation(int version, String note) {}

    /** Dismissing a warning, with the reason; {@code version} is the one read. */
    record Dismissal(int version, String reason) {}

    @Operation(summary = "Run a full screening of a region (default: yours) as of a date (default: today)")
    @PostMapping("/screening/runs")
    RunReport run(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return runs.full(region, asOf);
    }

    @Operation(summary = "Shadow run: what a draft rule file (YAML body) would flag, without raising warnings")
    @PostMapping(
            path = "/screening/shadow",
            consumes = {"application/yaml", "text/plain"})
    RunReport shadow(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestBody String draft) {
        return runs.shadow(region, asOf, RuleBook.draft(draft, "draft"));
    }

    @Operation(summary = "Warnings of your region, most urgent first (status OPEN, CONFIRMED or DISMISSED)")
    @GetMapping("/warnings")
    List<Warning> list(
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) String region,
            @RequestParam(defaultValue = "200") int limit) {
        return warnings.list(status, overdue, region, Math.min(Math.max(limit, 1), 5000));
    }

    @Operation(summary = "A warning with its evidence")
    @GetMapping("/warnings/{id}")
    Warning warning(@PathVariable long id) {
        return warnings.get(id);
    }

    @Operation(summary = "Confirm a warning: the risk is real, identification can start")
    @PostMapping("/warnings/{id}/confirm")
    Warning confirm(@PathVariable long id, @RequestBody Confirmation decision) {
        return warnings.confirm(id, decision.version(), decision.note());
    }

    @Operation(summary = "Dismiss a warning with a reason")
    @PostMapping("/warnings/{id}/dismiss")
    Warning dismiss(@PathVariable long id, @RequestBody Dismissal decision) {
        return warnings.dismiss(id, decision.version(), decision.reason());
    }
}
