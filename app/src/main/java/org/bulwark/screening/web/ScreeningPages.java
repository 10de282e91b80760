package org.bulwark.screening.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.screening.RuleBook;
import org.bulwark.screening.RunReport;
import org.bulwark.screening.ScreeningRuns;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The screening page: run the active rules over the region, or try draft rules in shadow mode. */
@Controller
class ScreeningPages {

    private final ScreeningRuns runs;
    private final RuleBook ruleBook;
    private final CurrentUser currentUser;

    ScreeningPages(ScreeningRuns runs, RuleBook ruleBook, CurrentUser currentUser) {
        this.runs = runs;
        this.ruleBook = ruleBook;
        this.currentUser = currentUser;
    }

    @GetMapping("/screening")
    String page(Model model) throws IOException {
        currentUser.requirePermission(Role.Permission.RUN_SCREENING);
        model.addAttribute("rules", ruleBook.active().rules());
        model.addAttribute("version", ruleBook.active().version());
        model.addAttribute("draft", defaultRules());
        return "screening/page";
    }

    @PostMapping("/screening/run")
    String run(@RequestParam(required = false) String region,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
               Model model) throws IOException {
        RunReport report = runs.full(region, asOf);
        model.addAttribute("report", report);
        return page(model);
    }

    @PostMapping("/screening/shadow")
    String shadow(@RequestParam(required = false) String region,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                  @RequestParam String draft, Model model) throws IOException {
        try {
            RunReport active = runs.shadow(region, asOf, ruleBook.active());
            RunReport proposed = runs.shadow(region, asOf, RuleBook.draft(draft, "draft"));
            model.addAttribute("shadowActive", active);
            model.addAttribute("shadowDraft", proposed);
        } catch (InvalidInputException e) {
            model.addAttribute("draftError", e.problems().get(0).message());
        }
        page(model);
        model.addAttribute("draft", draft);
        return "screening/page";
    }

    private static String defaultRules() throws IOException {
        try (InputStream in = ScreeningPages.class.getClassLoader().getResourceAsStream("screening/rules.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
