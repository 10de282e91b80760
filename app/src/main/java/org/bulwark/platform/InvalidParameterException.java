package org.bulwark.platform;

import java.util.List;

/**
 * A request parameter (query, form, path, a field of a JSON body, a file name) that no operation could accept — a
 * control character, a page beyond the bounds — refused before any service sees it: 400, naming the parameter.
 */
public class InvalidParameterException extends InvalidInputException {

    public InvalidParameterException(String parameter, String code, String message) {
        super(List.of(new FieldProblem(parameter, code, message)));
    }
}
