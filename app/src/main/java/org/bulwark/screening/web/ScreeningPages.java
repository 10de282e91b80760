package org.bulwark.screening.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bulwark.core.region.RegionLevel;
import org.bulwark.core.screening.Rule;
import org.bulwark.core.screening.RuleFileDraft;
import org.bulwark.core.screening.RuleSet;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.identity.Role;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.region.Region;
import org.bulwark.region.Regions;
import org.bulwark.screening.RuleBook;
import org.bulwark.screening.RunReport;
import org.bulwark.screening.ScreeningRuns;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The screening page: run the active rules over a region, or try changes in shadow mode — on a form (which rules,
 * which thresholds, which region from the tree) or, for those who write rules, as a whole draft file.
 */
@Controller
class ScreeningPages {

    private static final String PARAMETER = "p.";

    private final ScreeningRuns runs;
    private final RuleBook ruleBook;
    private final Regions regions;
    private final CurrentUser currentUser;
    private final Clock clock;

    ScreeningPages(ScreeningRuns runs, RuleBook ruleBook, Regions regions, CurrentUser currentUser, Clock clock) {
        this.runs = runs;
        this.ruleBook = ruleBook;
        this.regions = regions;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** A region the user may screen, indented by its depth under the user's own. */
    record RegionChoice(String code, String name, int depth) {}

    /** A threshold on the form: its value in force for the province and year, and what the user typed. */
    record ParameterField(String name, double current, String entered, List<String> usedBy) {}

    @GetMapping("/screening")
    String page(Model model) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.RUN_SCREENING);
        RuleSet rules = ruleBook.active();
        model.addAttribute("rules", rules.rules());
        model.addAttribute("ruleTitles", titles(rules));
        model.addAttribute("version", rules.version());
        model.addAttribute("regionChoices", regionChoices(user));
        model.addAttribute("draft", ruleBook.activeText());
        if (!model.containsAttribute("parameters")) {
            model.addAttribute("parameters", parameterFields(rules, province(user, null), thisYear(null), Map.of()));
            model.addAttribute(
                    "chosenRules", rules.rules().stream().map(Rule::id).toList());
        }
        return "screening/page";
    }

    @PostMapping("/screening/run")
    String run(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Model model) {
        RunReport report = runs.full(region, asOf);
        model.addAttribute("report", report);
        model.addAttribute("reportRegion", regions.nameOf(padded(report.regionCode())));
        return page(model);
    }

    /** The form's shadow run: the chosen rules with the typed thresholds, against the rules in force. */
    @PostMapping("/screening/shadow")
    String shadow(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(name = "rule", required = false) List<String> chosen,
            @RequestParam MultiValueMap<String, String> form,
            Model model) {
        BulwarkUser user = currentUser.requirePermission(Role.Permission.RUN_SCREENING);
        RuleSet rules = ruleBook.active();
        String province = province(user, region);
        int year = thisYear(asOf);
        Map<String, String> entered = entered(form);
        List<String> kept = chosen == null ? List.of() : chosen;
        model.addAttribute("parameters", parameterFields(rules, province, year, entered));
        model.addAttribute("chosenRules", kept);
        model.addAttribute("shadowRegion", region);
        model.addAttribute("shadowAsOf", asOf);
        try {
            Map<String, Double> changed = changedValues(rules, province, year, entered);
            String draft = RuleFileDraft.of(ruleBook.activeText(), Set.copyOf(kept), province, year, changed);
            compare(region, asOf, RuleBook.draft(draft, "draft"), model);
            model.addAttribute("changedParameters", changed);
        } catch (InvalidInputException e) {
            model.addAttribute("draftError", e.problems().get(0).message());
        }
        return page(model);
    }

    /** A whole draft rule file, for those who write rules. */
    @PostMapping("/screening/shadow/file")
    String shadowFile(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam String draft,
            Model model) {
        try {
            compare(region, asOf, RuleBook.draft(draft, "draft"), model);
        } catch (InvalidInputException e) {
            model.addAttribute("draftError", e.problems().get(0).message());
        }
        page(model);
        model.addAttribute("draft", draft);
        return "screening/page";
    }

    private void compare(String region, LocalDate asOf, RuleSet draft, Model model) {
        RunReport active = runs.shadow(region, asOf, ruleBook.active());
        RunReport proposed = runs.shadow(region, asOf, draft);
        model.addAttribute(
                "comparison",
                ShadowComparison.of(
                        ruleBook.active().rules(),
                        active,
                        proposed,
                        township -> regions.nameOf(padded(township)),
                        LocaleContextHolder.getLocale()));
        model.addAttribute("comparisonRegion", regions.nameOf(padded(active.regionCode())));
    }

    private static Map<String, String> entered(MultiValueMap<String, String> form) {
        Map<String, String> entered = new LinkedHashMap<>();
        form.forEach((key, values) -> {
            if (key.startsWith(PARAMETER) && !values.isEmpty()) {
                entered.put(key.substring(PARAMETER.length()), values.get(0).strip());
            }
        });
        return entered;
    }

    /** The typed values that differ from those in force; a value that is not a number names its field. */
    private static Map<String, Double> changedValues(
            RuleSet rules, String province, int year, Map<String, String> entered) {
        Map<String, Double> changed = new LinkedHashMap<>();
        for (String name : rules.parameterNames()) {
            String text = entered.get(name);
            if (text == null || text.isEmpty()) {
                continue;
            }
            double value;
            try {
                value = Double.parseDouble(text.replace(",", "").replace("，", ""));
            } catch (NumberFormatException e) {
                throw InvalidInputException.of(PARAMETER + name, "not_a_number", "「" + text + "」不是数字");
            }
            if (value != rules.parameters(province, year).value(name)) {
                changed.put(name, value);
            }
        }
        return changed;
    }

    private static List<ParameterField> parameterFields(
            RuleSet rules, String province, int year, Map<String, String> entered) {
        Map<String, List<String>> usedBy = new LinkedHashMap<>();
        rules.parameterNames().forEach(name -> usedBy.put(name, new ArrayList<>()));
        for (Rule rule : rules.rules()) {
            rules.parametersOf(rule.id()).forEach(name -> usedBy.get(name).add(rule.id()));
        }
        var current = rules.parameters(province, year);
        return rules.parameterNames().stream()
                .map(name ->
                        new ParameterField(name, current.value(name), entered.getOrDefault(name, ""), usedBy.get(name)))
                .toList();
    }

    private List<RegionChoice> regionChoices(BulwarkUser user) {
        List<RegionChoice> choices = new ArrayList<>();
        Region own = regions.find(user.regionCode()).orElse(null);
        if (own == null) {
            return choices;
        }
        choices.add(new RegionChoice(own.code(), own.name(), 0));
        // two levels down from a province or prefecture (to the counties or townships), one from a county or township
        boolean twoLevels = own.level() == RegionLevel.PROVINCE || own.level() == RegionLevel.PREFECTURE;
        for (Region child : regions.children(own.code())) {
            choices.add(new RegionChoice(child.code(), child.name(), 1));
            if (twoLevels) {
                for (Region grandchild : regions.children(child.code())) {
                    choices.add(new RegionChoice(grandchild.code(), grandchild.name(), 2));
                }
            }
        }
        return choices;
    }

    private static Map<String, String> titles(RuleSet rules) {
        Map<String, String> titles = new LinkedHashMap<>();
        Locale locale = LocaleContextHolder.getLocale();
        rules.rules().forEach(rule -> titles.put(rule.id(), rule.title(locale)));
        return titles;
    }

    private static String province(BulwarkUser user, String region) {
        String code = region == null || region.isBlank() ? user.regionCode() : region.strip();
        return code.length() >= 2 ? code.substring(0, 2) : "00";
    }

    private int thisYear(LocalDate asOf) {
        return (asOf == null ? LocalDate.now(clock) : asOf).getYear();
    }

    private static String padded(String prefix) {
        return ((prefix == null ? "" : prefix) + "000000000000").substring(0, 12);
    }
}
