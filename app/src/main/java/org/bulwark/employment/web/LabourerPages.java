package org.bulwark.employment.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bulwark.core.employment.Reach;
import org.bulwark.core.employment.Skill;
import org.bulwark.core.employment.WorkKind;
import org.bulwark.core.employment.WorkMode;
import org.bulwark.core.registry.EmploymentPlace;
import org.bulwark.employment.Employers;
import org.bulwark.employment.LabourerListing;
import org.bulwark.employment.LabourerSearch;
import org.bulwark.employment.Labourers;
import org.bulwark.identity.BulwarkUser;
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

/**
 * Pages of the labour registry: the labourers of the user's region with filters, and a labourer's page with the
 * current state, the history and the form a visit or the employment office records changes with.
 */
@Controller
class LabourerPages {

    private final Labourers labourers;
    private final Employers employers;
    private final CurrentUser currentUser;
    private final Regions regions;
    private final MessageSource messages;
    private final MatchSections matches;

    LabourerPages(
            Labourers labourers,
            Employers employers,
            CurrentUser currentUser,
            Regions regions,
            MessageSource messages,
            MatchSections matches) {
        this.labourers = labourers;
        this.employers = employers;
        this.currentUser = currentUser;
        this.regions = regions;
        this.messages = messages;
        this.matches = matches;
    }

    @GetMapping("/employment/labourers")
    String list(
            @RequestParam(required = false) Boolean inWork,
            @RequestParam(required = false) EmploymentPlace place,
            @RequestParam(required = false) WorkMode workMode,
            @RequestParam(required = false) String region,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        LabourerSearch search = new LabourerSearch(inWork, place, workMode, blankAsNull(region), page);
        model.addAttribute("result", labourers.search(search));
        model.addAttribute("search", search);
        model.addAttribute("places", EmploymentPlace.values());
        model.addAttribute("modes", WorkMode.values());
        model.addAttribute(
                "regionChoices", regions.choicesUnder(currentUser.require().regionCode()));
        model.addAttribute("pageSize", LabourerSearch.PAGE_SIZE);
        return "employment/labourers";
    }

    @GetMapping("/employment/labourers/{personId}")
    String labourer(@PathVariable long personId, Model model) {
        LabourerListing labourer = labourers.labourer(personId);
        return page(model, labourer, LabourerForm.of(labourer.labourer(), defaultSource()));
    }

    @PostMapping("/employment/labourers/{personId}")
    String update(
            @PathVariable long personId,
            @ModelAttribute("form") LabourerForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        return FormSave.save(
                form::toInput,
                input -> {
                    labourers.update(personId, input);
                    return personId;
                },
                saved -> "/employment/labourers/" + saved,
                messages.getMessage("flash.saved", null, locale),
                result,
                redirect,
                () -> page(model, labourers.labourer(personId), form));
    }

    private String page(Model model, LabourerListing labourer, LabourerForm form) {
        model.addAttribute("l", labourer);
        model.addAttribute("history", labourers.history(labourer.labourer().personId()));
        model.addAttribute("form", form);
        model.addAttribute("places", EmploymentPlace.values());
        model.addAttribute("modes", WorkMode.values());
        model.addAttribute("skills", Skill.values());
        model.addAttribute("reaches", Reach.values());
        model.addAttribute("workKinds", WorkKind.values());
        model.addAttribute("employers", employerChoices(labourer));
        matches.labourer(model, labourer.labourer().personId());
        return "employment/labourer";
    }

    /** An employer the form offers. */
    record EmployerChoice(long id, String name) {}

    /**
     * The active employers of the editor's region, and the labourer's own employer wherever it lies (a hire may have
     * set one outside the region, or it may have closed since): left out, the next save would clear it unseen.
     */
    private List<EmployerChoice> employerChoices(LabourerListing labourer) {
        List<EmployerChoice> choices = new ArrayList<>();
        employers.search(null, null, true).forEach(e -> choices.add(new EmployerChoice(e.id(), e.name())));
        Long own = labourer.labourer().employerId();
        if (own != null && choices.stream().noneMatch(c -> c.id() == own)) {
            choices.add(new EmployerChoice(own, labourer.employerName()));
        }
        return choices;
    }

    // the employment office records as the office; everyone else from a visit
    private String defaultSource() {
        BulwarkUser user = currentUser.require();
        return user.role() == Role.EMPLOYMENT_OFFICER ? "OFFICER" : "VISIT";
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
