package org.bulwark.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalogue the application ships: the 23 categories of docs/policy.md §10 and industry_benefit. */
class DefaultCatalogueTest {

    private final DataCatalogue catalogue = DataCatalogue.defaults();

    @Test
    void theOneCatalogueIsCoresOwnFileWithNoCopyForTests() throws IOException {
        // the application loads core's file; a copy in some test folder could drift from what the tests read
        List<URL> files = Collections.list(getClass().getClassLoader().getResources("exchange/categories.yaml"));
        assertThat(files).hasSize(1);
        assertThat(files.get(0).toString()).doesNotContain("test-classes").contains("/exchange/categories.yaml");
        try (InputStream in = files.get(0).openStream()) {
            assertThat(DataCatalogue.load(new InputStreamReader(in, StandardCharsets.UTF_8), "categories.yaml")
                            .categories())
                    .hasSameSizeAs(catalogue.categories());
        }
    }

    @Test
    void everyDepartmentAndCategoryHasAnEnglishNameChosenForEnglishPagesOnly() {
        for (CategorySchema category : catalogue.categories()) {
            String english = catalogue.categoryName(category, Locale.ENGLISH);
            assertThat(english).as(category.code()).matches("[A-Za-z][A-Za-z0-9 ,.'()-]+");
            assertThat(catalogue.departmentName(category, Locale.ENGLISH))
                    .as(category.department())
                    .matches("[A-Za-z][A-Za-z0-9 ,.'()-]+");
            assertThat(catalogue.categoryName(category, Locale.SIMPLIFIED_CHINESE))
                    .isEqualTo(category.label());
            assertThat(catalogue.departmentName(category, Locale.CHINESE)).isEqualTo(category.departmentLabel());
        }
        CategorySchema settlement = catalogue.category("medical_settlement").orElseThrow();
        assertThat(catalogue.categoryName(settlement, Locale.ENGLISH)).isEqualTo("Medical cost settlement");
        assertThat(catalogue.departmentName(settlement, Locale.ENGLISH)).isEqualTo("Medical Security Bureau");
        assertThat(catalogue.departmentName(settlement, Locale.forLanguageTag("zh-CN")))
                .isEqualTo("医疗保障局");
    }

    @Test
    void healthDisabilityAndBankDataAreTheSensitiveCategories() {
        assertThat(catalogue.categories())
                .filteredOn(CategorySchema::sensitive)
                .extracting(CategorySchema::code)
                .containsExactly(
                        "medical_settlement",
                        "serious_illness",
                        "disability_subsidy",
                        "disability_certificate",
                        "microcredit");
    }

    @Test
    void hasTheTwentyThreeCategoriesInTheOrderOfDataAndRulesAndThePlatformsOwn() {
        assertThat(catalogue.categories())
                .extracting(CategorySchema::code)
                .containsExactly(
                        "medical_settlement",
                        "medical_enrolment",
                        "serious_illness",
                        "minimum_living_allowance",
                        "extreme_poverty_support",
                        "temporary_assistance",
                        "disability_subsidy",
                        "disability_certificate",
                        "school_status",
                        "student_aid",
                        "employment_status",
                        "pension_insurance",
                        "housing_safety",
                        "drinking_water",
                        "disaster_loss",
                        "death_record",
                        "vehicle_registration",
                        "business_registration",
                        "real_estate",
                        "public_payroll",
                        "agricultural_loss",
                        "microcredit",
                        "taxable_income",
                        // produced by the platform from the industry module's benefit links (docs/industry.md)
                        "industry_benefit");
    }

    @Test
    void comesFromSixteenDepartmentsEachWithOneChineseName() {
        Map<String, Set<String>> labelsByDepartment = catalogue.categories().stream()
                .collect(Collectors.groupingBy(
                        CategorySchema::department,
                        Collectors.mapping(CategorySchema::departmentLabel, Collectors.toSet())));

        assertThat(labelsByDepartment).hasSize(16);
        assertThat(labelsByDepartment.values())
                .allSatisfy(labels -> assertThat(labels).hasSize(1));
        assertThat(catalogue.category("medical_settlement").orElseThrow().departmentLabel())
                .isEqualTo("医疗保障局");
    }

    @Test
    void everyCategoryIsDatedByARequiredDateAmongItsFields() {
        for (CategorySchema category : catalogue.categories()) {
            FieldSpec date = category.field(category.dateField()).orElseThrow();
            assertThat(date.type()).as(category.code()).isEqualTo(FieldType.DATE);
            assertThat(date.required()).as(category.code()).isTrue();
        }
    }

    @Test
    void yearlyCategoriesAreDatedByTheFirstDayOfTheirYear() {
        Map<String, String> yearly = new LinkedHashMap<>();
        catalogue.categories().stream()
                .filter(c -> c.period() == Period.YEAR)
                .forEach(c -> yearly.put(c.code(), c.dateField()));

        assertThat(yearly)
                .containsOnly(
                        Map.entry("medical_enrolment", "year_start"),
                        Map.entry("school_status", "school_year_start"),
                        Map.entry("student_aid", "school_year_start"),
                        Map.entry("pension_insurance", "year_start"),
                        Map.entry("taxable_income", "year_start"),
                        Map.entry("industry_benefit", "year_start"));
    }

    @Test
    void keysMatchDataAndRules() {
        assertThat(keys("medical_settlement")).containsExactly(KeyType.PERSON);
        assertThat(keys("minimum_living_allowance")).containsExactly(KeyType.PERSON, KeyType.HOUSEHOLD);
        assertThat(keys("temporary_assistance")).containsExactly(KeyType.HOUSEHOLD);
        assertThat(keys("drinking_water")).containsExactly(KeyType.VILLAGE, KeyType.HOUSEHOLD);
        assertThat(keys("microcredit")).containsExactly(KeyType.HOUSEHOLD);
    }

    @Test
    void personKeyedCategoriesCarryTheNameToCheckTheMatch() {
        for (CategorySchema category : catalogue.categories()) {
            if (category.keys().equals(List.of(KeyType.PERSON))) {
                assertThat(category.nameField()).as(category.code()).isEqualTo("name");
                assertThat(category.field("name").orElseThrow().required())
                        .as(category.code())
                        .isTrue();
            }
        }
    }

    @Test
    void everyFieldHasAChineseLabel() {
        for (CategorySchema category : catalogue.categories()) {
            assertThat(category.label()).as(category.code()).containsPattern("\\p{IsHan}");
            for (FieldSpec field : category.fields()) {
                assertThat(field.label())
                        .as(category.code() + "." + field.name())
                        .containsPattern("\\p{IsHan}");
            }
        }
    }

    @Test
    void choicesAreThoseOfDataAndRules() {
        assertThat(choices("medical_settlement", "kind"))
                .containsExactly("inpatient", "outpatient", "special_outpatient");
        assertThat(choices("school_status", "status"))
                .containsExactly("enrolled", "dropped_out", "suspended", "home_schooled_for_disability");
        assertThat(choices("housing_safety", "grade")).containsExactly("A", "B", "C", "D");
        assertThat(choices("drinking_water", "status")).containsExactly("safe", "interrupted", "unsafe");
        assertThat(choices("disaster_loss", "disaster_type"))
                .containsExactly(
                        "flood", "geological", "drought", "biological", "meteorological", "earthquake", "other");
        assertThat(choices("employment_status", "status")).containsExactly("employed", "unemployed");
        assertThat(choices("employment_status", "place"))
                .containsExactly("in_county", "in_province", "out_of_province");
        assertThat(choices("business_registration", "entity_type")).containsExactly("individual_business", "company");
        assertThat(choices("real_estate", "kind")).containsExactly("commercial", "self_built");
        assertThat(choices("vehicle_registration", "vehicle_type"))
                .containsExactly("car", "truck", "farm_vehicle", "work_vehicle", "motorcycle", "other");
    }

    @Test
    void disabilityGradeRunsFromOneToFour() {
        FieldSpec grade = field("disability_certificate", "grade");

        assertThat(grade.type()).isEqualTo(FieldType.INTEGER);
        assertThat(grade.min()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(grade.max()).isEqualByComparingTo(BigDecimal.valueOf(4));
    }

    @Test
    void everyMainAmountIsADecimalThatCannotBeNegative() {
        for (CategorySchema category : catalogue.categories()) {
            if (category.amountField() != null) {
                FieldSpec amount = category.field(category.amountField()).orElseThrow();
                assertThat(amount.type()).as(category.code()).isEqualTo(FieldType.DECIMAL);
                assertThat(amount.min()).as(category.code()).isEqualByComparingTo(BigDecimal.ZERO);
            }
        }
    }

    @Test
    void onlyDueAndEndDatesMayLieInTheFuture() {
        List<String> futureDates = catalogue.categories().stream()
                .flatMap(c ->
                        c.fields().stream().filter(FieldSpec::futureAllowed).map(f -> c.code() + "." + f.name()))
                .toList();

        assertThat(futureDates)
                .containsExactlyInAnyOrder(
                        "minimum_living_allowance.end_date",
                        "extreme_poverty_support.end_date",
                        "microcredit.due_date",
                        // the platform hands next year's industry snapshot with this year's (docs/industry.md)
                        "industry_benefit.year_start");
    }

    @Test
    void theExampleRowOfEveryCategoryPassesItsOwnValidation() {
        LocalDate today = LocalDate.of(2025, 12, 31);
        for (CategorySchema category : catalogue.categories()) {
            Map<String, String> example = new LinkedHashMap<>();
            category.fields().stream()
                    .filter(f -> f.example() != null)
                    .forEach(f -> example.put(f.label(), f.example()));

            ValidatedRow row = new RowValidator(category, today).validate(2, example);

            assertThat(row.problems()).as(category.code()).isEmpty();
            assertThat(row.values()).as(category.code()).containsKey(category.dateField());
        }
    }

    private List<KeyType> keys(String category) {
        return catalogue.category(category).orElseThrow().keys();
    }

    private FieldSpec field(String category, String field) {
        return catalogue.category(category).orElseThrow().field(field).orElseThrow();
    }

    private List<String> choices(String category, String field) {
        return field(category, field).choices();
    }
}
