package org.bulwark.core.screening;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A draft rule file made from the active one by choices a county makes on a form rather than by editing YAML: which
 * rules to try, and new values for some thresholds of its province in one year. The draft is an ordinary rule file,
 * loaded by the same parser, so a shadow run of it means exactly what the same edit by hand would.
 */
public final class RuleFileDraft {

    private RuleFileDraft() {}

    /**
     * The rule file text with only the kept rules and the given parameter values set for the province and year.
     *
     * @param activeText   the active rule file
     * @param keptRules    ids of the rules to keep (others are left out of the draft)
     * @param provinceCode two digits
     * @param changed      parameter values to set for that province and year
     */
    public static String of(
            String activeText, Set<String> keptRules, String provinceCode, int year, Map<String, Double> changed) {
        Yaml yaml = new Yaml(
                new SafeConstructor(new LoaderOptions()),
                new Representer(dumperOptions()),
                dumperOptions(),
                new DatesAsWritten());
        Map<Object, Object> file = asMap(yaml.load(activeText), "the rule file");
        List<Object> rules = new ArrayList<>();
        for (Object rule : (List<?>) file.getOrDefault("rules", List.of())) {
            if (keptRules.contains(String.valueOf(asMap(rule, "a rule").get("id")))) {
                rules.add(rule);
            }
        }
        file.put("rules", rules);
        if (!changed.isEmpty()) {
            Map<Object, Object> parameters =
                    asMap(file.computeIfAbsent("parameters", k -> new LinkedHashMap<>()), "parameters");
            Map<Object, Object> province = asMap(
                    parameters.computeIfAbsent(provinceCode, k -> new LinkedHashMap<>()), "the province's parameters");
            Object yearKey = province.containsKey(String.valueOf(year)) ? String.valueOf(year) : year;
            Map<Object, Object> values =
                    asMap(province.computeIfAbsent(yearKey, k -> new LinkedHashMap<>()), "the year's parameters");
            values.putAll(changed);
        }
        return yaml.dump(file);
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> asMap(Object node, String what) {
        if (node instanceof Map<?, ?> map) {
            return (Map<Object, Object>) map;
        }
        throw new RuleException("draft", null, 0, what + " is not a mapping");
    }

    /** Reads a date such as {@code effective_from: 2026-01-01} as the text it is, so the draft writes it unchanged. */
    private static final class DatesAsWritten extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }

    private static DumperOptions dumperOptions() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setWidth(120);
        return options;
    }
}
