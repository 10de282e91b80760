package org.bulwark.identity.web;

import java.util.List;
import java.util.Locale;
import org.bulwark.identity.AccessTokens;
import org.bulwark.identity.CurrentUser;
import org.bulwark.platform.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's personal access tokens: create one (shown once), see them, revoke one. */
@Controller
class AccessTokenPages {

    static final String PAGE = "/account/tokens";

    private final AccessTokens tokens;
    private final CurrentUser currentUser;
    private final MessageSource messages;

    AccessTokenPages(AccessTokens tokens, CurrentUser currentUser, MessageSource messages) {
        this.tokens = tokens;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    @GetMapping(PAGE)
    String page(Model model) {
        model.addAttribute("tokens", tokens.mine());
        model.addAttribute("grantable", tokens.grantable());
        model.addAttribute("maxDays", tokens.maxDays());
        if (!model.containsAttribute("regionCode")) {
            model.addAttribute("regionCode", currentUser.require().regionCode());
        }
        return "account/tokens";
    }

    @PostMapping(PAGE)
    String create(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) List<String> permissions,
            @RequestParam(required = false) Integer days,
            Model model) {
        try {
            AccessTokens.NewToken token = tokens.create(name, regionCode, permissions, days);
            // the secret is on this answer only: it is kept as a hash
            model.addAttribute("newToken", token.token());
            model.addAttribute("username", currentUser.require().getUsername());
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("name", name);
            model.addAttribute("regionCode", regionCode);
        }
        return page(model);
    }

    @PostMapping(PAGE + "/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        tokens.revoke(id);
        redirect.addFlashAttribute("flash", messages.getMessage("tokens.revoked", null, locale));
        return "redirect:" + PAGE;
    }
}
