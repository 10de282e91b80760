package org.bulwark.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bulwark.core.screening.Rule;
import org.bulwark.core.screening.RuleFeature;
import org.bulwark.core.screening.RuleSet;
import org.junit.jupiter.api.Test;

/** Every figure and parameter of the shipped rule file has a Chinese and English label and a unit. */
class VariableCatalogueTest {

    private final VariableCatalogue catalogue = catalogue();

    private static VariableCatalogue catalogue() {
        try {
            return new VariableCatalogue("");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RuleSet rules() throws Exception {
        try (var reader = new InputStreamReader(
                VariableCatalogueTest.class.getClassLoader().getResourceAsStream("screening/rules.yaml"),
                StandardCharsets.UTF_8)) {
            return RuleSet.load(reader, "screening/rules.yaml");
        }
    }

    @Test
    void everyFigureOfEveryRuleHasALabelAndAUnit() throws Exception {
        RuleSet rules = rules();
        List<String> missing = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            for (RuleFeature feature : rules.features(rule.id())) {
                catalogue
                        .variable(feature.name())
                        .filter(e -> !e.zh().isBlank() && e.en() != null && e.unit() != null)
                        .ifPresentOrElse(e -> {}, () -> missing.add(rule.id() + " " + feature.name()));
            }
        }
        assertThat(missing)
                .as("figures of rules.yaml without a label or unit in variables.yaml")
                .isEmpty();
    }

    @Test
    void everyParameterHasALabelAndAUnit() throws Exception {
        List<String> missing = rules().parameterNames().stream()
                .filter(name -> catalogue
                        .parameter(name)
                        .filter(e -> !e.zh().isBlank() && e.en() != null)
                        .isEmpty())
                .toList();
        assertThat(missing)
                .as("parameters of rules.yaml without a label or unit in variables.yaml")
                .isEmpty();
    }

    @Test
    void labelsAreChineseUnlessEnglishIsAsked() {
        VariableCatalogue.Entry income = catalogue.variable("net_income").orElseThrow();
        assertThat(income.label(Locale.CHINA)).isEqualTo("家庭年纯收入");
        assertThat(income.label(Locale.ENGLISH)).isEqualTo("household net income");
        assertThat(income.unit()).isEqualTo(VariableCatalogue.Unit.YUAN);
        assertThat(catalogue.parameter("line").orElseThrow().unit()).isEqualTo(VariableCatalogue.Unit.YUAN_PER_PERSON);
    }

    @Test
    void namesAreMaskedToTheFamilyName() {
        assertThat(WarningExplanations.maskName("在读子女")).isEqualTo("在***");
        assertThat(WarningExplanations.maskName("王五")).isEqualTo("王*");
    }
}
