package org.bulwark.employment.web;

import java.util.List;
import java.util.Locale;
import org.bulwark.employment.LostWork;
import org.bulwark.employment.Referral;
import org.bulwark.employment.ReferralMove;
import org.bulwark.employment.ReferralState;
import org.bulwark.employment.Referrals;
import org.bulwark.platform.ConflictException;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Referrals on pages, sized for a phone (cards, not tables): the region's referrals, a referral made from a match,
 * a referral moved on; and the labourers who lost work lately. Each action returns to the page it came from.
 */
@Controller
class ReferralPages {

    private final Referrals referrals;
    private final LostWork lostWork;
    private final MessageSource messages;

    ReferralPages(Referrals referrals, LostWork lostWork, MessageSource messages) {
        this.referrals = referrals;
        this.lostWork = lostWork;
        this.messages = messages;
    }

    @GetMapping("/employment/referrals")
    String list(@RequestParam(required = false) ReferralState state, Model model) {
        List<Referral> found = referrals.search(null, null, null, state);
        model.addAttribute("referrals", found);
        model.addAttribute("referralHistories", referrals.histories(found));
        model.addAttribute("state", state);
        model.addAttribute("states", ReferralState.values());
        return "employment/referrals";
    }

    @GetMapping("/employment/lost-work")
    String lostWork(Model model) {
        model.addAttribute("lost", lostWork.lately());
        return "employment/lost-work";
    }

    @PostMapping("/employment/referrals")
    String propose(
            @RequestParam long personId,
            @RequestParam long postingId,
            @RequestParam(required = false) String back,
            RedirectAttributes redirect,
            Locale locale) {
        return act(() -> referrals.propose(personId, postingId), back, redirect, locale);
    }

    @PostMapping("/employment/referrals/{id}")
    String move(
            @PathVariable long id,
            @RequestParam String state,
            @RequestParam(required = false) String refusalReason,
            @RequestParam int version,
            @RequestParam(required = false) String back,
            RedirectAttributes redirect,
            Locale locale) {
        return act(() -> referrals.move(id, new ReferralMove(state, refusalReason, version)), back, redirect, locale);
    }

    private String act(Runnable action, String back, RedirectAttributes redirect, Locale locale) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "referralError",
                    e.problems().stream().map(FieldProblem::message).findFirst().orElse(""));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("referralError", e.getMessage());
        }
        return "redirect:" + safe(back);
    }

    // only a page of employment services: a form must not send the user elsewhere
    private static String safe(String back) {
        return back != null && back.matches("/employment/[a-z0-9/-]*") ? back : "/employment/referrals";
    }
}
