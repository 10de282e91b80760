package org.bulwark.core.screening;

import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a rule file into a {@link RuleSet}: parses the YAML with line marks, checks every CEL expression, compiles it
 * to vectorised nodes and merges identical features and record filters across rules.
 */
final class RuleFileParser {

    private static final Pattern FEATURE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Set<String> RESERVED = Set.of(
            "p",
            "true",
            "false",
            "null",
            "in",
            "as",
            "break",
            "const",
            "continue",
            "else",
            "for",
            "function",
            "if",
            "import",
            "let",
            "loop",
            "package",
            "namespace",
            "return",
            "var",
            "void",
            "while");
    private static final String DEFAULT_UP_RISK_TYPE = "misidentification";

    private final NodeIds ids = new NodeIds();
    private final Map<String, CategorySchema> categories = new LinkedHashMap<>();
    private final Map<String, Feature> featuresByKey = new HashMap<>();
    private final Map<String, RecordFilter> filtersByKey = new HashMap<>();
    private final List<Feature> features = new ArrayList<>();
    private final List<RecordFilter> filters = new ArrayList<>();
    private List<String> parameterNames;

    private RuleFileParser() {}

    static RuleSet parse(Reader reader, String source) {
        return new RuleFileParser().parse(SourceNode.read(reader, source));
    }

    private RuleSet parse(SourceNode root) {
        root.allowOnly("version", "effective_from", "categories", "parameters", "rules");
        String version = root.get("version").nonBlankText();
        LocalDate effectiveFrom = date(root.get("effective_from"));
        ParameterTable parameters = ParameterTable.parse(root.get("parameters"));
        parameterNames = parameters.names();
        for (Map.Entry<String, SourceNode> entry :
                root.get("categories").entries().entrySet()) {
            categories.put(entry.getKey(), CategorySchema.parse(entry.getKey(), entry.getValue(), parameterNames));
        }
        List<CompiledRule> rules = new ArrayList<>();
        Set<String> ruleIds = new HashSet<>();
        for (SourceNode node : root.get("rules").items()) {
            CompiledRule rule = rule(node, version);
            if (!ruleIds.add(rule.rule().id())) {
                throw node.problem("a second rule with id " + rule.rule().id())
                        .inRule(rule.rule().id());
            }
            rules.add(rule);
        }
        return new RuleSet(
                root.source(), version, effectiveFrom, categories, parameters, rules, features, filters, ids.count());
    }

    private static LocalDate date(SourceNode node) {
        try {
            return LocalDate.parse(node.nonBlankText());
        } catch (DateTimeParseException e) {
            throw node.problem("'" + node.text() + "' is not a date like 2026-01-01");
        }
    }

    private CompiledRule rule(SourceNode node, String fileVersion) {
        node.allowOnly(
                "id",
                "title_zh",
                "title_en",
                "direction",
                "risk_type",
                "level",
                "deadline_days",
                "version",
                "features",
                "when");
        String id = node.get("id").nonBlankText();
        try {
            return compileRule(node, id, fileVersion);
        } catch (RuleException e) {
            throw e.inRule(id);
        }
    }

    private CompiledRule compileRule(SourceNode node, String id, String fileVersion) {
        Direction direction = direction(node.get("direction"));
        String riskType = node.find("risk_type").map(SourceNode::nonBlankText).orElse(null);
        if (riskType == null && direction == Direction.DOWN) {
            throw node.problem("a downward rule needs a risk_type");
        }
        int deadlineDays = node.get("deadline_days").integer();
        if (deadlineDays < 0) {
            throw node.get("deadline_days").problem("deadline_days must not be negative");
        }
        List<CompiledRule.NamedFeature> named = new ArrayList<>();
        for (SourceNode featureNode :
                node.find("features").map(SourceNode::items).orElse(List.of())) {
            CompiledRule.NamedFeature feature = feature(featureNode);
            if (named.stream().anyMatch(other -> other.name().equals(feature.name()))) {
                throw featureNode.problem("a second feature named " + feature.name());
            }
            named.add(feature);
        }
        VariableScope scope = ruleScope(named);
        CheckedExpression when = ExpressionChecker.check(node.get("when"), scope, FieldType.FLAG, "when");
        SourceNode levelNode = node.get("level");
        WarningLevel fixed = WarningLevel.fromCode(levelNode.nonBlankText());
        CheckedExpression levelExpression =
                fixed != null ? null : ExpressionChecker.check(levelNode, scope, FieldType.TEXT, "level");
        LevelNode level = fixed != null
                ? new LevelNode.Fixed(ids.next(), fixed)
                : VectorCompiler.level(levelExpression, scope, ids);
        Rule rule = new Rule(
                id,
                node.get("title_zh").nonBlankText(),
                node.find("title_en").map(SourceNode::nonBlankText).orElse(null),
                direction,
                riskType == null ? DEFAULT_UP_RISK_TYPE : riskType,
                levelNode.nonBlankText(),
                deadlineDays,
                node.find("version").map(SourceNode::nonBlankText).orElse(fileVersion),
                when.text().strip(),
                named.stream().map(CompiledRule.NamedFeature::name).toList(),
                node.line());
        return new CompiledRule(
                rule,
                List.copyOf(named),
                VectorCompiler.bool(when, scope, ids),
                level,
                parametersUsed(named, when, levelExpression),
                appliesToUnregistered(direction, named));
    }

    private static Direction direction(SourceNode node) {
        try {
            return Direction.parse(node.nonBlankText());
        } catch (IllegalArgumentException e) {
            throw node.problem(e.getMessage());
        }
    }

    private VariableScope ruleScope(List<CompiledRule.NamedFeature> named) {
        Map<String, VariableScope.Variable> variables = new LinkedHashMap<>();
        for (CompiledRule.NamedFeature feature : named) {
            variables.put(
                    feature.name(),
                    new VariableScope.Variable(
                            feature.name(),
                            feature.feature().slot(),
                            feature.feature().type()));
        }
        return new VariableScope(variables, parameterNames);
    }

    private CompiledRule.NamedFeature feature(SourceNode node) {
        String name = node.get("name").nonBlankText();
        if (!FEATURE_NAME.matcher(name).matches() || RESERVED.contains(name)) {
            throw node.get("name")
                    .problem("feature name '" + name
                            + "' must be lower case letters, digits and _ and not a reserved word");
        }
        if (node.find("fact").isPresent()) {
            node.allowOnly("name", "fact");
            HouseholdFact fact = HouseholdFact.fromCode(node.get("fact").nonBlankText());
            if (fact == null) {
                throw node.get("fact")
                        .problem("unknown household fact '" + node.get("fact").text() + "'");
            }
            return new CompiledRule.NamedFeature(
                    name,
                    featuresByKey.computeIfAbsent(
                            "fact:" + fact.code(), key -> register(new FactFeature(features.size(), fact))),
                    new RuleFeature(name, fact.code(), null, null, null, null, null, null));
        }
        node.allowOnly("name", "category", "agg", "value", "window", "latest", "where");
        Feature aggregate = aggregate(node);
        return new CompiledRule.NamedFeature(
                name,
                aggregate,
                new RuleFeature(
                        name,
                        null,
                        node.get("category").text().strip(),
                        node.get("agg").text().strip(),
                        written(node, "value"),
                        node.get("window").text().strip(),
                        written(node, "latest"),
                        written(node, "where")));
    }

    private static String written(SourceNode node, String key) {
        return node.find(key).map(SourceNode::text).map(String::strip).orElse(null);
    }

    private Feature aggregate(SourceNode node) {
        SourceNode categoryNode = node.get("category");
        CategorySchema category = categories.get(categoryNode.nonBlankText());
        if (category == null) {
            throw categoryNode.problem("unknown category '" + categoryNode.text() + "'");
        }
        Aggregation aggregation = Aggregation.fromCode(node.get("agg").nonBlankText());
        if (aggregation == null) {
            throw node.get("agg").problem("agg must be one of count, any, sum, max, min, last");
        }
        RecordFilter filter = filter(node, category);
        SourceNode valueNode = node.find("value").orElse(null);
        if (aggregation.needsValue() != (valueNode != null)) {
            throw node.problem(
                    aggregation.needsValue()
                            ? "agg " + node.get("agg").text() + " needs a value"
                            : "agg " + node.get("agg").text() + " takes no value");
        }
        String key = filterKey(node, category) + "|" + aggregation + "|"
                + (valueNode == null ? "" : valueNode.text().strip());
        Feature existing = featuresByKey.get(key);
        if (existing != null) {
            return existing;
        }
        CheckedExpression value = valueNode == null
                ? null
                : ExpressionChecker.check(valueNode, category.scope(), FieldType.NUMBER, role(valueNode));
        Feature feature = register(new AggregateFeature(
                features.size(),
                filter,
                aggregation,
                value == null ? null : VectorCompiler.number(value, category.scope(), ids),
                value == null ? Set.of() : variables(value),
                value == null ? Set.of() : value.referencedParameters()));
        featuresByKey.put(key, feature);
        return feature;
    }

    private RecordFilter filter(SourceNode node, CategorySchema category) {
        String key = filterKey(node, category);
        RecordFilter existing = filtersByKey.get(key);
        if (existing != null) {
            return existing;
        }
        Window window = Window.parse(node.get("window"));
        Latest latest = Latest.NONE;
        if (node.find("latest").isPresent()) {
            latest = Latest.fromCode(node.get("latest").nonBlankText());
            if (latest == null) {
                throw node.get("latest").problem("latest must be person or household");
            }
        }
        SourceNode whereNode = node.find("where").orElse(null);
        CheckedExpression where = whereNode == null
                ? null
                : ExpressionChecker.check(whereNode, category.scope(), FieldType.FLAG, role(whereNode));
        RecordFilter filter = new RecordFilter(
                filters.size(),
                category,
                window,
                latest,
                where == null ? null : VectorCompiler.bool(where, category.scope(), ids),
                where == null ? Set.of() : variables(where),
                where == null ? Set.of() : where.referencedParameters());
        filters.add(filter);
        filtersByKey.put(key, filter);
        return filter;
    }

    private static String filterKey(SourceNode node, CategorySchema category) {
        return category.name() + "|" + node.get("window").text().strip() + "|"
                + node.find("latest").map(SourceNode::text).orElse("") + "|"
                + node.find("where").map(where -> where.text().strip()).orElse("");
    }

    private Feature register(Feature feature) {
        features.add(feature);
        return feature;
    }

    private static Set<String> variables(CheckedExpression expression) {
        Set<String> names = new LinkedHashSet<>(expression.referencedNames());
        names.removeIf(name -> name.startsWith(VariableScope.PARAMETER_PREFIX));
        return names;
    }

    private static String role(SourceNode node) {
        return node.path().replaceFirst("^rules\\[\\d+]\\.", "");
    }

    private List<String> parametersUsed(
            List<CompiledRule.NamedFeature> named, CheckedExpression when, CheckedExpression level) {
        Set<String> used = new HashSet<>(when.referencedParameters());
        if (level != null) {
            used.addAll(level.referencedParameters());
        }
        for (CompiledRule.NamedFeature feature : named) {
            if (feature.feature() instanceof AggregateFeature aggregate) {
                used.addAll(aggregate.parameters());
                used.addAll(aggregate.filter().parameters());
            }
        }
        return parameterNames.stream().filter(used::contains).toList();
    }

    private static boolean appliesToUnregistered(Direction direction, List<CompiledRule.NamedFeature> named) {
        if (direction != Direction.DOWN) {
            return false;
        }
        for (CompiledRule.NamedFeature feature : named) {
            if (feature.feature() instanceof FactFeature fact && !fact.fact().knownWithoutRegistry()) {
                return false;
            }
            if (feature.feature() instanceof AggregateFeature aggregate && !personOnly(aggregate)) {
                return false;
            }
        }
        return true;
    }

    /** Whether an aggregation needs nothing but a person's own records, which an unregistered person has too. */
    private static boolean personOnly(AggregateFeature aggregate) {
        if (aggregate.filter().category().key() != CategoryKey.PERSON) {
            return false;
        }
        Set<String> read = new HashSet<>(aggregate.variables());
        read.addAll(aggregate.filter().variables());
        for (RecordAttribute attribute : RecordAttribute.values()) {
            if (attribute.fromRegistry() && read.contains(attribute.variable())) {
                return false;
            }
        }
        return true;
    }
}
