package org.bulwark.core.exchange;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * Turns a catalogue YAML file into category schemas, checking every property. SnakeYAML's {@link SafeConstructor}
 * builds only maps, lists and scalars, so a file cannot make the loader instantiate arbitrary classes.
 */
final class CatalogueReader {

    private static final Set<String> TOP_KEYS = Set.of("departments", "categories");
    private static final Set<String> CATEGORY_KEYS = Set.of(
            "code",
            "department",
            "label",
            "label_en",
            "keys",
            "name_field",
            "date_field",
            "amount_field",
            "period",
            "fields",
            "sensitive",
            "produced_by_platform");
    private static final Set<String> FIELD_KEYS =
            Set.of("name", "label", "type", "required", "choices", "min", "max", "future_allowed", "example");

    private final String source;
    // English names read along the way, by department and by category code
    private final Map<String, String> englishDepartments = new LinkedHashMap<>();
    private final Map<String, String> englishCategories = new LinkedHashMap<>();

    CatalogueReader(String source) {
        this.source = source;
    }

    List<CategorySchema> read(Reader yaml) {
        Map<String, String> departments;
        List<?> entries;
        try {
            Map<?, ?> top = asMap(parse(yaml), "the file");
            String unknown = unknownKeys(top, TOP_KEYS);
            if (unknown != null) {
                throw new IllegalArgumentException(unknown);
            }
            departments = readDepartments(asMap(top.get("departments"), "departments"));
            entries = asList(top.get("categories"), "categories");
            if (entries.isEmpty()) {
                throw new IllegalArgumentException("no categories");
            }
        } catch (IllegalArgumentException e) {
            throw new CatalogueException(source, null, e.getMessage(), e);
        }
        List<CategorySchema> schemas = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String code = "#" + (i + 1);
            try {
                Map<?, ?> entry = asMap(entries.get(i), "category " + code);
                code = entry.get("code") instanceof String s && !s.isBlank() ? s : code;
                if (!codes.add(code)) {
                    throw new IllegalArgumentException("code " + code + " is already used by an earlier category");
                }
                schemas.add(readCategory(entry, departments));
            } catch (IllegalArgumentException e) {
                throw new CatalogueException(source, code, e.getMessage(), e);
            }
        }
        return schemas;
    }

    private Object parse(Reader yaml) {
        LoaderOptions options = new LoaderOptions();
        // a key written twice is a copy-paste slip whose second value would silently win
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        try {
            return new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (YAMLException e) {
            throw new CatalogueException(source, null, "not valid YAML: " + e.getMessage(), e);
        }
    }

    /** Each department as {@code code: 中文} or {@code code: {zh: 中文, en: English}}. */
    private Map<String, String> readDepartments(Map<?, ?> map) {
        Map<String, String> departments = new LinkedHashMap<>();
        map.forEach((code, value) -> {
            Object label = value instanceof Map<?, ?> names ? names.get("zh") : value;
            if (!(code instanceof String c) || !(label instanceof String l) || l.isBlank()) {
                throw new IllegalArgumentException("department " + code + " needs a Chinese name as text");
            }
            if (value instanceof Map<?, ?> names) {
                String unknown = unknownKeys(names, Set.of("zh", "en"));
                if (unknown != null) {
                    throw new IllegalArgumentException("department " + c + ": " + unknown);
                }
                String english = text(names, "en", false);
                if (english != null) {
                    englishDepartments.put(c, english);
                }
            }
            departments.put(c, l);
        });
        return departments;
    }

    /** English names of the departments read, by code (those the file gives). */
    Map<String, String> englishDepartments() {
        return Map.copyOf(englishDepartments);
    }

    /** English names of the categories read, by code (those the file gives). */
    Map<String, String> englishCategories() {
        return Map.copyOf(englishCategories);
    }

    private CategorySchema readCategory(Map<?, ?> entry, Map<String, String> departments) {
        String unknown = unknownKeys(entry, CATEGORY_KEYS);
        if (unknown != null) {
            throw new IllegalArgumentException(unknown);
        }
        String department = text(entry, "department", true);
        String departmentLabel = departments.get(department);
        if (departmentLabel == null) {
            throw new IllegalArgumentException("department " + department + " is not listed under departments");
        }
        List<KeyType> keys = new ArrayList<>();
        for (Object key : asList(entry.get("keys"), "keys")) {
            keys.add(constant(KeyType.class, key, "key"));
        }
        String english = text(entry, "label_en", false);
        if (english != null) {
            englishCategories.put(text(entry, "code", true), english);
        }
        List<FieldSpec> fields = new ArrayList<>();
        for (Object field : asList(entry.get("fields"), "fields")) {
            fields.add(readField(asMap(field, "each field")));
        }
        return new CategorySchema(
                text(entry, "code", true),
                department,
                departmentLabel,
                text(entry, "label", true),
                keys,
                text(entry, "name_field", false),
                text(entry, "date_field", true),
                text(entry, "amount_field", false),
                constant(Period.class, require(entry, "period"), "period"),
                fields,
                flag(entry.get("sensitive"), "sensitive"),
                flag(entry.get("produced_by_platform"), "produced_by_platform"));
    }

    /**
     * A yes/no property, false when absent: {@code sensitive} (health, disability or bank data, shown only to roles
     * that need it), {@code produced_by_platform} (written by the platform, never uploaded).
     */
    private static boolean flag(Object value, String name) {
        if (value == null || value instanceof Boolean) {
            return Boolean.TRUE.equals(value);
        }
        throw new IllegalArgumentException(name + " must be true or false, not " + value);
    }

    private FieldSpec readField(Map<?, ?> entry) {
        String name = text(entry, "name", true);
        try {
            String unknown = unknownKeys(entry, FIELD_KEYS);
            if (unknown != null) {
                throw new IllegalArgumentException(unknown);
            }
            return new FieldSpec(
                    name,
                    text(entry, "label", true),
                    constant(FieldType.class, require(entry, "type"), "type"),
                    flag(entry, "required"),
                    choices(entry.get("choices")),
                    decimal(entry, "min"),
                    decimal(entry, "max"),
                    flag(entry, "future_allowed"),
                    example(entry.get("example")),
                    choiceLabels(entry.get("choices")));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            throw new IllegalArgumentException(
                    message.startsWith("field " + name) ? message : "field " + name + ": " + message, e);
        }
    }

    private static Object require(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no " + key);
        }
        return value;
    }

    private static String text(Map<?, ?> map, String key, boolean mandatory) {
        Object value = map.get(key);
        if (value == null) {
            if (mandatory) {
                throw new IllegalArgumentException("no " + key);
            }
            return null;
        }
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException(key + " must be text, not " + value + " (quote it)");
        }
        return s;
    }

    private static boolean flag(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean b)) {
            throw new IllegalArgumentException(key + " must be true or false, not " + value);
        }
        return b;
    }

    private static BigDecimal decimal(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Number || value instanceof String) {
            try {
                return new BigDecimal(value.toString());
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
        }
        throw new IllegalArgumentException(key + " must be a number, not " + value);
    }

    /** Choices are a list of codes, or a mapping of each code to the Chinese word officials write for it. */
    private static List<String> choices(Object value) {
        if (value == null) {
            return List.of();
        }
        List<String> choices = new ArrayList<>();
        for (Object choice : value instanceof Map<?, ?> map ? map.keySet() : asList(value, "choices")) {
            // YAML 1.1 reads a bare yes, no, on or off as a boolean: the author meant the word
            if (choice instanceof Boolean) {
                throw new IllegalArgumentException("choice " + choice + " was read as a boolean: quote it");
            }
            if (!(choice instanceof String || choice instanceof Number)) {
                throw new IllegalArgumentException("choice " + choice + " must be text");
            }
            choices.add(choice.toString());
        }
        return choices;
    }

    private static Map<String, String> choiceLabels(Object value) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((code, word) -> {
                if (!(word instanceof String w)) {
                    throw new IllegalArgumentException("the word of choice " + code + " must be text, not " + word);
                }
                labels.put(code.toString(), w);
            });
        }
        return labels;
    }

    private static String example(Object value) {
        if (value == null) {
            return null;
        }
        // an unquoted 2025-03-15 arrives as a timestamp at midnight UTC
        if (value instanceof Date date) {
            return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString();
        }
        if (value instanceof Map || value instanceof List) {
            throw new IllegalArgumentException("example must be a single value");
        }
        return value.toString();
    }

    private static <E extends Enum<E>> E constant(Class<E> type, Object value, String what) {
        String allowed = Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT))
                .toList()
                .toString();
        if (value instanceof String s) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(s.strip())) {
                    return constant;
                }
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + value + "' (expected one of " + allowed + ")");
    }

    private static Map<?, ?> asMap(Object value, String what) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(what + " must be a mapping of keys to values");
        }
        return map;
    }

    private static List<?> asList(Object value, String what) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(what + " must be a list");
        }
        return list;
    }

    private static String unknownKeys(Map<?, ?> map, Set<String> known) {
        Set<String> unknown = new TreeSet<>();
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                unknown.add(String.valueOf(key));
            }
        }
        return unknown.isEmpty()
                ? null
                : "unknown propert" + (unknown.size() == 1 ? "y " : "ies ") + String.join(", ", unknown) + " (known: "
                        + String.join(", ", new TreeSet<>(known)) + ")";
    }
}
