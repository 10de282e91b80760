package org.bulwark.platform.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.bulwark.platform.FieldProblem;

/** Reads numbers and dates typed on a page, naming the field of each that is not one. */
public final class FormText {

    private FormText() {}

    public static BigDecimal amount(String field, String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "number", "is not a number"));
            return null;
        }
    }

    public static Integer whole(String field, String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "number", "is not a whole number"));
            return null;
        }
    }

    public static Long id(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    public static LocalDate date(String field, String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "date", "is not a date (yyyy-mm-dd)"));
            return null;
        }
    }

    public static String text(Object value) {
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString(); // never 1E+5 on a form
        }
        return value == null ? null : value.toString();
    }
}
