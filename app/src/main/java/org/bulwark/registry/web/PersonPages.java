package org.bulwark.registry.web;

import java.util.Locale;
import org.bulwark.platform.ConflictException;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.web.FormErrors;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.registry.Person;
import org.bulwark.registry.Registry;
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

/** Pages to add, edit and remove household members, and to reveal a masked number. */
@Controller
class PersonPages {

    private final Registry registry;
    private final MessageSource messages;

    PersonPages(Registry registry, MessageSource messages) {
        this.registry = registry;
        this.messages = messages;
    }

    @ModelAttribute("options")
    FormOptions options() {
        return FormOptions.ALL;
    }

    @GetMapping("/households/{id}/members/new")
    String addForm(@PathVariable long id, Model model) {
        registry.fileToEdit(id);
        return form(model, new PersonForm(), id, null);
    }

    @PostMapping("/households/{id}/members/new")
    String add(
            @PathVariable long id,
            @ModelAttribute("form") PersonForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            registry.addMember(id, form.toInput());
            redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, locale));
            return "redirect:/households/" + id;
        } catch (InvalidInputException e) {
            FormErrors.apply(e, result, f -> f);
            return form(model, form, id, null);
        }
    }

    @GetMapping("/persons/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Person person = registry.personToEdit(id);
        return form(model, PersonForm.of(person), person.householdId(), id);
    }

    @PostMapping("/persons/{id}/edit")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") PersonForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        Person person = registry.person(id);
        try {
            registry.updateMember(id, form.getVersion(), form.toInput());
            redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, locale));
            return "redirect:/households/" + person.householdId();
        } catch (InvalidInputException e) {
            FormErrors.apply(e, result, f -> f);
        } catch (ConflictException e) {
            result.reject("problem.conflict", e.getMessage());
        }
        return form(model, form, person.householdId(), id);
    }

    @PostMapping("/persons/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        Person person = registry.person(id);
        try {
            registry.removeMember(id);
            redirect.addFlashAttribute("flash", messages.getMessage("flash.deleted", null, locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "flash",
                    messages.getMessage(
                            "problem." + e.problems().get(0).code(),
                            null,
                            e.problems().get(0).message(),
                            locale));
        }
        return "redirect:/households/" + person.householdId();
    }

    @PostMapping("/persons/{id}/reveal")
    String reveal(@PathVariable long id, @RequestParam String field, Model model) {
        model.addAttribute("value", registry.reveal(id, field));
        return "persons/reveal :: revealed";
    }

    private String form(Model model, PersonForm form, long householdId, Long personId) {
        HouseholdFile file = registry.file(householdId);
        model.addAttribute("form", form);
        model.addAttribute("householdId", householdId);
        model.addAttribute("householdNumber", file.household().householdNumber());
        model.addAttribute("personId", personId);
        model.addAttribute("editing", personId != null);
        return "persons/form";
    }
}
