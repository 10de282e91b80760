package org.bulwark.screening;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What the rules' figures (features) and parameters are called and in which unit they read: the catalogue beside the
 * rule file ({@code screening/variables.yaml}, or a province's own {@code bulwark.screening.variables}). One entry
 * per name, however many rules use it; a file with an unknown unit stops the start.
 */
@Component
public class VariableCatalogue {

    /** How a value is written: its unit, and for flags and categories a word instead of a number. */
    public enum Unit {
        YUAN,
        YUAN_PER_PERSON,
        PERSONS,
        DAYS,
        MONTHS,
        YEARS,
        GRADE,
        RECORDS,
        ITEMS,
        VEHICLES,
        BUSINESSES,
        PROPERTIES,
        SHARE,
        TIMES,
        YES_NO,
        CATEGORY;

        static Unit of(String code, String name) {
            try {
                return valueOf(code.strip().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalStateException("variables catalogue: " + name + " has an unknown unit '" + code + "'");
            }
        }
    }

    /** One figure's or parameter's label in both languages and its unit. */
    public record Entry(String zh, String en, Unit unit) {

        /** The label in the reader's language, Chinese unless English is asked for. */
        public String label(Locale locale) {
            return "en".equals(locale.getLanguage()) && en != null ? en : zh;
        }
    }

    private final Map<String, Entry> variables;
    private final Map<String, Entry> parameters;

    VariableCatalogue(@Value("${bulwark.screening.variables:}") String file) throws IOException {
        Map<String, Object> root;
        try (InputStream in = file == null || file.isBlank()
                ? VariableCatalogue.class.getClassLoader().getResourceAsStream("screening/variables.yaml")
                : Files.newInputStream(Path.of(file))) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        this.variables = entries(root.get("variables"));
        this.parameters = entries(root.get("parameters"));
    }

    /** A rule figure's (feature's) entry. */
    public Optional<Entry> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    /** A parameter's entry. */
    public Optional<Entry> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Entry> entries(Object section) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        if (section instanceof Map<?, ?> map) {
            map.forEach((name, value) -> {
                Map<String, Object> entry = (Map<String, Object>) value;
                Object zh = entry.get("zh");
                Object unit = entry.get("unit");
                if (zh == null || unit == null) {
                    throw new IllegalStateException("variables catalogue: " + name + " needs zh and unit");
                }
                entries.put(
                        String.valueOf(name),
                        new Entry(
                                String.valueOf(zh),
                                entry.get("en") == null ? null : String.valueOf(entry.get("en")),
                                Unit.of(String.valueOf(unit), String.valueOf(name))));
            });
        }
        return entries;
    }
}
