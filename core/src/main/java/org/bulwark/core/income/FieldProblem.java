package org.bulwark.core.income;

import java.util.Objects;

/** One problem with one form field: the field name, a stable machine code, and an English message for people. */
public record FieldProblem(String field, String code, String message) {

    /** Requires all three parts. */
    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
