package org.bulwark.core.village;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Turns an indicator file into a catalogue, checking every property. SnakeYAML's {@link SafeConstructor} builds only
 * maps, lists and scalars, so a file cannot make the loader instantiate classes.
 */
final class IndicatorCatalogueReader {

    private static final Set<String> KEYS = Set.of("code", "name", "name_en", "type", "unit", "unit_en", "source");

    private final String source;

    IndicatorCatalogueReader(String source) {
        this.source = source;
    }

    IndicatorCatalogue read(Reader yaml) {
        List<?> entries = entries(yaml);
        List<Indicator> indicators = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Object entry = entries.get(i);
            String code = entry instanceof Map<?, ?> map && map.get("code") instanceof String s ? s : "#" + (i + 1);
            try {
                if (!(entry instanceof Map<?, ?> map)) {
                    throw new IllegalArgumentException("must be a mapping of keys to values");
                }
                indicators.add(indicator(map));
            } catch (IllegalArgumentException e) {
                throw new IndicatorCatalogueException(source, code, e.getMessage());
            }
        }
        try {
            return new IndicatorCatalogue(indicators);
        } catch (IllegalArgumentException e) {
            throw new IndicatorCatalogueException(source, null, e.getMessage());
        }
    }

    private List<?> entries(Reader yaml) {
        LoaderOptions options = new LoaderOptions();
        // a key written twice is a copy-paste slip whose second value would silently win
        options.setAllowDuplicateKeys(false);
        Object document;
        try {
            document = new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (YAMLException e) {
            throw new IndicatorCatalogueException(source, null, "not valid YAML: " + e.getMessage());
        }
        if (!(document instanceof Map<?, ?> top) || !(top.get("indicators") instanceof List<?> list)) {
            throw new IndicatorCatalogueException(source, null, "needs a list under 'indicators'");
        }
        if (top.size() > 1) {
            throw new IndicatorCatalogueException(source, null, "only 'indicators' is known at the top");
        }
        return list;
    }

    private static Indicator indicator(Map<?, ?> map) {
        Set<String> unknown = new TreeSet<>();
        map.keySet().forEach(k -> {
            if (!KEYS.contains(String.valueOf(k))) {
                unknown.add(String.valueOf(k));
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "unknown properties " + unknown + " (known: " + new TreeSet<>(KEYS) + ")");
        }
        return new Indicator(
                text(map, "code"),
                text(map, "name"),
                text(map, "name_en"),
                type(text(map, "type")),
                text(map, "unit"),
                text(map, "unit_en"),
                text(map, "source"));
    }

    private static IndicatorType type(String value) {
        if (value == null) {
            throw new IllegalArgumentException("no type (yes_no, percent or number)");
        }
        try {
            return IndicatorType.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown type '" + value + "' (expected yes_no, percent or number)");
        }
    }

    private static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException(key + " must be text, not " + value + " (quote it)");
        }
        return s;
    }
}
