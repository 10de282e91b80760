package org.bulwark.safetynet.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bulwark.core.region.RegionCode;
import org.bulwark.core.safetynet.SafetyNetStandard;
import org.bulwark.identity.CurrentUser;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.web.FormErrors;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;
import org.bulwark.safetynet.Standards;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The standards page: every signed-in user reads them; a province administrator sets them. */
@Controller
class SafetyNetPages {

    private final Standards standards;
    private final Regions regions;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final Clock clock;

    SafetyNetPages(Standards standards, Regions regions, CurrentUser currentUser, MessageSource messages, Clock clock) {
        this.standards = standards;
        this.regions = regions;
        this.currentUser = currentUser;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/safety-net")
    String page(Model model) {
        StandardForm form = new StandardForm();
        form.setYear(String.valueOf(LocalDate.now(clock).getYear()));
        form.setRegionCode(currentUser.scope().prefix());
        return page(model, form);
    }

    @PostMapping("/safety-net/standards")
    String save(
            @ModelAttribute("form") StandardForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        List<FieldProblem> problems = new ArrayList<>();
        Standards.StandardInput input = form.toInput(problems);
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            standards.edit(input);
            redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, locale));
            return "redirect:/safety-net";
        } catch (InvalidInputException e) {
            FormErrors.apply(e, result, f -> f);
            return page(model, form);
        }
    }

    private String page(Model model, StandardForm form) {
        String prefix = currentUser.scope().prefix();
        int year = LocalDate.now(clock).getYear();
        // the standards above the user's region and within it; other provinces' are of no use here
        List<SafetyNetStandard> shown = standards.all().stream()
                .filter(s -> s.regionCode().startsWith(prefix) || prefix.startsWith(s.regionCode()))
                .toList();
        model.addAttribute("standards", shown);
        model.addAttribute("regionNames", names(shown));
        model.addAttribute("year", year);
        model.addAttribute(
                "applying",
                prefix.isEmpty() ? null : standards.find(prefix, year).orElse(null));
        model.addAttribute("canEdit", standards.canEdit());
        model.addAttribute("form", form);
        return "safetynet/standards";
    }

    private Map<String, String> names(List<SafetyNetStandard> shown) {
        Map<String, String> names = new HashMap<>();
        for (SafetyNetStandard s : shown) {
            String full = RegionCode.normalize(s.regionCode());
            names.computeIfAbsent(
                    s.regionCode(), code -> regions.find(full).map(Region::name).orElse(code));
        }
        return names;
    }
}
