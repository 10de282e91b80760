package org.bulwark.platform;

import java.util.List;
import java.util.stream.Collectors;

/** Input refused, with every problem found (not just the first); nothing has been saved. */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public static InvalidInputException of(String field, String code, String message) {
        return new InvalidInputException(List.of(new FieldProblem(field, code, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
