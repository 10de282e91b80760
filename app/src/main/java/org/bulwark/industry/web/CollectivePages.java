package org.bulwark.industry.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bulwark.core.industry.CollectiveIncomeSource;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.industry.CollectiveIncomeInput;
import org.bulwark.industry.CollectiveIncomes;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.web.FormErrors;
import org.bulwark.region.Region;
import org.bulwark.region.RegionChoice;
import org.bulwark.region.Regions;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The village collective incomes of a year in the user's region, and the form that records one. */
@Controller
class CollectivePages {

    static final int VILLAGES = 2_000;

    private final CollectiveIncomes incomes;
    private final CurrentUser currentUser;
    private final Regions regions;
    private final MessageSource messages;
    private final Clock clock;

    CollectivePages(
            CollectiveIncomes incomes, CurrentUser currentUser, Regions regions, MessageSource messages, Clock clock) {
        this.incomes = incomes;
        this.currentUser = currentUser;
        this.regions = regions;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/industry/collective")
    String list(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? LocalDate.now(clock).getYear() - 1 : year;
        CollectiveForm form = new CollectiveForm();
        form.setYear(String.valueOf(y));
        return page(y, form, model);
    }

    @PostMapping("/industry/collective")
    String record(
            @ModelAttribute("form") CollectiveForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        List<FieldProblem> problems = new ArrayList<>();
        CollectiveIncomeInput input = form.toInput(problems);
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            incomes.record(input);
            redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, locale));
            return "redirect:/industry/collective?year=" + input.year();
        } catch (InvalidInputException e) {
            FormErrors.apply(e, result, f -> f);
            int y = input.year() == null ? LocalDate.now(clock).getYear() - 1 : input.year();
            return page(y, form, model);
        }
    }

    private String page(int year, CollectiveForm form, Model model) {
        model.addAttribute("year", year);
        model.addAttribute("incomes", incomes.ofYear(year));
        model.addAttribute("form", form);
        model.addAttribute("sources", CollectiveIncomeSource.values());
        model.addAttribute("mayRecord", currentUser.require().can(Role.Permission.EDIT_REGISTRY));
        model.addAttribute("villages", villages());
        return "industry/collective";
    }

    /** The villages of the user's region to choose from, by name with their township. */
    private List<RegionChoice> villages() {
        String prefix = currentUser.scope().prefix();
        List<Region> villages = regions.villagesUnder(prefix, VILLAGES);
        var names = regions.villageNames(villages.stream().map(Region::code).toList());
        return villages.stream()
                .map(v -> new RegionChoice(v.code(), label(v, names.get(v.code()))))
                .toList();
    }

    private static String label(Region village, Regions.VillageNames names) {
        return names == null || names.townshipName() == null
                ? village.name()
                : names.townshipName() + " " + village.name();
    }
}
