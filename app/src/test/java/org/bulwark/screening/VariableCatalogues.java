package org.bulwark.screening;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The default variable catalogue for tests of other modules that write figures with its labels and units. */
public final class VariableCatalogues {

    private VariableCatalogues() {}

    public static VariableCatalogue defaults() {
        try {
            return new VariableCatalogue("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
