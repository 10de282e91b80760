package org.bulwark.core.generate.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bulwark.core.generate.feeds.FeedFixtures.AS_OF;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bulwark.core.exchange.CategorySchema;
import org.bulwark.core.exchange.DataCatalogue;
import org.bulwark.core.exchange.RowProblem;
import org.bulwark.core.exchange.RowValidator;
import org.bulwark.core.generate.GeneratedHousehold;
import org.bulwark.core.generate.GeneratedPerson;
import org.bulwark.core.identity.IdentityNumber;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every generated row is one the department-data import accepts: checked against the application's catalogue both by
 * a plain reading of the YAML and by the import's own row validation.
 */
class FeedRowsMatchTheCatalogueTest {

    private static final Path CATALOGUE = Path.of("src/main/resources/exchange/categories.yaml");
    /** Categories no department sends: the platform hands them to the exchange from its own records. */
    private static final Set<String> PRODUCED_BY_THE_PLATFORM = Set.of("industry_benefit");

    private static List<GeneratedHousehold> households;
    private static CollectedRows collected;
    private static Map<String, List<Map<String, Object>>> fieldsByCategory;

    @BeforeAll
    static void generate() throws IOException {
        households = FeedFixtures.households(5_000, 3L);
        collected = new CollectedRows();
        // high shares, so that every planted kind of record is among the rows checked
        new DepartmentFeedGenerator(new FeedSettings(9L, AS_OF, 0.5, 0.5, 0.05, 6))
                .generate(households.iterator(), collected);
        fieldsByCategory = readCatalogue();
    }

    @Test
    void everyRowPassesTheImportsOwnValidation() throws IOException {
        DataCatalogue catalogue;
        try (Reader reader = Files.newBufferedReader(CATALOGUE, StandardCharsets.UTF_8)) {
            catalogue = DataCatalogue.load(reader, CATALOGUE.toString());
        }
        Map<String, RowValidator> validators = new HashMap<>();
        List<RowProblem> problems = new ArrayList<>();
        long number = 0;
        for (CollectedRows.Emitted emitted : collected.rows()) {
            RowValidator validator = validators.computeIfAbsent(
                    emitted.category(),
                    code -> new RowValidator(catalogue.category(code).orElseThrow(), AS_OF));
            problems.addAll(validator.validate(++number, emitted.row()).problems());
            if (problems.size() > 20) {
                break;
            }
        }
        assertThat(problems).isEmpty();
        for (CategorySchema schema : catalogue.categories()) {
            List<Map<String, String>> rows = collected.of(schema.code());
            if (!rows.isEmpty()) {
                assertThat(new RowValidator(schema, AS_OF)
                                .checkColumns(rows.get(0).keySet()))
                        .isEmpty();
            }
        }
    }

    @Test
    void everyRowHasItsCategorysFieldsInOrderWithWellFormedValues() {
        for (CollectedRows.Emitted emitted : collected.rows()) {
            List<Map<String, Object>> fields = fieldsByCategory.get(emitted.category());
            assertThat(fields)
                    .as("category %s is in the catalogue", emitted.category())
                    .isNotNull();
            assertThat(List.copyOf(emitted.row().keySet()))
                    .isEqualTo(fields.stream().map(f -> f.get("name")).toList());
            for (Map<String, Object> field : fields) {
                checkCell(emitted.category(), field, emitted.row().get((String) field.get("name")));
            }
        }
    }

    @Test
    void feedCategoriesAreTheCataloguesWithTheSameFieldOrder() {
        Map<String, List<Object>> catalogue = new LinkedHashMap<>();
        fieldsByCategory.forEach((code, fields) ->
                catalogue.put(code, fields.stream().map(f -> f.get("name")).toList()));

        assertThat(FeedCategory.columns()).isEqualTo(catalogue);
    }

    @Test
    void everyCategoryIsProduced() {
        Set<String> produced = new HashSet<>();
        collected.rows().forEach(e -> produced.add(e.category()));

        assertThat(produced).isEqualTo(fieldsByCategory.keySet());
    }

    @Test
    void noRowRepeatsAnotherOfItsCategory() {
        // the import rejects a row identical to an earlier one of the same file
        Set<CollectedRows.Emitted> seen = new HashSet<>();
        List<CollectedRows.Emitted> repeated =
                collected.rows().stream().filter(e -> !seen.add(e)).toList();

        assertThat(repeated).isEmpty();
    }

    @Test
    void rowsAboutRegisteredPersonsCarryTheirRegisteredNames() {
        Map<String, String> names = new HashMap<>();
        for (GeneratedHousehold household : households) {
            for (GeneratedPerson person : household.members()) {
                names.put(person.idNumber(), person.name());
            }
        }
        long registeredRows = 0;
        for (CollectedRows.Emitted emitted : collected.rows()) {
            String id = emitted.row().get("id_number");
            if (id != null && names.containsKey(id)) {
                registeredRows++;
                assertThat(emitted.row().get("name")).isEqualTo(names.get(id));
            }
        }
        assertThat(registeredRows).isGreaterThan(50_000);
    }

    @Test
    void householdNumbersAndVillageCodesAreThoseOfRegisteredHouseholds() {
        Map<String, String> villages = new HashMap<>();
        households.forEach(h -> villages.put(h.householdNumber(), h.villageCode()));
        for (CollectedRows.Emitted emitted : collected.rows()) {
            String number = emitted.row().get("household_number");
            if (number != null && !number.isEmpty()) {
                assertThat(villages).containsKey(number);
                String village = emitted.row().get("village_code");
                if (village != null && !village.isEmpty()) {
                    assertThat(village).isEqualTo(villages.get(number));
                }
            }
        }
    }

    private static void checkCell(String category, Map<String, Object> field, String value) {
        String name = (String) field.get("name");
        String where = category + "." + name + " = '" + value + "'";
        assertThat(value).as(where).isNotNull();
        if (value.isEmpty()) {
            assertThat(field.get("required")).as(where + " is required").isNotEqualTo(Boolean.TRUE);
            return;
        }
        if (name.equals("id_number")) {
            assertThat(IdentityNumber.parse(value, AS_OF).value()).as(where).isEqualTo(value);
            return;
        }
        if (name.equals("household_number") || name.equals("village_code") || name.equals("location_code")) {
            assertThat(value).as(where).matches(name.equals("household_number") ? "\\d{16}" : "\\d{12}");
            return;
        }
        switch ((String) field.get("type")) {
            case "date" -> {
                LocalDate date = parseDate(where, value);
                if (!Boolean.TRUE.equals(field.get("future_allowed"))) {
                    assertThat(date).as(where + " is not in the future").isBeforeOrEqualTo(AS_OF);
                }
            }
            case "decimal" -> {
                assertThat(value).as(where).matches("\\d+\\.\\d{2}");
                checkRange(where, field, new BigDecimal(value));
            }
            case "integer" -> {
                assertThat(value).as(where).matches("\\d+");
                checkRange(where, field, new BigDecimal(value));
            }
            case "boolean" -> assertThat(value).as(where).isIn("true", "false");
            // the feeds write the codes; the catalogue maps each code to its Chinese word
            case "choice" ->
                assertThat(((Map<?, ?>) field.get("choices"))
                                .keySet().stream().map(String::valueOf).toList())
                        .as(where)
                        .contains(value);
            case "text" -> assertThat(value.length()).as(where).isBetween(1, 200);
            default -> throw new AssertionError("unknown type of " + where);
        }
    }

    private static LocalDate parseDate(String where, String value) {
        assertThat(value).as(where).matches("\\d{4}-\\d{2}-\\d{2}");
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new AssertionError(where + " is not a date", e);
        }
    }

    private static void checkRange(String where, Map<String, Object> field, BigDecimal value) {
        if (field.get("min") instanceof Number min) {
            assertThat(value).as(where).isGreaterThanOrEqualTo(new BigDecimal(min.toString()));
        }
        if (field.get("max") instanceof Number max) {
            assertThat(value).as(where).isLessThanOrEqualTo(new BigDecimal(max.toString()));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<Map<String, Object>>> readCatalogue() throws IOException {
        Map<String, Object> document;
        try (Reader reader = Files.newBufferedReader(CATALOGUE, StandardCharsets.UTF_8)) {
            document = new Yaml().load(reader);
        }
        Map<String, List<Map<String, Object>>> fields = new LinkedHashMap<>();
        for (Map<String, Object> category : (List<Map<String, Object>>) document.get("categories")) {
            if (!PRODUCED_BY_THE_PLATFORM.contains(category.get("code"))) {
                fields.put((String) category.get("code"), (List<Map<String, Object>>) category.get("fields"));
            }
        }
        return fields;
    }
}
