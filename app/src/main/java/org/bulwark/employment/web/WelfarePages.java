package org.bulwark.employment.web;

import java.util.List;
import java.util.Locale;
import org.bulwark.core.employment.WelfareDuty;
import org.bulwark.core.employment.WelfareFunding;
import org.bulwark.core.region.RegionCode;
import org.bulwark.employment.WelfareHolder;
import org.bulwark.employment.WelfareJobs;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of the public-welfare posts of the user's region: the list (with how many holders are flagged for a public
 * payroll), a post with its holders, creating and editing a post. Allocation and terms: {@link WelfareHolderPages}.
 */
@Controller
class WelfarePages {

    /** A region of the picker: only villages can be chosen, townships only group them. */
    record VillageChoice(String code, String label, boolean village) {}

    private final WelfareJobs jobs;
    private final CurrentUser currentUser;
    private final Regions regions;
    private final MessageSource messages;

    WelfarePages(WelfareJobs jobs, CurrentUser currentUser, Regions regions, MessageSource messages) {
        this.jobs = jobs;
        this.currentUser = currentUser;
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping("/employment/welfare")
    String list(Model model) {
        model.addAttribute("posts", jobs.posts());
        List<WelfareHolder> holding = jobs.holding();
        model.addAttribute(
                "flagged", holding.stream().filter(WelfareHolder::onPayroll).toList());
        model.addAttribute("endingCount", jobs.ending().size());
        model.addAttribute("canManage", currentUser.require().can(Role.Permission.MANAGE_WELFARE_JOBS));
        return "employment/welfare";
    }

    @GetMapping("/employment/welfare/{id}")
    String post(@PathVariable long id, Model model) {
        model.addAttribute("post", jobs.post(id));
        model.addAttribute("holders", jobs.holders(id, false));
        model.addAttribute("canManage", currentUser.require().can(Role.Permission.MANAGE_WELFARE_JOBS));
        return "employment/welfare-post";
    }

    @GetMapping("/employment/welfare/new")
    String newForm(Model model) {
        currentUser.requirePermission(Role.Permission.MANAGE_WELFARE_JOBS);
        WelfarePostForm form = new WelfarePostForm();
        form.setDuty(WelfareDuty.SANITATION.name());
        form.setFunding(WelfareFunding.ASSISTANCE_FUNDS.name());
        form.setPlaces("1");
        return form(model, form, null);
    }

    @GetMapping("/employment/welfare/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        currentUser.requirePermission(Role.Permission.MANAGE_WELFARE_JOBS);
        return form(model, WelfarePostForm.of(jobs.post(id)), id);
    }

    @PostMapping("/employment/welfare")
    String create(
            @ModelAttribute("form") WelfarePostForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        return save(null, form, result, model, redirect, locale);
    }

    @PostMapping("/employment/welfare/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") WelfarePostForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        return save(id, form, result, model, redirect, locale);
    }

    private String save(
            Long id,
            WelfarePostForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        return FormSave.save(
                form::toInput,
                input -> id == null ? jobs.create(input) : jobs.update(id, input),
                saved -> "/employment/welfare/" + saved.id(),
                messages.getMessage("flash.saved", null, locale),
                result,
                redirect,
                () -> form(model, form, id));
    }

    private String form(Model model, WelfarePostForm form, Long id) {
        model.addAttribute("form", form);
        model.addAttribute("postId", id);
        model.addAttribute("duties", WelfareDuty.values());
        model.addAttribute("fundings", WelfareFunding.values());
        model.addAttribute(
                "villageChoices",
                regions.choicesUnder(currentUser.require().regionCode()).stream()
                        .map(c -> new VillageChoice(
                                c.code(), c.label(), RegionCode.parse(c.code()).isVillage()))
                        .toList());
        return "employment/welfare-form";
    }
}
