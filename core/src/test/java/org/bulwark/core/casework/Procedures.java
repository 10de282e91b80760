package org.bulwark.core.casework;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The procedure file the application ships, read by the core's tests. */
final class Procedures {

    static final Path SHIPPED = Path.of("../app/src/main/resources/casework/procedure.yaml");

    private Procedures() {}

    static ProcedureCatalogue shipped() {
        try (Reader reader = Files.newBufferedReader(SHIPPED, StandardCharsets.UTF_8)) {
            return ProcedureCatalogue.load(reader, SHIPPED.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ProcedureCatalogue of(String yaml) {
        return ProcedureCatalogue.load(new StringReader(yaml), "test.yaml");
    }
}
