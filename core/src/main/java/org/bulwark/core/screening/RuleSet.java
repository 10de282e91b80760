package org.bulwark.core.screening;

import java.io.Reader;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * A loaded, checked and compiled rule file: its version, the date it takes effect, the department data categories
 * rules may read, parameters per province and year, and the rules. Immutable and safe to share between threads.
 */
public final class RuleSet {

    private final String source;
    private final String version;
    private final LocalDate effectiveFrom;
    private final Map<String, CategorySchema> categories;
    private final ParameterTable parameters;
    private final List<CompiledRule> compiledRules;
    private final List<Feature> features;
    private final List<RecordFilter> filters;
    private final int nodeCount;

    RuleSet(
            String source,
            String version,
            LocalDate effectiveFrom,
            Map<String, CategorySchema> categories,
            ParameterTable parameters,
            List<CompiledRule> compiledRules,
            List<Feature> features,
            List<RecordFilter> filters,
            int nodeCount) {
        this.source = source;
        this.version = version;
        this.effectiveFrom = effectiveFrom;
        this.categories = Map.copyOf(categories);
        this.parameters = parameters;
        this.compiledRules = List.copyOf(compiledRules);
        this.features = List.copyOf(features);
        this.filters = List.copyOf(filters);
        this.nodeCount = nodeCount;
    }

    /**
     * Loads a rule file, checking and compiling every expression.
     *
     * @param sourceName the file's name, used in messages
     * @throws RuleException naming the source, the rule, the line and the reason when anything is wrong
     */
    public static RuleSet load(Reader reader, String sourceName) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(sourceName, "sourceName");
        return RuleFileParser.parse(reader, sourceName);
    }

    /** The name the rule file was loaded under. */
    public String source() {
        return source;
    }

    /** The rule file's version. */
    public String version() {
        return version;
    }

    /** The first as-of date the rules may be applied to. */
    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    /** The rules in file order. */
    public List<Rule> rules() {
        return compiledRules.stream().map(CompiledRule::rule).toList();
    }

    /** The rule with this id. */
    public Optional<Rule> rule(String id) {
        return rules().stream().filter(rule -> rule.id().equals(id)).findFirst();
    }

    /** Names of the parameters, in file order. */
    public List<String> parameterNames() {
        return parameters.names();
    }

    /**
     * The fields rules may read of a category, in declaration order, with their type code ({@code number},
     * {@code text} or {@code flag}); empty for a category the rules do not read.
     */
    public Map<String, String> categoryFields(String name) {
        CategorySchema schema = categories.get(name);
        Map<String, String> fields = new LinkedHashMap<>();
        if (schema != null) {
            schema.fields().forEach((field, type) -> fields.put(field, type.code()));
        }
        return fields;
    }

    /**
     * The categories the rules' features actually read, each with the fields they read (name → type code), in
     * declaration order: what a store of screening inputs must keep. Categories only declared are left out.
     */
    public Map<String, Map<String, String>> fieldsRead() {
        Map<String, Set<String>> read = new TreeMap<>();
        for (Feature feature : features) {
            if (feature instanceof AggregateFeature aggregate) {
                Set<String> variables =
                        read.computeIfAbsent(aggregate.filter().category().name(), name -> new HashSet<>());
                variables.addAll(aggregate.filter().variables());
                variables.addAll(aggregate.variables());
            }
        }
        Map<String, Map<String, String>> fields = new TreeMap<>();
        read.forEach((category, variables) -> {
            Map<String, String> typed = new LinkedHashMap<>();
            categories.get(category).fields().forEach((field, type) -> {
                if (variables.contains(field)) {
                    typed.put(field, type.code());
                }
            });
            fields.put(category, typed);
        });
        return fields;
    }

    /** The features of a rule as its file writes them, in file order; empty for an unknown rule. */
    public List<RuleFeature> features(String ruleId) {
        return compiledRules.stream()
                .filter(rule -> rule.rule().id().equals(ruleId))
                .findFirst()
                .map(rule -> rule.features().stream()
                        .map(CompiledRule.NamedFeature::written)
                        .toList())
                .orElse(List.of());
    }

    /** The parameters a rule reads anywhere (condition, level, features), in the file's order of parameters. */
    public List<String> parametersOf(String ruleId) {
        return compiledRules.stream()
                .filter(rule -> rule.rule().id().equals(ruleId))
                .findFirst()
                .map(CompiledRule::parameters)
                .orElse(List.of());
    }

    /**
     * Where the value of a parameter for a province and year comes from: the file's default, the province's default
     * or the province's year (the last that gives it wins).
     *
     * @param provinceCode the two-digit province code (a longer region code is cut to its province)
     */
    public ParameterSource parameterSource(String provinceCode, int year, String name) {
        return parameters.source(provinceCode, year, name);
    }

    /** The years for which a province gives parameter values of its own, in order. */
    public SortedSet<Integer> parameterYears(String provinceCode) {
        return parameters.years(provinceCode);
    }

    /** The department data categories rules may read, by name. */
    public List<String> categoryNames() {
        return categories.keySet().stream().sorted().toList();
    }

    /**
     * The parameter values for a province and year: the file's defaults, overridden by the province's default and
     * then by its values for the year.
     *
     * @param provinceCode the two-digit province code (a longer region code is cut to its province)
     */
    public Parameters parameters(String provinceCode, int year) {
        return parameters.resolve(provinceCode, year);
    }

    List<CompiledRule> compiledRules() {
        return compiledRules;
    }

    List<Feature> features() {
        return features;
    }

    List<RecordFilter> filters() {
        return filters;
    }

    int nodeCount() {
        return nodeCount;
    }

    CategorySchema category(String name) {
        return categories.get(name);
    }
}
