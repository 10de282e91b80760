package org.bulwark.registry.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.platform.ConflictException;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.web.FormErrors;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;
import org.bulwark.registry.HouseholdFile;
import org.bulwark.registry.HouseholdPage;
import org.bulwark.registry.HouseholdSearch;
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

/** Pages to list, search, view, create, edit and delete households. */
@Controller
class HouseholdPages {

    private final Registry registry;
    private final Regions regions;
    private final CurrentUser currentUser;
    private final MessageSource messages;

    HouseholdPages(Registry registry, Regions regions, CurrentUser currentUser, MessageSource messages) {
        this.registry = registry;
        this.regions = regions;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    @ModelAttribute("options")
    FormOptions options() {
        return FormOptions.ALL;
    }

    @GetMapping("/households")
    String list(
            @RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "region", required = false) String region,
            @RequestParam(name = "category", required = false) String category,
            @RequestParam(name = "page", defaultValue = "0") int page,
            HttpServletRequest request,
            Model model,
            Locale locale) {
        HouseholdSearch search = new HouseholdSearch(text, region, category, page, 20);
        HouseholdPage result;
        try {
            result = registry.search(search);
        } catch (InvalidInputException e) {
            result = new HouseholdPage(List.of(), 0, 20, false);
            model.addAttribute(
                    "error", messages.getMessage("households.search.invalid", null, locale) + " " + e.getMessage());
        }
        model.addAttribute("search", search);
        model.addAttribute("page", result);
        if (request.getHeader("HX-Request") != null) {
            return "households/list :: results";
        }
        List<Region> choices = new ArrayList<>(regionChoices());
        if (search.regionCode() != null
                && !search.regionCode().isBlank()
                && choices.stream().noneMatch(r -> r.code().equals(search.regionCode()))) {
            // a region chosen elsewhere (a link, a deeper level) stays visible as the current choice
            regions.find(search.regionCode()).ifPresent(r -> choices.add(0, r));
        }
        model.addAttribute("regionChoices", choices);
        return "households/list";
    }

    @GetMapping("/households/new")
    String createForm(Model model) {
        registry.requireEditor();
        HouseholdForm form = new HouseholdForm();
        form.getHead().setRelation("HEAD");
        return form(model, form, false, null);
    }

    @PostMapping("/households/new")
    String create(
            @ModelAttribute("form") HouseholdForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            HouseholdFile file =
                    registry.register(form.toInput(), List.of(form.getHead().toInput()));
            redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, locale));
            return "redirect:/households/" + file.household().id();
        } catch (InvalidInputException e) {
            FormErrors.apply(
                    e,
                    result,
                    f -> f.startsWith("members[0].") ? "head." + f.substring(11) : f.equals("members") ? null : f);
            return form(model, form, false, null);
        }
    }

    @GetMapping("/households/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        return form(model, HouseholdForm.of(registry.fileToEdit(id).household()), true, id);
    }

    @PostMapping("/households/{id}/edit")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") HouseholdForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            registry.update(id, form.getVersion(), form.toInput());
            redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, locale));
            return "redirect:/households/" + id;
        } catch (InvalidInputException e) {
            FormErrors.apply(e, result, f -> f);
        } catch (ConflictException e) {
            result.reject("problem.conflict", e.getMessage());
        }
        return form(model, form, true, id);
    }

    @PostMapping("/households/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        registry.remove(id);
        redirect.addFlashAttribute("flash", messages.getMessage("flash.deleted", null, locale));
        return "redirect:/households";
    }

    private String form(Model model, HouseholdForm form, boolean editing, Long id) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("householdId", id);
        model.addAttribute("villages", villageChoices());
        return "households/form";
    }

    /** A village to choose, labelled with its township. */
    record VillageChoice(String code, String label) {}

    private List<VillageChoice> villageChoices() {
        String prefix = currentUser.scope().prefix();
        List<Region> villages = regions.villagesUnder(prefix, 5_000);
        Map<String, String> townships = new HashMap<>();
        return villages.stream()
                .map(v -> new VillageChoice(
                        v.code(), townships.computeIfAbsent(v.parentCode(), regions::nameOf) + " · " + v.name()))
                .toList();
    }

    private List<Region> regionChoices() {
        BulwarkUser user = currentUser.require();
        List<Region> below = regions.children(user.regionCode());
        return below.size() > 300 ? List.of() : below;
    }
}
