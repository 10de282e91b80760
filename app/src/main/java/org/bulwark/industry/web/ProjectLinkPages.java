package org.bulwark.industry.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bulwark.core.industry.BenefitKind;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.industry.BenefitLinkInput;
import org.bulwark.industry.BenefitLinks;
import org.bulwark.industry.Projects;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One project with its links to the households of the user's region, and the form that records a link. */
@Controller
class ProjectLinkPages {

    private final Projects projects;
    private final BenefitLinks links;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final Clock clock;

    ProjectLinkPages(
            Projects projects, BenefitLinks links, CurrentUser currentUser, MessageSource messages, Clock clock) {
        this.projects = projects;
        this.links = links;
        this.currentUser = currentUser;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/industry/projects/{id}")
    String project(@PathVariable long id, Model model) {
        LinkForm form = new LinkForm();
        form.setYear(String.valueOf(LocalDate.now(clock).getYear()));
        return page(id, form, model);
    }

    @PostMapping("/industry/projects/{id}/links")
    String recordLink(
            @PathVariable long id,
            @ModelAttribute("linkForm") LinkForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        List<FieldProblem> problems = new ArrayList<>();
        BenefitLinkInput input = form.toInput(id, problems);
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            links.record(input);
            redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, locale));
            return "redirect:/industry/projects/" + id;
        } catch (InvalidInputException e) {
            FormErrors.apply(e, result, f -> f.equals("projectId") ? null : f);
            return page(id, form, model);
        }
    }

    @PostMapping("/industry/links/{linkId}/delete")
    String removeLink(@PathVariable long linkId, RedirectAttributes redirect, Locale locale) {
        long projectId = links.link(linkId).projectId();
        links.remove(linkId);
        redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, locale));
        return "redirect:/industry/projects/" + projectId;
    }

    private String page(long id, LinkForm form, Model model) {
        model.addAttribute("project", projects.project(id));
        model.addAttribute("links", links.ofProject(id));
        model.addAttribute("linkForm", form);
        model.addAttribute("benefitKinds", BenefitKind.values());
        model.addAttribute("mayKeep", projects.mayKeep());
        model.addAttribute("mayLink", currentUser.require().can(Role.Permission.EDIT_REGISTRY));
        return "industry/project";
    }
}
