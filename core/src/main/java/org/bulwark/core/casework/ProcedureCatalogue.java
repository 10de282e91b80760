package org.bulwark.core.casework;

import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The procedures of every province: a default and, per two-digit province code, the keys that province changes.
 * A file that does not describe a usable procedure is refused when loaded, naming the province and the reason.
 */
public final class ProcedureCatalogue {

    private final ProcedureDefinition standard;
    private final Map<String, ProcedureDefinition> provinces;

    private ProcedureCatalogue(ProcedureDefinition standard, Map<String, ProcedureDefinition> provinces) {
        this.standard = standard;
        this.provinces = Map.copyOf(provinces);
    }

    /** Reads a procedure file (see {@code casework/procedure.yaml}). */
    @SuppressWarnings("unchecked")
    public static ProcedureCatalogue load(Reader reader, String sourceName) {
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (RuntimeException e) {
            throw new ProcedureException(sourceName + ": not YAML: " + e.getMessage());
        }
        if (!(document instanceof Map<?, ?> root) || !(root.get("default") instanceof Map<?, ?> defaults)) {
            throw new ProcedureException(sourceName + ": needs a 'default' section");
        }
        ProcedureDefinition standard = definition(sourceName + " default", (Map<String, Object>) defaults);
        Map<String, ProcedureDefinition> provinces = new HashMap<>();
        Object provinceSection = root.get("provinces");
        if (provinceSection instanceof Map<?, ?> byProvince) {
            for (Map.Entry<?, ?> entry : byProvince.entrySet()) {
                String code = String.valueOf(entry.getKey());
                if (!code.matches("\\d{2}")) {
                    throw new ProcedureException(sourceName + ": province key '" + code + "' is not a 2-digit code");
                }
                if (!(entry.getValue() instanceof Map<?, ?> changes)) {
                    throw new ProcedureException(sourceName + " province " + code + ": expected a mapping");
                }
                Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) defaults);
                merged.putAll((Map<String, Object>) changes);
                provinces.put(code, definition(sourceName + " province " + code, merged));
            }
        } else if (provinceSection != null) {
            throw new ProcedureException(sourceName + ": 'provinces' must be a mapping");
        }
        return new ProcedureCatalogue(standard, provinces);
    }

    /** The procedure in force for a region (any code of 2 to 12 digits). */
    public ProcedureDefinition forRegion(String regionCode) {
        return provinces.getOrDefault(regionCode.substring(0, 2), standard);
    }

    private static ProcedureDefinition definition(String where, Map<String, Object> map) {
        try {
            List<StepRule> steps = steps(map.get("steps"), "steps");
            Object eliminationSection = map.get("elimination_steps");
            List<StepRule> elimination =
                    eliminationSection == null ? steps : steps(eliminationSection, "elimination_steps");
            Set<RiskType> green = EnumSet.noneOf(RiskType.class);
            for (Object risk : list(map.getOrDefault("green_channel_risks", List.of()), "green_channel_risks")) {
                green.add(RiskType.valueOf(String.valueOf(risk).toUpperCase(Locale.ROOT)));
            }
            int visitEvery = number(map, "visit_every_days");
            return new ProcedureDefinition(
                    number(map, "total_days"),
                    steps,
                    elimination,
                    visitEvery,
                    map.containsKey("observation_visit_every_days")
                            ? number(map, "observation_visit_every_days")
                            : visitEvery,
                    number(map, "monitored_at_least_months"),
                    number(map, "stable_income_months"),
                    number(map, "max_risk_types"),
                    green);
        } catch (ProcedureException | IllegalArgumentException e) {
            throw new ProcedureException(where + ": " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<StepRule> steps(Object section, String name) {
        List<StepRule> steps = new ArrayList<>();
        for (Object item : list(section, name)) {
            if (!(item instanceof Map<?, ?> entry)) {
                throw new ProcedureException(name + ": each step is a mapping with step, roles and days");
            }
            Map<String, Object> step = (Map<String, Object>) entry;
            Step kind;
            try {
                kind = Step.valueOf(String.valueOf(step.get("step")).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ProcedureException(name + ": unknown step '" + step.get("step") + "'");
            }
            List<String> roles = new ArrayList<>();
            for (Object role : list(step.get("roles"), name + " " + kind + " roles")) {
                roles.add(String.valueOf(role));
            }
            steps.add(new StepRule(
                    kind, roles, number(step, "days"), step.containsKey("min_days") ? number(step, "min_days") : 0));
        }
        return steps;
    }

    private static List<?> list(Object value, String name) {
        if (!(value instanceof List<?> list)) {
            throw new ProcedureException(name + " must be a list");
        }
        return list;
    }

    private static int number(Map<String, Object> map, String key) {
        if (!(map.get(key) instanceof Integer value)) {
            throw new ProcedureException(key + " must be a whole number, was " + map.get(key));
        }
        return value;
    }
}
