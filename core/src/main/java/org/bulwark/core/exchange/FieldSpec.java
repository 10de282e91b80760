package org.bulwark.core.exchange;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One field (column) of a data category.
 *
 * @param name          the code, lower snake case, e.g. {@code out_of_pocket}; accepted as a column header
 * @param label         the Chinese column header of the import template, also accepted as a column header
 * @param type          how cells are parsed
 * @param required      whether every row must have a value
 * @param choices       the allowed codes of a {@link FieldType#CHOICE} field, empty for other types
 * @param min           the smallest allowed value of a numeric field, or null
 * @param max           the largest allowed value of a numeric field, or null
 * @param futureAllowed whether a date may lie after the day of the upload (a loan's due date); other dates may not
 * @param example       the value shown in the template's sample row, or null
 * @param choiceLabels  the Chinese word of each choice, by code (officials type 住院, not inpatient); a choice
 *                      without a word here is shown and accepted by its code only
 */
public record FieldSpec(
        String name,
        String label,
        FieldType type,
        boolean required,
        List<String> choices,
        BigDecimal min,
        BigDecimal max,
        boolean futureAllowed,
        String example,
        Map<String, String> choiceLabels) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    /** Checks that the parts fit together; throws {@link IllegalArgumentException} saying what does not. */
    public FieldSpec {
        Objects.requireNonNull(type, "type");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name '" + name + "' must be lower snake case (a-z, 0-9, _)");
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("field " + name + " has no label");
        }
        choices = choices == null ? List.of() : List.copyOf(choices);
        checkChoices(name, type, choices);
        choiceLabels = choiceLabels == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(choiceLabels));
        checkChoiceLabels(name, choices, choiceLabels);
        checkRange(name, type, min, max);
        if (futureAllowed && type != FieldType.DATE) {
            throw new IllegalArgumentException("field " + name + " is not a date, so future_allowed means nothing");
        }
    }

    /** A field whose choices (if any) have no Chinese words. */
    public FieldSpec(
            String name,
            String label,
            FieldType type,
            boolean required,
            List<String> choices,
            BigDecimal min,
            BigDecimal max,
            boolean futureAllowed,
            String example) {
        this(name, label, type, required, choices, min, max, futureAllowed, example, null);
    }

    /** A field without future dates and without an example. */
    public FieldSpec(
            String name,
            String label,
            FieldType type,
            boolean required,
            List<String> choices,
            BigDecimal min,
            BigDecimal max) {
        this(name, label, type, required, choices, min, max, false, null);
    }

    private static void checkChoices(String name, FieldType type, List<String> choices) {
        if (type == FieldType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("field " + name + " is a choice without choices");
        }
        if (type != FieldType.CHOICE && !choices.isEmpty()) {
            throw new IllegalArgumentException("field " + name + " has choices but its type is " + lower(type));
        }
        // choices are matched case-insensitively, so two that differ only in case could never be told apart
        Set<String> seen = new HashSet<>();
        for (String choice : choices) {
            if (choice == null || choice.isBlank()) {
                throw new IllegalArgumentException("field " + name + " has a blank choice");
            }
            if (!seen.add(choice.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("field " + name + " lists the choice '" + choice + "' twice");
            }
        }
    }

    /** The Chinese word of a choice, or the code itself where the catalogue gives none. */
    public String choiceLabel(String code) {
        return choiceLabels.getOrDefault(code, code);
    }

    /** The choices as officials write them: the Chinese word of each (or its code where it has none), in order. */
    public List<String> choiceWords() {
        return choices.stream().map(this::choiceLabel).toList();
    }

    /**
     * The code of the choice that {@code text} stands for: a code (any case) or a choice's Chinese word; or null.
     * Full-width letters and spaces are not folded: the words are matched as the template's drop-down writes them.
     */
    public String choiceCode(String text) {
        for (String choice : choices) {
            if (choice.equalsIgnoreCase(text) || text.equals(choiceLabels.get(choice))) {
                return choice;
            }
        }
        return null;
    }

    // a word may stand for one choice only, and never for another choice's code, or a cell could mean two things
    private static void checkChoiceLabels(String name, List<String> choices, Map<String, String> labels) {
        Set<String> seen = new HashSet<>();
        choices.forEach(choice -> seen.add(choice.toLowerCase(Locale.ROOT)));
        for (Map.Entry<String, String> entry : labels.entrySet()) {
            if (!choices.contains(entry.getKey())) {
                throw new IllegalArgumentException("field " + name + " names the word of '" + entry.getKey()
                        + "', which is not one of its choices");
            }
            String word = entry.getValue();
            if (word == null || word.isBlank()) {
                throw new IllegalArgumentException("field " + name + " has a blank word for choice " + entry.getKey());
            }
            if (!word.equalsIgnoreCase(entry.getKey()) && !seen.add(word.strip().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("field " + name + " uses the word '" + word + "' twice");
            }
        }
    }

    private static void checkRange(String name, FieldType type, BigDecimal min, BigDecimal max) {
        if ((min != null || max != null) && !type.isNumeric()) {
            throw new IllegalArgumentException("field " + name + " has min/max but its type is " + lower(type));
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new IllegalArgumentException(
                    "field " + name + " has min " + min.toPlainString() + " above its max " + max.toPlainString());
        }
        if (type == FieldType.INTEGER && (fractional(min) || fractional(max))) {
            throw new IllegalArgumentException("field " + name + " is an integer but its min/max has a fraction");
        }
    }

    private static String lower(FieldType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    private static boolean fractional(BigDecimal value) {
        return value != null && value.stripTrailingZeros().scale() > 0;
    }
}
