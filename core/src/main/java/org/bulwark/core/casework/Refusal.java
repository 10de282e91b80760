package org.bulwark.core.casework;

import java.util.List;

/**
 * Why something may not happen: a code (its message key is {@code casework.refused.<code>}) and the values the
 * message names, in order.
 */
public record Refusal(String code, List<Object> arguments) {

    public Refusal {
        arguments = List.copyOf(arguments);
    }

    public static Refusal of(String code, Object... arguments) {
        return new Refusal(code, List.of(arguments));
    }
}
