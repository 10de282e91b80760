package org.bulwark.core.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one run computes: the rules, the distinct features they need (each once), grouped under the record filters and
 * categories they read, with the parameter values and window dates of the run fixed.
 */
final class ScreeningPlan {

    /** A filter with its dates for this run and the features aggregating what it selects. */
    record FilterPlan(RecordFilter filter, DateRange range, List<AggregateFeature> features) {}

    /** The filters over one category, and the fields and attributes they read. */
    record CategoryPlan(CategorySchema schema, List<FilterPlan> filters, Set<String> variables) {}

    private final RuleSet ruleSet;
    private final List<CompiledRule> rules;
    private final List<FactFeature> facts;
    private final List<CategoryPlan> categories;
    private final double[] parameterValues;
    private final Map<String, Map<String, Double>> parameterEvidence;
    private final int asOfDay;

    ScreeningPlan(RuleSet ruleSet, List<CompiledRule> rules, Parameters parameters, LocalDate asOf) {
        this.ruleSet = ruleSet;
        this.rules = List.copyOf(rules);
        this.asOfDay = (int) asOf.toEpochDay();
        List<String> names = ruleSet.parameterNames();
        this.parameterValues = new double[names.size()];
        for (int i = 0; i < names.size(); i++) {
            parameterValues[i] = parameters.value(names.get(i));
        }
        this.parameterEvidence = new LinkedHashMap<>();
        for (CompiledRule rule : rules) {
            Map<String, Double> used = new LinkedHashMap<>();
            rule.parameters().forEach(name -> used.put(name, parameters.value(name)));
            parameterEvidence.put(rule.rule().id(), Collections.unmodifiableMap(used));
        }
        Map<Integer, Feature> needed = new TreeMap<>();
        rules.forEach(rule ->
                rule.features().forEach(named -> needed.put(named.feature().slot(), named.feature())));
        this.facts = needed.values().stream()
                .filter(FactFeature.class::isInstance)
                .map(FactFeature.class::cast)
                .toList();
        this.categories = categoryPlans(needed.values(), asOf);
    }

    private static List<CategoryPlan> categoryPlans(Iterable<Feature> features, LocalDate asOf) {
        Map<Integer, List<AggregateFeature>> byFilter = new TreeMap<>();
        Map<Integer, RecordFilter> filters = new TreeMap<>();
        for (Feature feature : features) {
            if (feature instanceof AggregateFeature aggregate) {
                byFilter.computeIfAbsent(aggregate.filter().slot(), slot -> new ArrayList<>())
                        .add(aggregate);
                filters.put(aggregate.filter().slot(), aggregate.filter());
            }
        }
        Map<String, List<FilterPlan>> byCategory = new LinkedHashMap<>();
        Map<String, Set<String>> variables = new LinkedHashMap<>();
        Map<String, CategorySchema> schemas = new LinkedHashMap<>();
        for (RecordFilter filter : filters.values()) {
            String name = filter.category().name();
            schemas.put(name, filter.category());
            List<AggregateFeature> aggregates = byFilter.get(filter.slot());
            byCategory
                    .computeIfAbsent(name, n -> new ArrayList<>())
                    .add(new FilterPlan(filter, filter.window().range(asOf), List.copyOf(aggregates)));
            Set<String> read = variables.computeIfAbsent(name, n -> new LinkedHashSet<>());
            read.addAll(filter.variables());
            aggregates.forEach(aggregate -> read.addAll(aggregate.variables()));
        }
        List<CategoryPlan> plans = new ArrayList<>();
        byCategory.forEach((name, filterPlans) -> plans.add(
                new CategoryPlan(schemas.get(name), List.copyOf(filterPlans), Set.copyOf(variables.get(name)))));
        return plans;
    }

    RuleSet ruleSet() {
        return ruleSet;
    }

    List<CompiledRule> rules() {
        return rules;
    }

    List<FactFeature> facts() {
        return facts;
    }

    List<CategoryPlan> categories() {
        return categories;
    }

    double[] parameterValues() {
        return parameterValues;
    }

    int asOfDay() {
        return asOfDay;
    }

    boolean uses(HouseholdFact fact) {
        return facts.stream().anyMatch(feature -> feature.fact() == fact);
    }

    /** The parameters a rule reads, with this run's values. */
    Map<String, Double> parameterEvidence(CompiledRule rule) {
        return parameterEvidence.get(rule.rule().id());
    }
}
