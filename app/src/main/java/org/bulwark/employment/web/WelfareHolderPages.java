package org.bulwark.employment.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.bulwark.employment.WelfareAllocations;
import org.bulwark.employment.WelfareHolder;
import org.bulwark.employment.WelfareJobs;
import org.bulwark.employment.WelfareTerms;
import org.bulwark.platform.ConflictException;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
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
 * Giving a post's places and following their terms on pages: the proposal of holders with their reasons, which the
 * officer confirms; the holders whose term ends within 30 days, renewed in place (htmx) or ended; a holder's history.
 */
@Controller
class WelfareHolderPages {

    private final WelfareJobs jobs;
    private final WelfareAllocations allocations;
    private final WelfareTerms terms;
    private final MessageSource messages;

    WelfareHolderPages(WelfareJobs jobs, WelfareAllocations allocations, WelfareTerms terms, MessageSource messages) {
        this.jobs = jobs;
        this.allocations = allocations;
        this.terms = terms;
        this.messages = messages;
    }

    @GetMapping("/employment/welfare/{id}/allocate")
    String proposal(@PathVariable long id, Model model) {
        model.addAttribute("proposal", allocations.propose(id));
        return "employment/welfare-allocate";
    }

    @PostMapping("/employment/welfare/{id}/allocate")
    String confirm(
            @PathVariable long id,
            @RequestParam(required = false) List<Long> personIds,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            List<WelfareHolder> given = allocations.confirm(id, personIds);
            redirect.addFlashAttribute(
                    "flash", messages.getMessage("employment.welfare.confirmed", new Object[] {given.size()}, locale));
            return "redirect:/employment/welfare/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute(
                    "welfareErrors",
                    e.problems().stream().map(FieldProblem::message).toList());
            return proposal(id, model);
        }
    }

    @GetMapping("/employment/welfare/ending")
    String ending(Model model) {
        model.addAttribute("holders", jobs.ending());
        return "employment/welfare-ending";
    }

    @GetMapping("/employment/welfare/holders/{id}")
    String holder(@PathVariable long id, Model model) {
        WelfareHolder holder = jobs.holder(id);
        model.addAttribute("holder", holder);
        model.addAttribute("post", jobs.post(holder.postId()));
        model.addAttribute("history", jobs.history(id));
        return "employment/welfare-holder";
    }

    /** A renewal from a row of a list: htmx swaps the row for the renewed one (or the row with the reason). */
    @PostMapping(path = "/employment/welfare/holders/{id}/renew", headers = "HX-Request=true")
    String renewInPlace(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate termTo,
            @RequestParam int version,
            Model model) {
        try {
            model.addAttribute("h", terms.renew(id, new WelfareTerms.Renewal(termTo, version)));
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("h", jobs.holder(id));
            model.addAttribute("rowError", message(e));
        }
        return "employment/welfare-ending :: row";
    }

    @PostMapping("/employment/welfare/holders/{id}/renew")
    String renew(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate termTo,
            @RequestParam int version,
            RedirectAttributes redirect,
            Locale locale) {
        return act(
                () -> terms.renew(id, new WelfareTerms.Renewal(termTo, version)),
                "employment.welfare.renewed",
                id,
                redirect,
                locale);
    }

    @PostMapping("/employment/welfare/holders/{id}/end")
    String end(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
            @RequestParam(required = false) String reason,
            @RequestParam int version,
            RedirectAttributes redirect,
            Locale locale) {
        return act(
                () -> terms.end(id, new WelfareTerms.End(endDate, reason, version)),
                "employment.welfare.ended",
                id,
                redirect,
                locale);
    }

    private String act(Runnable action, String done, long holderId, RedirectAttributes redirect, Locale locale) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", messages.getMessage(done, null, locale));
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("welfareError", message(e));
        }
        return "redirect:/employment/welfare/holders/" + holderId;
    }

    private static String message(RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return invalid.problems().stream()
                    .map(FieldProblem::message)
                    .findFirst()
                    .orElse("");
        }
        return e.getMessage();
    }
}
