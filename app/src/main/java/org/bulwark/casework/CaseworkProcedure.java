package org.bulwark.casework;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bulwark.core.casework.CaseProcedure;
import org.bulwark.core.casework.ProcedureCatalogue;
import org.bulwark.core.casework.ProcedureDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The procedures in force: the shipped {@code casework/procedure.yaml} or a province's own file
 * ({@code bulwark.casework.procedure}). A file that does not load stops the start with its reason.
 */
@Component
public class CaseworkProcedure {

    private final ProcedureCatalogue catalogue;

    CaseworkProcedure(@Value("${bulwark.casework.procedure:}") String file) throws IOException {
        if (file == null || file.isBlank()) {
            try (Reader reader = new InputStreamReader(
                    CaseworkProcedure.class.getClassLoader().getResourceAsStream("casework/procedure.yaml"),
                    StandardCharsets.UTF_8)) {
                this.catalogue = ProcedureCatalogue.load(reader, "casework/procedure.yaml");
            }
        } else {
            try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                this.catalogue = ProcedureCatalogue.load(reader, file);
            }
        }
    }

    /** The procedure of the region's province. */
    public ProcedureDefinition definition(String regionCode) {
        return catalogue.forRegion(regionCode);
    }

    /** The state machine of the region's province. */
    public CaseProcedure rules(String regionCode) {
        return new CaseProcedure(definition(regionCode));
    }
}
