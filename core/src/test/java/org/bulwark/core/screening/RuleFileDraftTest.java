package org.bulwark.core.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A draft made on the form is the active rule file with fewer rules and a province's new thresholds for a year. */
class RuleFileDraftTest {

    private static String activeText() throws IOException {
        try (InputStream in = RuleFileDraftTest.class.getClassLoader().getResourceAsStream("screening/rules.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void keepsTheChosenRulesAndSetsTheProvincesValuesForTheYear() throws IOException {
        RuleSet active = RuleSet.load(new StringReader(activeText()), "active");

        String draft = RuleFileDraft.of(
                activeText(),
                Set.of("INC-01", "MED-01"),
                "52",
                2026,
                Map.of("line", 9500.0, "med_threshold_low", 3000.0));
        RuleSet loaded = RuleSet.load(new StringReader(draft), "draft");

        assertThat(loaded.rules()).extracting(Rule::id).containsExactly("INC-01", "MED-01");
        assertThat(loaded.rule("INC-01").orElseThrow())
                .usingRecursiveComparison()
                .ignoringFields("line")
                .isEqualTo(active.rule("INC-01").orElseThrow());
        assertThat(loaded.parameters("52", 2026).value("line")).isEqualTo(9500.0);
        assertThat(loaded.parameters("52", 2026).value("med_threshold_low")).isEqualTo(3000.0);
        // other years, other provinces and the file's own defaults stay as they were
        assertThat(loaded.parameters("52", 2025).value("line"))
                .isEqualTo(active.parameters("52", 2025).value("line"));
        assertThat(loaded.parameters("53", 2026).value("med_threshold_low"))
                .isEqualTo(active.parameters("53", 2026).value("med_threshold_low"));
        assertThat(loaded.version()).isEqualTo(active.version());
        assertThat(loaded.effectiveFrom()).isEqualTo(active.effectiveFrom());
    }

    @Test
    void aYearTheProvinceHadNotSetIsAddedAndNoChangeLeavesEveryThresholdAlone() throws IOException {
        RuleSet active = RuleSet.load(new StringReader(activeText()), "active");

        RuleSet newYear = RuleSet.load(
                new StringReader(RuleFileDraft.of(activeText(), Set.of("INC-01"), "52", 2031, Map.of("line", 10000.0))),
                "draft");
        RuleSet unchanged = RuleSet.load(
                new StringReader(RuleFileDraft.of(
                        activeText(),
                        Set.copyOf(active.rules().stream().map(Rule::id).toList()),
                        "52",
                        2026,
                        Map.of())),
                "draft");

        assertThat(newYear.parameters("52", 2031).value("line")).isEqualTo(10000.0);
        assertThat(newYear.parameterYears("52")).contains(2025, 2026, 2031);
        assertThat(unchanged.rules())
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("line")
                .isEqualTo(active.rules());
        for (String name : active.parameterNames()) {
            assertThat(unchanged.parameters("52", 2026).value(name))
                    .as(name)
                    .isEqualTo(active.parameters("52", 2026).value(name));
        }
    }
}
