package org.bulwark.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.UserAdministration;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.web.FormErrors;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Every user changes their own password here; a user whose password an administrator set, or whose password is
 * older than the policy allows, is sent here before anything else ({@link PasswordChangeRequired}).
 */
@Controller
class PasswordPages {

    private final UserAdministration users;
    private final CurrentUser currentUser;

    PasswordPages(UserAdministration users, CurrentUser currentUser) {
        this.users = users;
        this.currentUser = currentUser;
    }

    @GetMapping("/account/password")
    String form(Model model) {
        model.addAttribute("form", new PasswordForm());
        return page(model);
    }

    @PostMapping("/account/password")
    String change(
            @ModelAttribute("form") PasswordForm form,
            BindingResult result,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        try {
            users.changeOwnPassword(form.getCurrentPassword(), form.getPassword(), form.getPasswordConfirmation());
        } catch (InvalidInputException e) {
            FormErrors.apply(e, result, f -> f);
            form.setCurrentPassword(null);
            form.setPassword(null);
            form.setPasswordConfirmation(null);
            return page(model);
        }
        // the session was opened under the old password: sign in again with the new one
        new SecurityContextLogoutHandler()
                .logout(request, response, SecurityContextHolder.getContext().getAuthentication());
        return "redirect:/login?changed";
    }

    private String page(Model model) {
        model.addAttribute("required", currentUser.require().passwordChangeRequired());
        model.addAttribute("policy", users.passwordPolicy());
        return "account/password";
    }
}
