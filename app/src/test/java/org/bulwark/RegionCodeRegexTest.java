package org.bulwark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Region codes are read by the core's {@code RegionCode} ({@code parse}, {@code tryParse}, {@code tryParseFull},
 * {@code isPrefix}), not by regexes of their own: each regex was a slightly different rule (12 digits, 0 to 12, the
 * five level lengths) and none refused province {@code 00}. This scans the main sources of every Maven module but the
 * core for a regex shaped like a region code, so such a check cannot quietly come back.
 */
class RegionCodeRegexTest {

    /** A digit run of up to 12, or of exactly 12: a full code or a scope prefix ({@code \\d{12}}, {@code [0-9]{0,12}}). */
    private static final Pattern TWELVE = Pattern.compile("(\\\\\\\\d|\\[0-9\\])\\{([0-9]+,)?12\\}");
    /** A whole literal that is one level's digits, e.g. {@code "[0-9]{6}"} for a county code. */
    private static final Pattern ONE_LEVEL = Pattern.compile("\"\\^?(\\\\\\\\d|\\[0-9\\])\\{(2|4|6|9)\\}\\$?\"");

    /** Whether a line of Java source holds a region-code-shaped regex. */
    static boolean regionRegex(String line) {
        return TWELVE.matcher(line).find() || ONE_LEVEL.matcher(line).find();
    }

    @Test
    void theDetectorKnowsTheShapesItForbids() {
        assertThat(regionRegex("if (!code.matches(\"\\\\d{12}\")) {")).isTrue();
        assertThat(regionRegex("if (!code.matches(\"[0-9]{12}\")) {")).isTrue();
        assertThat(regionRegex("prefix.matches(\"[0-9]{0,12}\")")).isTrue();
        assertThat(regionRegex("s.matches(\"[0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12}\")"))
                .isTrue();
        assertThat(regionRegex("if (!code.matches(\"[0-9]{6}\")) {")).isTrue();
        assertThat(regionRegex("if (!code.matches(\"\\\\d{9}\")) {")).isTrue();
        // identity numbers, phones and their masks are other shapes
        assertThat(regionRegex("Pattern.compile(\"\\\\s*1[3-9][0-9]{9}\\\\s*\")"))
                .isFalse();
        assertThat(regionRegex("text.matches(\"[0-9]{17}[0-9xX]\")")).isFalse();
        assertThat(regionRegex("\"(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])\"")).isFalse();
        assertThat(regionRegex("RegionCode.tryParseFull(code)")).isFalse();
    }

    @Test
    void noModuleButTheCoreChecksRegionCodesWithARegex() throws IOException {
        List<String> found = new ArrayList<>();
        // tests run in the module's directory; its siblings are the other Maven modules
        try (Stream<Path> modules = Files.list(Path.of("..").toAbsolutePath().normalize())) {
            for (Path module : modules.filter(m -> !m.getFileName().toString().equals("core"))
                    .toList()) {
                Path sources = module.resolve("src/main/java");
                if (Files.isDirectory(sources)) {
                    found.addAll(regionRegexes(sources));
                }
            }
        }
        assertThat(found)
                .as("parse region codes with org.bulwark.core.region.RegionCode instead")
                .isEmpty();
    }

    @Test
    void theScanReachesThisModulesSources() {
        // guards the scan above against passing because it looked in the wrong place
        assertThat(Files.isRegularFile(Path.of("src/main/java/org/bulwark/region/Regions.java")))
                .isTrue();
    }

    private static List<String> regionRegexes(Path sources) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = read(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (regionRegex(lines.get(i))) {
                        found.add(sources.relativize(file) + ":" + (i + 1) + ": "
                                + lines.get(i).strip());
                    }
                }
            }
        }
        return found;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
