package org.bulwark.platform.web;

import java.util.function.UnaryOperator;
import org.bulwark.platform.FieldProblem;
import org.bulwark.platform.InvalidInputException;
import org.springframework.beans.NotReadablePropertyException;
import org.springframework.validation.BindingResult;

/** Puts the problems of refused input on the form's fields, with message codes {@code problem.<code>}. */
public final class FormErrors {

    private FormErrors() {}

    /** Adds each problem to the field that {@code fieldName} maps it to (null: a global error). */
    public static void apply(InvalidInputException e, BindingResult result, UnaryOperator<String> fieldName) {
        for (FieldProblem problem : e.problems()) {
            String field = fieldName.apply(problem.field());
            String code = "problem." + problem.code();
            if (field == null) {
                result.reject(code, null, problem.field() + ": " + problem.message());
                continue;
            }
            try {
                result.rejectValue(field, code, null, problem.message());
            } catch (NotReadablePropertyException notOnTheForm) {
                result.reject(code, null, problem.field() + ": " + problem.message());
            }
        }
    }
}
