package org.bulwark.employment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.bulwark.core.employment.EmploymentWords;
import org.bulwark.platform.FieldProblem;

/**
 * Reads the text of a form, a JSON body or a file cell into values, naming the field of each that is wrong: a choice
 * by its code or Chinese word (EmploymentWords), a list of choices separated by commas or 、, an amount.
 */
final class Choices {

    static final BigDecimal LARGEST_WAGE = new BigDecimal("1000000");

    private Choices() {}

    static <E extends Enum<E>> E one(Class<E> type, String field, String text, boolean required, List<FieldProblem> p) {
        if (blank(text)) {
            if (required) {
                p.add(new FieldProblem(field, "required", "is required"));
            }
            return null;
        }
        Optional<E> value = EmploymentWords.parse(type, text);
        if (value.isEmpty()) {
            p.add(new FieldProblem(field, "choice", "'" + text.strip() + "' is not one of the choices"));
        }
        return value.orElse(null);
    }

    static <E extends Enum<E>> List<E> many(Class<E> type, String field, List<String> texts, List<FieldProblem> p) {
        LinkedHashSet<E> values = new LinkedHashSet<>();
        for (String text : texts == null ? List.<String>of() : texts) {
            for (String part : text == null ? new String[0] : text.split("[,，、;；]")) {
                if (!part.isBlank()) {
                    E value = one(type, field, part, false, p);
                    if (value != null) {
                        values.add(value);
                    }
                }
            }
        }
        return new ArrayList<>(values);
    }

    static BigDecimal wage(String field, BigDecimal value, boolean required, List<FieldProblem> p) {
        if (value == null) {
            if (required) {
                p.add(new FieldProblem(field, "required", "is required"));
            }
            return null;
        }
        if (value.signum() < 0 || value.compareTo(LARGEST_WAGE) > 0) {
            p.add(new FieldProblem(field, "wage_range", "must be between 0 and 1000000"));
        }
        return value;
    }

    static String text(String field, String value, int max, boolean required, List<FieldProblem> p) {
        if (blank(value)) {
            if (required) {
                p.add(new FieldProblem(field, "required", "is required"));
            }
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            p.add(new FieldProblem(field, "too_long", "is longer than " + max + " characters"));
        }
        return v;
    }

    /** The version a change was read at; none given is the first (a new row's). */
    static int version(Integer version) {
        return version == null ? 0 : version;
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
