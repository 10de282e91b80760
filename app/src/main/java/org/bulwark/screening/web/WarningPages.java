package org.bulwark.screening.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bulwark.employment.JobMatches;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.ConflictException;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.web.PersonalDataMask;
import org.bulwark.screening.Warning;
import org.bulwark.screening.WarningCases;
import org.bulwark.screening.WarningExplanation;
import org.bulwark.screening.WarningExplanations;
import org.bulwark.screening.Warnings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Pages to list the region's warnings, read one with its evidence, and confirm or dismiss it. */
@Controller
class WarningPages {

    /** The risk type of EMP-01 and any other rule on unemployment (rules.yaml {@code risk_type}). */
    private static final String UNSTABLE_EMPLOYMENT = "unstable_employment";

    private final Warnings warnings;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final PersonalDataMask mask;
    private final WarningExplanations explanations;
    private final WarningCases cases;
    private final JobMatches jobMatches;

    WarningPages(
            Warnings warnings,
            CurrentUser currentUser,
            MessageSource messages,
            PersonalDataMask mask,
            WarningExplanations explanations,
            ObjectProvider<WarningCases> cases,
            JobMatches jobMatches) {
        this.warnings = warnings;
        this.currentUser = currentUser;
        this.messages = messages;
        this.mask = mask;
        this.explanations = explanations;
        // casework answers which case a warning led to; without it (a platform without casework) none
        this.cases = cases.getIfAvailable(() -> list -> Map.of());
        this.jobMatches = jobMatches;
    }

    /** Warnings a page: enough to work through in a sitting, few enough for a phone to show at once. */
    static final int PAGE_SIZE = 50;

    @GetMapping("/warnings")
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) String region,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        int shown = Math.max(page, 0);
        // one more than a page tells whether there is a next one
        List<Warning> fetched = warnings.list(
                status == null ? "OPEN" : status, overdue, region, PAGE_SIZE + 1, (long) shown * PAGE_SIZE);
        List<Warning> list = fetched.subList(0, Math.min(fetched.size(), PAGE_SIZE));
        model.addAttribute("warnings", list);
        model.addAttribute("page", shown);
        model.addAttribute("more", fetched.size() > PAGE_SIZE);
        // the pager's links keep the filter; a region only when one was asked for
        UriComponentsBuilder pager = UriComponentsBuilder.fromPath("/warnings")
                .queryParam("status", status == null ? "OPEN" : status)
                .queryParam("overdue", overdue);
        if (region != null && !region.isBlank()) {
            pager.queryParam("region", region.strip());
        }
        model.addAttribute("pager", pager.encode().build().toUriString());
        model.addAttribute("summaries", explanations.summaries(list));
        model.addAttribute("caseLinks", cases.of(list));
        model.addAttribute("counts", warnings.counts());
        model.addAttribute("status", status == null ? "OPEN" : status);
        model.addAttribute("overdue", overdue);
        return "warnings/list";
    }

    @GetMapping("/warnings/{id}")
    String warning(@PathVariable long id, Model model) {
        Warning warning = warnings.get(id);
        model.addAttribute("warning", warning);
        model.addAttribute("maskedId", mask.id(warning.idNumber()));
        WarningExplanation evidence = explanations.explain(warning);
        model.addAttribute("evidence", evidence);
        model.addAttribute("jobMatches", evidence == null ? List.of() : jobMatches(warning));
        model.addAttribute("caseLink", cases.of(List.of(warning)).get(warning.id()));
        model.addAttribute("canVerify", currentUser.require().can(Role.Permission.VERIFY_WARNINGS));
        return "warnings/warning";
    }

    // unemployment (EMP-01) is best answered with work: the postings that fit the household's labourers out of work
    private List<JobMatches.UnemployedMatches> jobMatches(Warning warning) {
        if (!UNSTABLE_EMPLOYMENT.equals(warning.riskType()) || warning.householdId() == null) {
            return List.of();
        }
        return jobMatches.forUnemployedOf(warning.householdId());
    }

    @PostMapping("/warnings/{id}/confirm")
    String confirm(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect,
            Locale locale) {
        return verify(id, redirect, locale, () -> warnings.confirm(id, version, note));
    }

    @PostMapping("/warnings/{id}/dismiss")
    String dismiss(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect,
            Locale locale) {
        return verify(id, redirect, locale, () -> warnings.dismiss(id, version, reason));
    }

    private String verify(long id, RedirectAttributes redirect, Locale locale, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("verifyError", messages.getMessage("warning.reasonRequired", null, locale));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("verifyError", e.getMessage());
        }
        return "redirect:/warnings/" + id;
    }
}
