package org.bulwark;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The feature modules only use each other's public API, without cycles; their diagrams are docs/modules. */
class ModularityTest {

    /** Committed, so that the module structure can be read without running anything; this test keeps it current. */
    static final Path DOCS = Path.of("../docs/modules");

    // the pure-Java core (org.bulwark.core) is a library every module may use, not a feature module
    private static final ApplicationModules MODULES = ApplicationModules.of(
            BulwarkApplication.class, JavaClass.Predicates.resideInAPackage("org.bulwark.core.."));

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDiagramAndCanvasesIntoDocs() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path file : files.toList()) {
                Files.write(file, inStableOrder(Files.readAllLines(file, StandardCharsets.UTF_8)));
            }
        }
        assertThat(DOCS.resolve("components.puml"))
                .content()
                .contains("Registry")
                .contains("Screening and warnings")
                .doesNotContain("Demo");
        assertThat(DOCS.resolve("module-registry.puml")).exists();
        assertThat(DOCS.resolve("module-registry.adoc")).exists();
    }

    /**
     * The Documenter lists components, relations and a canvas's items in hash order, which changes from run to run;
     * sorted within each run of such lines (their order means nothing), the committed files change only when the
     * modules do. A canvas's table cell opens with "|" on its first item, which stays first.
     */
    static List<String> inStableOrder(List<String> lines) {
        List<String> stable = new ArrayList<>();
        List<String> run = new ArrayList<>();
        String kind = null;
        for (String line : lines) {
            String lineKind = kind(line);
            if (lineKind == null || !lineKind.equals(kind) || line.startsWith("|")) {
                stable.addAll(sorted(run));
                run.clear();
            }
            (lineKind == null ? stable : run).add(line);
            kind = lineKind;
        }
        stable.addAll(sorted(run));
        return stable;
    }

    private static List<String> sorted(List<String> run) {
        boolean cell = !run.isEmpty() && run.get(0).startsWith("|");
        List<String> sorted = new ArrayList<>(run.stream()
                .map(l -> cell ? l.replaceFirst("^\\|", "") : l)
                .sorted()
                .toList());
        if (cell) {
            sorted.set(0, "|" + sorted.get(0));
        }
        return sorted;
    }

    private static String kind(String line) {
        String trimmed = line.startsWith("|") ? line.substring(1).strip() : line.strip();
        for (String kind : List.of("Rel(", "Component(", "* ")) {
            if (trimmed.startsWith(kind)) {
                return kind;
            }
        }
        return null;
    }
}
