package org.bulwark.identity.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bulwark.core.region.RegionLevel;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.identity.TwoFactor;
import org.bulwark.identity.TwoFactorPolicy;
import org.bulwark.identity.UserAccount;
import org.bulwark.identity.UserAccounts;
import org.bulwark.identity.UserAdministration;
import org.bulwark.identity.UserFilter;
import org.bulwark.identity.UserPage;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.web.FormErrors;
import org.bulwark.region.Region;
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
 * The users page of the system and the security administrators: the accounts of their region, filtered and paged;
 * the system administrator creates an account, renames, disables, enables it and resets its password; the security
 * administrator gives its role, region and department and lifts a lockout. Each sees only the controls of their
 * duty; the checks are in {@link UserAdministration}.
 */
@Controller
class UserPages {

    private static final int PAGE_SIZE = 50;

    private final UserAdministration users;
    private final CurrentUser currentUser;
    private final Regions regions;
    private final MessageSource messages;

    private final TwoFactor twoFactor;

    private final UserAccounts accounts;
    private final TwoFactorPolicy twoFactorPolicy;

    UserPages(
            UserAdministration users,
            CurrentUser currentUser,
            Regions regions,
            MessageSource messages,
            TwoFactor twoFactor,
            UserAccounts accounts,
            TwoFactorPolicy twoFactorPolicy) {
        this.accounts = accounts;
        this.twoFactorPolicy = twoFactorPolicy;
        this.twoFactor = twoFactor;
        this.users = users;
        this.currentUser = currentUser;
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping("/users")
    String list(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) UserFilter.State state,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        UserFilter filter = new UserFilter(region, role, state, page, PAGE_SIZE);
        UserPage result;
        try {
            result = users.list(filter);
        } catch (InvalidInputException e) {
            model.addAttribute("filterError", e.problems().get(0));
            result = new UserPage(List.of(), 0, 0, PAGE_SIZE);
        }
        model.addAttribute("filter", filter);
        model.addAttribute("result", result);
        model.addAttribute("counts", users.counts());
        model.addAttribute("roles", Role.values());
        model.addAttribute("states", UserFilter.State.values());
        model.addAttribute("regionChoices", regionChoices());
        if (users.managesRoles()) {
            // the security administrator keeps the password and lockout policy: shown as configured
            model.addAttribute("policy", users.passwordPolicy());
            model.addAttribute("maxFailures", accounts.maxFailures());
            model.addAttribute("lockoutMinutes", accounts.lockout().toMinutes());
            model.addAttribute("twoFactorRoles", twoFactorPolicy.requiredRoles());
        }
        return "users/list";
    }

    @GetMapping("/users/new")
    String createForm(Model model) {
        return form(model, new UserForm(), null);
    }

    @PostMapping("/users/new")
    String create(
            @ModelAttribute("form") UserForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            long id = users.create(form.toNewUser());
            redirect.addFlashAttribute("flash", messages.getMessage("users.created", null, locale));
            return "redirect:/users/" + id;
        } catch (InvalidInputException e) {
            FormErrors.apply(e, result, f -> f);
            // a refused password is not sent back to the browser
            form.setPassword(null);
            form.setPasswordConfirmation(null);
            return form(model, form, null);
        }
    }

    @GetMapping("/users/{id}")
    String show(@PathVariable long id, Model model) {
        UserAccount account = users.get(id);
        model.addAttribute("account", account);
        model.addAttribute("self", account.id() == currentUser.require().id());
        model.addAttribute("mayChange", users.mayLookAfter(account));
        model.addAttribute("managesAccounts", users.managesAccounts());
        model.addAttribute("managesRoles", users.managesRoles());
        model.addAttribute("twoFactorOn", twoFactor.enabled(account.id()));
        model.addAttribute("departments", users.departments());
        if (!model.containsAttribute("passwordForm")) {
            model.addAttribute("passwordForm", new PasswordForm());
        }
        model.addAttribute("policy", users.passwordPolicy());
        return "users/show";
    }

    @GetMapping("/users/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        return form(model, UserForm.of(users.get(id)), id);
    }

    @PostMapping("/users/{id}/edit")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") UserForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            users.update(id, form.toChange());
            redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, locale));
            return "redirect:/users/" + id;
        } catch (InvalidInputException e) {
            FormErrors.apply(e, result, f -> f);
            form.setUsername(users.get(id).username());
            return form(model, form, id);
        }
    }

    @PostMapping("/users/{id}/disable")
    String disable(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        users.disable(id);
        return done(id, "users.disabled", redirect, locale);
    }

    @PostMapping("/users/{id}/enable")
    String enable(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        users.enable(id);
        return done(id, "users.enabled", redirect, locale);
    }

    @PostMapping("/users/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        users.unlock(id);
        return done(id, "users.unlocked", redirect, locale);
    }

    @PostMapping("/users/{id}/password")
    String resetPassword(
            @PathVariable long id,
            @ModelAttribute("passwordForm") PasswordForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            users.resetPassword(id, form.getPassword(), form.getPasswordConfirmation());
            return done(id, "users.passwordReset", redirect, locale);
        } catch (InvalidInputException e) {
            FormErrors.apply(e, result, f -> f);
            form.setPassword(null);
            form.setPasswordConfirmation(null);
            return show(id, model);
        }
    }

    private String done(long id, String key, RedirectAttributes redirect, Locale locale) {
        redirect.addFlashAttribute("flash", messages.getMessage(key, null, locale));
        return "redirect:/users/" + id;
    }

    private String form(Model model, UserForm form, Long id) {
        model.addAttribute("form", form);
        model.addAttribute("userId", id);
        model.addAttribute("roles", users.grantableRoles());
        model.addAttribute("managesAccounts", users.managesAccounts());
        model.addAttribute("managesRoles", users.managesRoles());
        model.addAttribute("departments", users.departments());
        model.addAttribute("regionChoices", regionChoices());
        model.addAttribute("policy", users.passwordPolicy());
        return "users/form";
    }

    /** The administrator's region and the regions below it down to the counties, to pick from or filter by. */
    private List<Region> regionChoices() {
        List<Region> choices = new ArrayList<>();
        regions.find(currentUser.require().regionCode()).ifPresent(top -> addDown(top, choices));
        return choices;
    }

    private void addDown(Region region, List<Region> choices) {
        choices.add(region);
        if (region.level().digits() < RegionLevel.COUNTY.digits()) {
            regions.children(region.code()).forEach(child -> addDown(child, choices));
        }
    }
}
