package org.bulwark.employment.web;

import java.util.Locale;
import org.bulwark.core.employment.Skill;
import org.bulwark.core.employment.WorkKind;
import org.bulwark.employment.Employers;
import org.bulwark.employment.Posting;
import org.bulwark.employment.Postings;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.web.FormSave;
import org.bulwark.region.Regions;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the postings whose place is in the user's region: list, create, edit (closing one too). */
@Controller
class PostingPages {

    private final Postings postings;
    private final Employers employers;
    private final CurrentUser currentUser;
    private final Regions regions;
    private final MessageSource messages;

    PostingPages(
            Postings postings, Employers employers, CurrentUser currentUser, Regions regions, MessageSource messages) {
        this.postings = postings;
        this.employers = employers;
        this.currentUser = currentUser;
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping("/employment/postings")
    String list(
            @RequestParam(required = false) WorkKind workKind,
            @RequestParam(required = false) Posting.State state,
            Model model) {
        model.addAttribute("postings", postings.search(null, workKind, state));
        model.addAttribute("workKind", workKind);
        model.addAttribute("state", state);
        model.addAttribute("workKinds", WorkKind.values());
        model.addAttribute("states", Posting.State.values());
        return "employment/postings";
    }

    @GetMapping("/employment/postings/new")
    String newForm(@RequestParam(required = false) Long employerId, Model model) {
        currentUser.requirePermission(Role.Permission.MANAGE_EMPLOYERS);
        PostingForm form = new PostingForm();
        form.setEmployerId(employerId == null ? null : employerId.toString());
        return form(model, form, null);
    }

    @GetMapping("/employment/postings/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        currentUser.requirePermission(Role.Permission.MANAGE_EMPLOYERS);
        return form(model, PostingForm.of(postings.posting(id)), id);
    }

    @PostMapping("/employment/postings")
    String create(
            @ModelAttribute("form") PostingForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        return save(null, form, result, model, redirect, locale);
    }

    @PostMapping("/employment/postings/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") PostingForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        return save(id, form, result, model, redirect, locale);
    }

    private String save(
            Long id, PostingForm form, BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
        return FormSave.save(
                form::toInput,
                input -> id == null ? postings.create(input) : postings.update(id, input),
                saved -> "/employment/employers/" + saved.employerId(),
                messages.getMessage("flash.saved", null, locale),
                result,
                redirect,
                () -> form(model, form, id));
    }

    private String form(Model model, PostingForm form, Long id) {
        model.addAttribute("form", form);
        model.addAttribute("postingId", id);
        model.addAttribute("employers", employers.search(null, null, true));
        model.addAttribute("workKinds", WorkKind.values());
        model.addAttribute("skills", Skill.values());
        model.addAttribute("states", Posting.State.values());
        model.addAttribute(
                "regionChoices", regions.choicesUnder(currentUser.require().regionCode()));
        return "employment/posting-form";
    }
}
