package org.bulwark.core.safetynet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.bulwark.core.screening.RuleSet;
import org.junit.jupiter.api.Test;

class SafetyNetStandardsTest {

    private static final String FILE = """
            standards:
              - {region: "52", year: 2026, allowance: 6400, support: 8320, source: province, demo: true}
              - {region: "5223", year: 2026, allowance: 6500, source: prefecture}
              - {region: "522324", year: 2026, allowance: 6600, support: 8580, source: county, demo: true}
              - {region: "52", year: 2025, allowance: 6100, source: province}
            """;

    private static SafetyNetStandards standards() {
        return SafetyNetStandards.load(new StringReader(FILE));
    }

    @Test
    void theMostSpecificRegionWins() {
        assertThat(standards().find("522324101209", 2026).orElseThrow().allowance())
                .isEqualByComparingTo("6600");
        assertThat(standards().find("522301101001", 2026).orElseThrow().allowance())
                .isEqualByComparingTo("6500");
        assertThat(standards().find("520102000000", 2026).orElseThrow().allowance())
                .isEqualByComparingTo("6400");
        assertThat(standards().find("530102000000", 2026)).isEmpty();
    }

    @Test
    void onlyTheStandardOfThatYearApplies() {
        // the county has no 2025 figure: the province's 2025 one applies, never the county's 2026 one
        assertThat(standards().find("522324101209", 2025).orElseThrow().allowance())
                .isEqualByComparingTo("6100");
        assertThat(standards().find("522324101209", 2024)).isEmpty();
    }

    @Test
    void anEditReplacesTheStandardOfItsRegionAndYear() {
        SafetyNetStandard edit = new SafetyNetStandard("522324", 2026, new BigDecimal("6700"), null, "edited", false);

        SafetyNetStandards edited = standards().with(List.of(edit));

        assertThat(edited.find("522324101209", 2026).orElseThrow()).isEqualTo(edit);
        assertThat(edited.all()).hasSize(4);
        assertThat(edited.all().get(0).regionCode()).isEqualTo("52");
    }

    @Test
    void refusesARegionThatIsNotAProvincePrefectureOrCounty() {
        assertThatThrownBy(() -> new SafetyNetStandard("5223241", 2026, BigDecimal.ONE, null, "x", false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SafetyNetStandard("52", 2026, new BigDecimal("-1"), null, "x", false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultStandardsCarryYunnansPublishedFigures() throws Exception {
        SafetyNetStandards defaults = defaults();

        assertThat(defaults.find("530102000000", 2021).orElseThrow().allowance())
                .isEqualByComparingTo("4770");
        SafetyNetStandard yunnan2024 = defaults.find("530102000000", 2024).orElseThrow();
        assertThat(yunnan2024.allowance()).isEqualByComparingTo("6400");
        assertThat(yunnan2024.demo()).isFalse();
        assertThat(defaults.find("522324101209", 2026).orElseThrow().demo()).isTrue();
    }

    @Test
    void provinceStandardsAgreeWithTheScreeningRulesParameter() throws Exception {
        // ALC-01/02 read the province's standard from rules.yaml; the two files must not drift apart
        RuleSet rules;
        try (Reader reader = resource("/screening/rules.yaml")) {
            rules = RuleSet.load(reader, "rules.yaml");
        }
        for (SafetyNetStandard s : defaults().all()) {
            if (s.regionCode().length() == 2) {
                assertThat(rules.parameters(s.regionCode(), s.year()).value("allowance_standard"))
                        .as(s.regionCode() + " " + s.year())
                        .isEqualTo(s.allowance().doubleValue());
            }
        }
    }

    static SafetyNetStandards defaults() throws Exception {
        try (Reader reader = resource("/safetynet/standards.yaml")) {
            return SafetyNetStandards.load(reader);
        }
    }

    private static Reader resource(String name) {
        return new InputStreamReader(
                Objects.requireNonNull(SafetyNetStandardsTest.class.getResourceAsStream(name), name),
                StandardCharsets.UTF_8);
    }
}
