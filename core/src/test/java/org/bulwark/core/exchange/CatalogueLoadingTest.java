package org.bulwark.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a catalogue file is read and which mistakes in it are refused. */
class CatalogueLoadingTest {

    private static final String SOURCE = "test.yaml";

    /** A valid one-category catalogue; the tests break it in one place each. */
    private static final String VALID = """
            departments:
              health: 卫生健康委员会
            categories:
              - code: serious_illness
                department: health
                label: 大病慢病确诊
                keys: [person]
                name_field: name
                date_field: diagnosis_date
                period: event
                fields:
                  - {name: id_number, label: 身份证号, type: text, required: true}
                  - {name: name, label: 姓名, type: text, required: true}
                  - {name: diagnosis_date, label: 确诊日期, type: date, required: true, example: 2025-02-26}
                  - {name: cost, label: 费用, type: decimal, required: false, min: 0, max: 1000000.50}
                  - {name: category, label: 病种类别, type: choice, required: true, choices: [serious, chronic]}
            """;

    @Test
    void choicesWrittenAsCodeAndWordPairsGiveEachCodeItsChineseWord() {
        FieldSpec category = load(VALID.replace("choices: [serious, chronic]", "choices: {serious: 大病, chronic: 慢病}"))
                .category("serious_illness")
                .orElseThrow()
                .field("category")
                .orElseThrow();

        assertThat(category.choices()).containsExactly("serious", "chronic");
        assertThat(category.choiceWords()).containsExactly("大病", "慢病");
        assertThat(category.choiceCode("慢病")).isEqualTo("chronic");
        assertThat(category.choiceCode("CHRONIC")).isEqualTo("chronic");
        assertThat(category.choiceCode("急病")).isNull();
    }

    @Test
    void oneWordForTwoChoicesIsRefused() {
        assertThatThrownBy(
                        () -> load(VALID.replace("choices: [serious, chronic]", "choices: {serious: 大病, chronic: 大病}")))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("uses the word '大病' twice");
    }

    @Test
    void readsCategoryWithItsFieldsKeysAndRoles() {
        CategorySchema category = load(VALID).category("serious_illness").orElseThrow();

        assertThat(category.department()).isEqualTo("health");
        assertThat(category.departmentLabel()).isEqualTo("卫生健康委员会");
        assertThat(category.label()).isEqualTo("大病慢病确诊");
        assertThat(category.keys()).containsExactly(KeyType.PERSON);
        assertThat(category.keyFields()).containsExactly("id_number");
        assertThat(category.nameField()).isEqualTo("name");
        assertThat(category.dateField()).isEqualTo("diagnosis_date");
        assertThat(category.amountField()).isNull();
        assertThat(category.period()).isEqualTo(Period.EVENT);
        assertThat(category.fields())
                .extracting(FieldSpec::name)
                .containsExactly("id_number", "name", "diagnosis_date", "cost", "category");
        FieldSpec cost = category.field("cost").orElseThrow();
        assertThat(cost.type()).isEqualTo(FieldType.DECIMAL);
        assertThat(cost.required()).isFalse();
        assertThat(cost.min()).isEqualByComparingTo("0");
        assertThat(cost.max()).isEqualByComparingTo(new BigDecimal("1000000.50"));
        assertThat(category.field("category").orElseThrow().choices()).containsExactly("serious", "chronic");
    }

    @Test
    void anUnquotedDateExampleIsKeptAsTheDateItWrites() {
        FieldSpec date = load(VALID)
                .category("serious_illness")
                .orElseThrow()
                .field("diagnosis_date")
                .orElseThrow();

        assertThat(date.example()).isEqualTo("2025-02-26");
    }

    @Test
    void aCategoryIsSensitiveOnlyWhenItSaysSo() {
        assertThat(load(VALID).category("serious_illness").orElseThrow().sensitive())
                .isFalse();
        String sensitive = VALID.replace("    period: event", "    period: event\n    sensitive: true");
        assertThat(load(sensitive).category("serious_illness").orElseThrow().sensitive())
                .isTrue();
        String wrong = VALID.replace("    period: event", "    period: event\n    sensitive: maybe");
        assertThatThrownBy(() -> load(wrong)).hasMessageContaining("sensitive must be true or false");
    }

    @Test
    void englishNamesAreOptionalAndANameWithoutOneReadsInChineseOnEnglishPages() {
        CategorySchema plain = load(VALID).categories().get(0);
        assertThat(load(VALID).categoryName(plain, Locale.ENGLISH)).isEqualTo("大病慢病确诊");
        assertThat(load(VALID).departmentName(plain, Locale.ENGLISH)).isEqualTo("卫生健康委员会");

        DataCatalogue named = load(VALID.replace("health: 卫生健康委员会", "health: {zh: 卫生健康委员会, en: Health Commission}")
                .replace("label: 大病慢病确诊", "label: 大病慢病确诊\n    label_en: Serious illness"));
        CategorySchema category = named.categories().get(0);
        assertThat(named.categoryName(category, Locale.ENGLISH)).isEqualTo("Serious illness");
        assertThat(named.departmentName(category, Locale.ENGLISH)).isEqualTo("Health Commission");
        assertThat(named.categoryName(category, Locale.CHINA)).isEqualTo("大病慢病确诊");
        assertThat(category.departmentLabel()).isEqualTo("卫生健康委员会");

        assertThatThrownBy(() -> load(VALID.replace("health: 卫生健康委员会", "health: {zh: 卫生健康委员会, english: Health}")))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("english");
    }

    @Test
    void anUnknownCategoryIsEmpty() {
        assertThat(load(VALID).category("no_such_category")).isEmpty();
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            type: date                      | type: datum                            | unknown type 'datum' (expected one of [text, integer, decimal, date, boolean, choice])
            date_field: diagnosis_date      | date_field: diagnosed                  | date_field 'diagnosed' is not one of its fields
            date_field: diagnosis_date      | date_field: name                       | date_field name must be of type [date], not text
            name_field: name                | name_field: cost                       | name_field cost must be of type [text], not decimal
            ', choices: [serious, chronic]' | ''                                     | field category is a choice without choices
            choices: [serious, chronic]     | choices: [yes, no]                     | choice true was read as a boolean: quote it
            department: health              | department: welfare                    | department welfare is not listed under departments
            keys: [person]                  | keys: [person, parcel]                 | unknown key 'parcel'
            keys: [person]                  | keys: [household]                      | key household needs a field named household_number
            keys: [person]                  | keys: []                               | no keys
            period: event                   | period: week                           | unknown period 'week'
            'min: 0, max: 1000000.50'       | 'min: 10, max: 5'                      | field cost has min 10 above its max 5
            'type: text, required: true}'   | 'type: text, requird: true}'           | unknown property requird
            'label: 费用'                    | 'label: 姓名'                           | label '姓名' of field cost is already used by another field
            'name: cost'                    | 'name: name'                           | field name is defined twice
            'name: cost'                    | 'name: Cost'                           | field Cost: name 'Cost' must be lower snake case
            'type: date, required: true, example' | 'type: date, required: false, example' | date_field diagnosis_date must be required
            'type: decimal'                 | 'type: text'                           | field cost has min/max but its type is text
            """)
    void refusesABrokenCategoryNamingItAndTheProblem(String original, String broken, String problem) {
        String yaml = VALID.replace(original, broken);
        assertThat(yaml).isNotEqualTo(VALID);

        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining(SOURCE)
                .hasMessageContaining("category serious_illness")
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(((CatalogueException) e).category()).isEqualTo("serious_illness"));
    }

    @Test
    void refusesTwoCategoriesWithOneCode() {
        String category = VALID.substring(VALID.indexOf("  - code:"));

        assertThatThrownBy(() -> load(VALID + category))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("category serious_illness")
                .hasMessageContaining("code serious_illness is already used by an earlier category");
    }

    @Test
    void refusesAKeyWrittenTwice() {
        assertThatThrownBy(() -> load(VALID.replace("    period: event", "    period: event\n    period: year")))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("period");
    }

    @Test
    void refusesTextThatIsNotYaml() {
        assertThatThrownBy(() -> load("categories: [ {code: x"))
                .isInstanceOf(CatalogueException.class)
                .hasMessageStartingWith(SOURCE + ": not valid YAML");
    }

    @Test
    void refusesACatalogueWithoutCategories() {
        assertThatThrownBy(() -> load("departments: {health: 卫生健康委员会}\ncategories: []"))
                .isInstanceOf(CatalogueException.class)
                .hasMessage(SOURCE + ": no categories");
    }

    @Test
    void refusesTypeTagsThatWouldBuildObjects() {
        assertThatThrownBy(() -> load("!!java.util.Date {}"))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void brokenFixtureFileIsRefusedNamingItsSecondCategory() throws Exception {
        try (Reader reader = new InputStreamReader(
                getClass().getResourceAsStream("/exchange/broken-catalogue.yaml"), StandardCharsets.UTF_8)) {
            assertThatThrownBy(() -> DataCatalogue.load(reader, "broken-catalogue.yaml"))
                    .isInstanceOf(CatalogueException.class)
                    .hasMessage("broken-catalogue.yaml: category serious_illness: "
                            + "field category is a choice without choices");
        }
    }

    private static DataCatalogue load(String yaml) {
        return DataCatalogue.load(new StringReader(yaml), SOURCE);
    }
}
