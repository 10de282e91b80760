package org.bulwark.screening.web;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.bulwark.core.exchange.DataCatalogue;
import org.bulwark.core.screening.ParameterSource;
import org.bulwark.core.screening.Rule;
import org.bulwark.core.screening.RuleFeature;
import org.bulwark.core.screening.RuleSet;
import org.bulwark.core.screening.WarningLevel;
import org.bulwark.identity.BulwarkUser;
import org.bulwark.identity.CurrentUser;
import org.bulwark.screening.RuleBook;
import org.bulwark.screening.VariableCatalogue;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The rules in force and their thresholds, read-only: every rule with its condition, features and look-back windows,
 * and every parameter's value for the viewer's province in each year the file speaks of, with where the value comes
 * from. Thresholds change through the versioned rule file, tried first in shadow mode on the screening page.
 */
@Controller
class RulePages {

    private final RuleBook ruleBook;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final VariableCatalogue variables;
    private final DataCatalogue catalogue;

    RulePages(
            RuleBook ruleBook,
            CurrentUser currentUser,
            Clock clock,
            VariableCatalogue variables,
            DataCatalogue catalogue) {
        this.ruleBook = ruleBook;
        this.currentUser = currentUser;
        this.clock = clock;
        this.variables = variables;
        this.catalogue = catalogue;
    }

    /** A rule as the page shows it; {@code fixedLevel} is the level's name unless an expression chooses it. */
    record RuleView(Rule rule, String fixedLevel, List<RuleFeature> features, List<ParameterValue> parameters) {}

    /** A parameter's value for the province in the current year, as a rule's row shows it. */
    record ParameterValue(String name, String value) {}

    /** One parameter: its value and source per year, and the rules that read it. */
    record ParameterRow(String name, List<YearValue> years, List<String> usedBy) {}

    /** A parameter's value in one year and where it comes from. */
    record YearValue(int year, String value, ParameterSource source) {}

    @GetMapping("/rules")
    String page(Model model) {
        BulwarkUser user = currentUser.require();
        RuleSet rules = ruleBook.active();
        String province = user.regionCode().substring(0, 2);
        int thisYear = LocalDate.now(clock).getYear();
        SortedSet<Integer> years = new TreeSet<>(rules.parameterYears(province));
        years.add(thisYear);
        years.add(thisYear - 1);
        Map<String, List<String>> usedBy = new LinkedHashMap<>();
        rules.parameterNames().forEach(name -> usedBy.put(name, new ArrayList<>()));
        List<RuleView> views = new ArrayList<>();
        var current = rules.parameters(province, thisYear);
        for (Rule rule : rules.rules()) {
            List<String> names = rules.parametersOf(rule.id());
            names.forEach(name -> usedBy.get(name).add(rule.id()));
            String fixed = Arrays.stream(WarningLevel.values())
                    .filter(level -> level.code().equals(rule.level()))
                    .map(WarningLevel::name)
                    .findFirst()
                    .orElse(null);
            views.add(new RuleView(
                    rule,
                    fixed,
                    rules.features(rule.id()),
                    names.stream()
                            .map(name -> new ParameterValue(name, format(current.value(name))))
                            .toList()));
        }
        List<ParameterRow> parameters = new ArrayList<>();
        for (String name : rules.parameterNames()) {
            List<YearValue> values = new ArrayList<>();
            for (int year : years) {
                values.add(new YearValue(
                        year,
                        format(rules.parameters(province, year).value(name)),
                        rules.parameterSource(province, year, name)));
            }
            parameters.add(new ParameterRow(name, values, usedBy.get(name)));
        }
        model.addAttribute("ruleSet", rules);
        model.addAttribute("rules", views);
        model.addAttribute("parameters", parameters);
        model.addAttribute("years", years);
        model.addAttribute("thisYear", thisYear);
        model.addAttribute("province", province);
        names(rules, views, model);
        // the monitoring line heads the page: the figure most rules and most people ask about
        model.addAttribute("line", rules.parameterNames().contains("line") ? format(current.value("line")) : null);
        return "screening/rules";
    }

    /**
     * What the page calls the rules' features, parameters and categories in the reader's language (variables.yaml,
     * categories.yaml): the names the rule file uses are code, shown beside them as code only.
     */
    private void names(RuleSet rules, List<RuleView> views, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> features = new LinkedHashMap<>();
        Map<String, String> categories = new LinkedHashMap<>();
        for (RuleView view : views) {
            for (RuleFeature feature : view.features()) {
                variables.variable(feature.name()).ifPresent(v -> features.put(feature.name(), v.label(locale)));
                if (feature.category() != null) {
                    catalogue
                            .category(feature.category())
                            .ifPresent(c -> categories.put(feature.category(), catalogue.categoryName(c, locale)));
                }
            }
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        rules.parameterNames()
                .forEach(name -> variables.parameter(name).ifPresent(p -> parameters.put(name, p.label(locale))));
        model.addAttribute("featureLabels", features);
        model.addAttribute("parameterLabels", parameters);
        model.addAttribute("categoryNames", categories);
    }

    private static String format(double value) {
        return new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }
}
