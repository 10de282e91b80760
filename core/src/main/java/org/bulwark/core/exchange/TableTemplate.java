package org.bulwark.core.exchange;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The columns a table in a file must have, and how each cell becomes a typed value: what {@link RowValidator} checks
 * rows against. A department's data category is one ({@link CategorySchema#template()}); so are the registry's import
 * files, whose choice columns also take the other words counties write for a value (户主 and 本人 both mean the head).
 *
 * @param label         the table's Chinese name, as problems with unknown columns name it
 * @param fields        the columns, in template order
 * @param choiceAliases for a choice field (by name), further words accepted for a code: word → code; the field's
 *                      own word and code are always accepted
 * @param oneOfFields   fields of which a row needs at least one (a category's several keys); empty for none
 */
public record TableTemplate(
        String label,
        List<FieldSpec> fields,
        Map<String, Map<String, String>> choiceAliases,
        List<String> oneOfFields) {

    /** Checks that aliases and one-of fields name choice fields and fields of the table, and copies them. */
    public TableTemplate {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a table template needs a label");
        }
        fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
        oneOfFields = List.copyOf(oneOfFields == null ? List.of() : oneOfFields);
        Map<String, FieldSpec> byName = new HashMap<>();
        Set<String> headers = new HashSet<>();
        for (FieldSpec field : fields) {
            byName.put(field.name(), field);
            if (!headers.add(field.name()) || !headers.add(field.label().strip())) {
                throw new IllegalArgumentException("column " + field.name() + " / " + field.label() + " is used twice");
            }
        }
        Map<String, Map<String, String>> copied = new LinkedHashMap<>();
        if (choiceAliases != null) {
            choiceAliases.forEach((name, words) -> {
                FieldSpec field = byName.get(name);
                if (field == null || field.type() != FieldType.CHOICE) {
                    throw new IllegalArgumentException("aliases for " + name + ", which is not a choice field");
                }
                words.forEach((word, code) -> {
                    if (!field.choices().contains(code)) {
                        throw new IllegalArgumentException("alias " + word + " of " + name + " names no choice");
                    }
                });
                copied.put(name, Map.copyOf(words));
            });
        }
        choiceAliases = Map.copyOf(copied);
        for (String name : oneOfFields) {
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException("one-of field " + name + " is not a column");
            }
        }
    }

    /** A template without aliases and without one-of fields. */
    public TableTemplate(String label, List<FieldSpec> fields) {
        this(label, fields, Map.of(), List.of());
    }

    /** The field with this name; throws when there is none (a programming error). */
    public FieldSpec field(String name) {
        // a loop, not a stream: imports ask for fields by name several times for each of a million rows
        int position = position(name);
        if (position < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + label);
        }
        return fields.get(position);
    }

    /** The position of the field with this name in {@link #fields()}, or -1. */
    public int position(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The code a cell's text stands for through an alias of the field, or null. */
    String alias(FieldSpec field, String text) {
        Map<String, String> words = choiceAliases.get(field.name());
        return words == null ? null : words.get(text);
    }
}
