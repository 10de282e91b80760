package org.bulwark.casework;

import java.util.Arrays;
import java.util.Optional;

/** How a declaration came in; the names are the values of {@code declaration.channel}. */
public enum DeclarationChannel {
    /** The public form, without signing in. */
    PUBLIC_FORM,
    /** Taken down at a service window by a signed-in operator. */
    SERVICE_WINDOW,
    /** Taken down on the hotline by a signed-in operator. */
    HOTLINE;

    /** The channel an operator records a declaration through, by name; empty for anything else. */
    static Optional<DeclarationChannel> operated(String name) {
        return Arrays.stream(values())
                .filter(c -> c != PUBLIC_FORM && c.name().equals(name))
                .findFirst();
    }
}
