package org.bulwark.industry.web;

import java.util.Locale;
import org.bulwark.core.industry.EntityKind;
import org.bulwark.core.industry.FundingSource;
import org.bulwark.core.industry.Industry;
import org.bulwark.core.industry.ProjectState;
import org.bulwark.identity.CurrentUser;
import org.bulwark.industry.Projects;
import org.bulwark.platform.web.FormSave;
import org.bulwark.region.Regions;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the industry projects of the user's region: list and search, create and edit (county staff). */
@Controller
class ProjectPages {

    private final Projects projects;
    private final CurrentUser currentUser;
    private final Regions regions;
    private final MessageSource messages;

    ProjectPages(Projects projects, CurrentUser currentUser, Regions regions, MessageSource messages) {
        this.projects = projects;
        this.currentUser = currentUser;
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping("/industry/projects")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) EntityKind kind,
            @RequestParam(required = false) ProjectState state,
            Model model) {
        model.addAttribute("projects", projects.search(q, kind, state));
        model.addAttribute("q", q);
        model.addAttribute("kind", kind);
        model.addAttribute("state", state);
        model.addAttribute("kinds", EntityKind.values());
        model.addAttribute("states", ProjectState.values());
        model.addAttribute("mayKeep", projects.mayKeep());
        return "industry/projects";
    }

    @GetMapping("/industry/projects/new")
    String newForm(Model model) {
        requireKeeper();
        return form(model, new ProjectForm(), null);
    }

    @GetMapping("/industry/projects/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        requireKeeper();
        return form(model, ProjectForm.of(projects.project(id)), id);
    }

    @PostMapping("/industry/projects")
    String create(
            @ModelAttribute("form") ProjectForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        return save(null, form, result, model, redirect, locale);
    }

    @PostMapping("/industry/projects/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") ProjectForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        return save(id, form, result, model, redirect, locale);
    }

    private String save(
            Long id, ProjectForm form, BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
        return FormSave.save(
                form::toInput,
                input -> id == null ? projects.create(input) : projects.update(id, input),
                saved -> "/industry/projects/" + saved.id(),
                messages.getMessage("flash.saved", null, locale),
                result,
                redirect,
                () -> form(model, form, id));
    }

    private void requireKeeper() {
        if (!projects.mayKeep()) {
            throw new AccessDeniedException("industry projects are kept by county staff");
        }
    }

    private String form(Model model, ProjectForm form, Long id) {
        model.addAttribute("form", form);
        model.addAttribute("projectId", id);
        model.addAttribute("kinds", EntityKind.values());
        model.addAttribute("industries", Industry.values());
        model.addAttribute("fundingSources", FundingSource.values());
        model.addAttribute("states", ProjectState.values());
        model.addAttribute(
                "regionChoices", regions.choicesUnder(currentUser.require().regionCode()));
        return "industry/project-form";
    }
}
