package org.bulwark.employment.web;

import java.util.Locale;
import org.bulwark.core.employment.EmployerKind;
import org.bulwark.employment.Employer;
import org.bulwark.employment.Employers;
import org.bulwark.employment.Postings;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.ConflictException;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.web.FormErrors;
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

/** Pages of the employers of the user's region: list and search, one employer with its postings, create, edit. */
@Controller
class EmployerPages {

    private final Employers employers;
    private final Postings postings;
    private final CurrentUser currentUser;
    private final Regions regions;
    private final MessageSource messages;

    EmployerPages(
            Employers employers, Postings postings, CurrentUser currentUser, Regions regions, MessageSource messages) {
        this.employers = employers;
        this.postings = postings;
        this.currentUser = currentUser;
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping("/employment/employers")
    String list(
            @RequestParam(required = false) String q, @RequestParam(required = false) EmployerKind kind, Model model) {
        model.addAttribute("employers", employers.search(q, kind, false));
        model.addAttribute("q", q);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", EmployerKind.values());
        return "employment/employers";
    }

    @GetMapping("/employment/employers/{id}")
    String employer(@PathVariable long id, Model model) {
        model.addAttribute("employer", employers.employer(id));
        model.addAttribute("postings", postings.search(id, null, null));
        return "employment/employer";
    }

    @GetMapping("/employment/employers/new")
    String newForm(Model model) {
        currentUser.requirePermission(Role.Permission.MANAGE_EMPLOYERS);
        return form(model, new EmployerForm(), null);
    }

    @GetMapping("/employment/employers/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        currentUser.requirePermission(Role.Permission.MANAGE_EMPLOYERS);
        return form(model, EmployerForm.of(employers.employer(id)), id);
    }

    @PostMapping("/employment/employers")
    String create(
            @ModelAttribute("form") EmployerForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            Employer created = employers.create(form.toInput());
            redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, locale));
            return "redirect:/employment/employers/" + created.id();
        } catch (InvalidInputException e) {
            FormErrors.apply(e, result, f -> f);
            return form(model, form, null);
        }
    }

    @PostMapping("/employment/employers/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") EmployerForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            employers.update(id, form.toInput());
            redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, locale));
            return "redirect:/employment/employers/" + id;
        } catch (InvalidInputException e) {
            FormErrors.apply(e, result, f -> f);
            return form(model, form, id);
        } catch (ConflictException e) {
            result.reject("problem.conflict", e.getMessage());
            return form(model, form, id);
        }
    }

    private String form(Model model, EmployerForm form, Long id) {
        model.addAttribute("form", form);
        model.addAttribute("employerId", id);
        model.addAttribute("kinds", EmployerKind.values());
        model.addAttribute(
                "regionChoices", regions.choicesUnder(currentUser.require().regionCode()));
        return "employment/employer-form";
    }
}
