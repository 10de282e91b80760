package org.bulwark.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bulwark.core.exchange.CategorySchema;
import org.bulwark.core.exchange.DataCatalogue;
import org.bulwark.core.exchange.FieldSpec;
import org.bulwark.core.exchange.FieldType;
import org.bulwark.core.screening.DateFlag;
import org.bulwark.core.screening.RuleSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The shipped rules read only categories and fields the shipped catalogue has, with types that fit. */
class RulesMatchCatalogueTest {

    @Test
    void everyCategoryAndFieldTheRulesReadExistsInTheCatalogueWithAFittingType() throws Exception {
        DataCatalogue catalogue = DataCatalogue.defaults();
        RuleSet rules;
        try (var reader = new InputStreamReader(
                getClass().getClassLoader().getResourceAsStream("screening/rules.yaml"), StandardCharsets.UTF_8)) {
            rules = RuleSet.load(reader, "screening/rules.yaml");
        }
        assertThat(rules.rules()).hasSize(26);
        for (String category : rules.categoryNames()) {
            CategorySchema schema = catalogue.category(category).orElse(null);
            assertThat(schema)
                    .as("category %s of the rules is in the catalogue", category)
                    .isNotNull();
            for (Map.Entry<String, String> field :
                    rules.categoryFields(category).entrySet()) {
                Set<String> names = new HashSet<>();
                schema.fields().forEach(f -> names.add(f.name()));
                String name = "flag".equals(field.getValue())
                        ? DateFlag.sourceField(field.getKey(), names).orElse(null)
                        : field.getKey();
                FieldSpec spec = name == null ? null : schema.field(name).orElse(null);
                assertThat(spec)
                        .as("%s.%s is a catalogue field", category, field.getKey())
                        .isNotNull();
                String expected = switch (field.getValue()) {
                    case "number" -> "number";
                    case "flag" -> spec.type() == FieldType.DATE ? "date" : "flag";
                    default -> "text";
                };
                assertThat(kind(spec.type()))
                        .as("%s.%s type", category, field.getKey())
                        .isEqualTo(expected);
            }
        }
    }

    private static String kind(FieldType type) {
        return switch (type) {
            case INTEGER, DECIMAL -> "number";
            case BOOLEAN -> "flag";
            case DATE -> "date";
            default -> "text";
        };
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyTextLiteralARuleComparesWithIsAChoiceOfThatField() throws Exception {
        DataCatalogue catalogue = DataCatalogue.defaults();
        Map<String, Object> file;
        try (var in = getClass().getClassLoader().getResourceAsStream("screening/rules.yaml")) {
            file = new Yaml().load(in);
        }
        Pattern equality = Pattern.compile("(\\w+)\\s*[!=]=\\s*'([^']*)'");
        Pattern membership = Pattern.compile("(\\w+)\\s+in\\s+\\[([^\\]]*)\\]");
        int checked = 0;
        for (Map<String, Object> rule : (List<Map<String, Object>>) file.get("rules")) {
            for (Map<String, Object> feature : (List<Map<String, Object>>) rule.getOrDefault("features", List.of())) {
                if (!(feature.get("category") instanceof String category)
                        || !(feature.get("where") instanceof String where)) {
                    continue;
                }
                CategorySchema schema = catalogue.category(category).orElseThrow();
                List<String[]> literals = new ArrayList<>();
                var eq = equality.matcher(where);
                while (eq.find()) {
                    literals.add(new String[] {eq.group(1), eq.group(2)});
                }
                var in = membership.matcher(where);
                while (in.find()) {
                    for (String item : in.group(2).split(",")) {
                        String literal = item.strip();
                        if (literal.startsWith("'")) {
                            literals.add(new String[] {in.group(1), literal.substring(1, literal.length() - 1)});
                        }
                    }
                }
                for (String[] literal : literals) {
                    FieldSpec spec = schema.field(literal[0]).orElse(null);
                    if (spec == null || spec.type() != FieldType.CHOICE) {
                        continue;
                    }
                    assertThat(spec.choices())
                            .as("rule %s compares %s.%s with '%s'", rule.get("id"), category, literal[0], literal[1])
                            .contains(literal[1]);
                    checked++;
                }
            }
        }
        assertThat(checked).as("literals checked").isGreaterThan(5);
    }
}
