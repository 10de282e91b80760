package org.bulwark.casework.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.bulwark.casework.Cases;
import org.bulwark.casework.Helpers;
import org.bulwark.casework.MeasureInput;
import org.bulwark.casework.Monitoring;
import org.bulwark.casework.MonitoringPeriods;
import org.bulwark.casework.MonitoringStatus;
import org.bulwark.casework.OpenCaseInput;
import org.bulwark.casework.PlanDepartments;
import org.bulwark.casework.PlanReferrals;
import org.bulwark.casework.SupportPlans;
import org.bulwark.casework.VisitInput;
import org.bulwark.casework.Visits;
import org.bulwark.core.casework.Channel;
import org.bulwark.core.casework.MeasureCategory;
import org.bulwark.core.casework.RiskType;
import org.bulwark.employment.Referrals;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.registry.Registry;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A household's casework on one page: its monitoring status and history, its helper, its plan, its visits, its cases,
 * and the risk-elimination assessment; each form posts here and comes back with what was typed when refused.
 */
@Controller
class HouseholdCaseworkPages {

    private final Registry registry;
    private final Cases cases;
    private final Monitoring monitoring;
    private final Helpers helpers;
    private final SupportPlans plans;
    private final Visits visits;
    private final CurrentUser currentUser;
    private final PlanDepartments planDepartments;
    private final Referrals referrals;
    private final PlanReferrals planReferrals;
    private final MessageSource messages;
    private final Clock clock;
    private final MonitoringPeriods periods;

    HouseholdCaseworkPages(
            MonitoringPeriods periods,
            Registry registry,
            Cases cases,
            Monitoring monitoring,
            Helpers helpers,
            SupportPlans plans,
            Visits visits,
            CurrentUser currentUser,
            PlanDepartments planDepartments,
            MessageSource messages,
            Clock clock,
            Referrals referrals,
            PlanReferrals planReferrals) {
        this.referrals = referrals;
        this.planReferrals = planReferrals;
        this.planDepartments = planDepartments;
        this.periods = periods;
        this.registry = registry;
        this.cases = cases;
        this.monitoring = monitoring;
        this.helpers = helpers;
        this.plans = plans;
        this.visits = visits;
        this.currentUser = currentUser;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/households/{id}/casework")
    String page(@PathVariable long id, Model model, Locale locale) {
        var file = registry.file(id);
        BulwarkUser user = currentUser.require();
        MonitoringStatus status = monitoring.status(id).orElse(null);
        var open = cases.openCaseOf(id).orElse(null);
        model.addAttribute("file", file);
        model.addAttribute("headName", file.head().map(p -> p.name()).orElse(""));
        model.addAttribute("status", status);
        model.addAttribute("history", monitoring.history(id));
        // the current monitoring period's helper, plan and visits; earlier periods apart (issue 14, item 11)
        MonitoringPeriods.Periods all = periods.of(id);
        model.addAttribute("helper", helpers.current(id).orElse(null));
        model.addAttribute("helperHistory", all.helperHistory());
        model.addAttribute("measures", all.measures());
        // how the plan's employment measures are carried out: the household's referrals, kept by employment
        model.addAttribute("referrals", referrals.search(null, id, null, null));
        model.addAttribute("measureReferrals", planReferrals.byMeasure(id));
        model.addAttribute("householdRisks", plans.risksOf(id));
        model.addAttribute("visits", all.visits());
        model.addAttribute("period", all.current().orElse(null));
        model.addAttribute("earlierPeriods", all.earlier());
        model.addAttribute("cases", cases.ofHousehold(id));
        model.addAttribute("openCase", open);
        model.addAttribute("assessment", status != null && status.monitored() ? monitoring.assess(id) : null);
        boolean inCasework = status != null || open != null;
        model.addAttribute("inCasework", inCasework);
        model.addAttribute(
                "canOpen",
                open == null && (status == null || !status.monitored()) && user.can(Role.Permission.HANDLE_CASES));
        model.addAttribute("canAssign", inCasework && user.can(Role.Permission.ASSIGN_HELPERS));
        model.addAttribute(
                "candidates",
                inCasework && user.can(Role.Permission.ASSIGN_HELPERS)
                        ? helpers.candidates(file.household().villageCode())
                        : List.of());
        model.addAttribute("canPlan", inCasework && user.can(Role.Permission.EDIT_PLANS));
        // English names for an English page; the measure still keeps the Chinese name (resolve takes either)
        model.addAttribute("departments", planDepartments.names(locale));
        model.addAttribute("planDepartments", planDepartments);
        model.addAttribute("canVisit", inCasework && user.can(Role.Permission.RECORD_VISITS));
        model.addAttribute(
                "canPropose",
                status != null && status.monitored() && open == null && user.can(Role.Permission.HANDLE_CASES));
        model.addAttribute(
                "canReverse", status != null && status.eliminated() && user.can(Role.Permission.REVERSE_ELIMINATION));
        model.addAttribute("riskTypes", RiskType.values());
        model.addAttribute("categories", MeasureCategory.values());
        model.addAttribute("today", LocalDate.now(clock));
        if (!model.containsAttribute("visitId")) {
            // the phone keeps this id with the draft, so a visit sent twice on a weak signal is stored once
            model.addAttribute("visitId", UUID.randomUUID());
        }
        return "cases/household";
    }

    @PostMapping("/households/{id}/casework/open")
    String open(
            @PathVariable long id,
            @RequestParam(required = false) Set<RiskType> risks,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate discoveredOn,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect,
            Locale locale) {
        Long[] opened = new Long[1];
        List<String> errors = PageErrors.attempt(
                () -> opened[0] = cases.open(new OpenCaseInput(
                                id,
                                Channel.GRASSROOTS_VISIT,
                                null,
                                discoveredOn,
                                risks == null ? Set.of() : EnumSet.copyOf(risks),
                                note))
                        .id(),
                messages,
                locale);
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, locale));
            return "redirect:/cases/" + opened[0];
        }
        return back(id, errors, redirect, locale);
    }

    @PostMapping("/households/{id}/casework/helper")
    String assign(
            @PathVariable long id,
            @RequestParam(required = false) String helper,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect,
            Locale locale) {
        return back(
                id, PageErrors.attempt(() -> helpers.assign(id, helper, reason), messages, locale), redirect, locale);
    }

    @PostMapping("/households/{id}/casework/measures")
    String addMeasure(
            @PathVariable long id,
            @RequestParam(required = false) MeasureCategory category,
            @RequestParam(required = false) RiskType riskType,
            @RequestParam(required = false) String department,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) BigDecimal amount,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
            RedirectAttributes redirect,
            Locale locale) {
        MeasureInput input = new MeasureInput(category, riskType, department, description, amount, startsOn, endsOn);
        List<String> errors = PageErrors.attempt(() -> plans.add(id, input), messages, locale);
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("measureDraft", input);
        }
        return back(id, errors, redirect, locale);
    }

    @PostMapping("/households/{id}/casework/measures/{measure}/delivery")
    String deliver(
            @PathVariable long id,
            @PathVariable long measure,
            @RequestParam int version,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deliveredOn,
            RedirectAttributes redirect,
            Locale locale) {
        return back(
                id,
                PageErrors.attempt(() -> plans.deliver(measure, version, deliveredOn), messages, locale),
                redirect,
                locale);
    }

    /** Links an employment measure to the referral that carries it out, or to none (an empty choice). */
    @PostMapping("/households/{id}/casework/measures/{measure}/referral")
    String linkReferral(
            @PathVariable long id,
            @PathVariable long measure,
            @RequestParam(required = false) Long referralId,
            RedirectAttributes redirect,
            Locale locale) {
        return back(
                id,
                PageErrors.attempt(() -> planReferrals.link(measure, referralId), messages, locale),
                redirect,
                locale);
    }

    @PostMapping("/households/{id}/casework/measures/{measure}/cancellation")
    String cancel(
            @PathVariable long id,
            @PathVariable long measure,
            @RequestParam int version,
            RedirectAttributes redirect,
            Locale locale) {
        return back(id, PageErrors.attempt(() -> plans.cancel(measure, version), messages, locale), redirect, locale);
    }

    @PostMapping("/households/{id}/casework/visits")
    String visit(
            @PathVariable long id,
            @RequestParam UUID visitId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitedOn,
            @RequestParam(required = false) String findings,
            @RequestParam(required = false) BigDecimal perCapitaIncome,
            @RequestParam(required = false) String circumstances,
            RedirectAttributes redirect,
            Locale locale) {
        VisitInput input = new VisitInput(visitId, id, visitedOn, findings, perCapitaIncome, circumstances);
        List<String> errors = PageErrors.attempt(() -> visits.record(input), messages, locale);
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("visitDraft", input);
            redirect.addFlashAttribute("visitId", visitId);
        }
        return back(id, errors, redirect, locale);
    }

    @PostMapping("/households/{id}/casework/elimination")
    String propose(
            @PathVariable long id,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect,
            Locale locale) {
        Long[] opened = new Long[1];
        List<String> errors = PageErrors.attempt(
                () -> opened[0] = cases.proposeElimination(id, note).id(), messages, locale);
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, locale));
            return "redirect:/cases/" + opened[0];
        }
        return back(id, errors, redirect, locale);
    }

    @PostMapping("/households/{id}/casework/reversal")
    String reverse(
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect,
            Locale locale) {
        return back(id, PageErrors.attempt(() -> monitoring.reverse(id, reason), messages, locale), redirect, locale);
    }

    private String back(long id, List<String> errors, RedirectAttributes redirect, Locale locale) {
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, locale));
        } else {
            redirect.addFlashAttribute("errors", errors);
        }
        return "redirect:/households/" + id + "/casework";
    }
}
