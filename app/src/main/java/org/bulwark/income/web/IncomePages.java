package org.bulwark.income.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bulwark.income.IncomeInput;
import org.bulwark.income.Incomes;
import org.bulwark.industry.BenefitIncome;
import org.bulwark.industry.BenefitLinks;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.bulwark.platform.web.FormErrors;
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

/** Pages to record a household's income for a year. */
@Controller
class IncomePages {

    private final Incomes incomes;
    private final Registry registry;
    private final MessageSource messages;
    private final Clock clock;
    private final BenefitLinks benefits;

    IncomePages(Incomes incomes, Registry registry, MessageSource messages, Clock clock, BenefitLinks benefits) {
        this.incomes = incomes;
        this.registry = registry;
        this.messages = messages;
        this.clock = clock;
        this.benefits = benefits;
    }

    /**
     * A new year's form: last year unless recorded already (or the year asked for), its wage, operating and property
     * income filled in with what the household's industry projects paid it (docs/industry.md), said so on the page.
     */
    @GetMapping("/households/{id}/incomes/new")
    String newForm(@PathVariable long id, @RequestParam(required = false) Integer year, Model model) {
        registry.fileToEdit(id);
        IncomeForm form = new IncomeForm();
        form.setCreating(true);
        int lastYear = LocalDate.now(clock).getYear() - 1;
        Integer chosen = year != null ? year : incomes.of(id, lastYear).isPresent() ? null : lastYear;
        form.setYear(chosen == null ? null : String.valueOf(chosen));
        if (chosen != null && incomes.of(id, chosen).isEmpty()) {
            BenefitIncome benefit = benefits.incomeOf(id, chosen);
            form.prefill(benefit);
            model.addAttribute("benefit", benefit);
            model.addAttribute("benefitPrefilled", !benefit.isEmpty());
        }
        return form(model, form, id);
    }

    @GetMapping("/households/{id}/incomes/{year}/edit")
    String editForm(@PathVariable long id, @PathVariable int year, Model model) {
        registry.fileToEdit(id);
        // a recorded year is not overwritten: the page only says what the projects paid, for the user to compare
        model.addAttribute("benefit", benefits.incomeOf(id, year));
        model.addAttribute("benefitPrefilled", false);
        return form(
                model,
                IncomeForm.of(incomes.of(id, year).orElseThrow(() -> new NotFoundException("income", year))),
                id);
    }

    @PostMapping("/households/{id}/incomes")
    String save(
            @PathVariable long id,
            @ModelAttribute("form") IncomeForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        List<FieldProblem> problems = new ArrayList<>();
        IncomeInput input = form.toInput(problems);
        try {
            if (form.isCreating()
                    && input.year() != null
                    && incomes.of(id, input.year()).isPresent()) {
                problems.add(new FieldProblem(
                        "year",
                        "year_exists",
                        "income for " + input.year() + " is already recorded; edit that year instead"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            incomes.record(id, input);
            redirect.addFlashAttribute("flash", messages.getMessage("flash.saved", null, locale));
            return "redirect:/households/" + id;
        } catch (InvalidInputException e) {
            FormErrors.apply(e, result, f -> f);
            return form(model, form, id);
        }
    }

    private String form(Model model, IncomeForm form, long householdId) {
        model.addAttribute("form", form);
        model.addAttribute("householdId", householdId);
        model.addAttribute(
                "householdNumber", registry.file(householdId).household().householdNumber());
        return "incomes/form";
    }
}
