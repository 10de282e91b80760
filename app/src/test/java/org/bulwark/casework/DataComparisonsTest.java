package org.bulwark.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bulwark.core.exchange.DataCatalogue;
import org.bulwark.core.screening.Parameters;
import org.bulwark.exchange.ComparedRecord;
import org.bulwark.exchange.HouseholdRecord;
import org.bulwark.screening.VariableCatalogue;
import org.bulwark.screening.VariableCatalogues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The county's data comparison (issue 14 item 14): which differences it marks, which records the upward checks count
 * (as the VER-01..04 rules do), how figures read in Chinese with the warning evidence's units, and that names stay
 * masked.
 */
class DataComparisonsTest {

    private static final Parameters PARAMETERS =
            new Parameters("52", 2026, Map.of("vehicle_value", 100000.0, "business_capital", 500000.0));

    ResourceBundleMessageSource messages;
    DataComparisons.Text text;

    @BeforeEach
    void setUp() {
        messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        text = new DataComparisons.Text(messages, Locale.SIMPLIFIED_CHINESE, VariableCatalogues.defaults());
    }

    @Test
    void aDeclaredCostFarAboveTheSettlementsIsADifference() {
        assertThat(DataComparisons.differs(new BigDecimal("62000"), new BigDecimal("380")))
                .isTrue();
        // rounding and a settlement in transit stay quiet: under 1,000 yuan, or under a fifth of the larger
        assertThat(DataComparisons.differs(new BigDecimal("1500"), new BigDecimal("800")))
                .isFalse();
        assertThat(DataComparisons.differs(new BigDecimal("62000"), new BigDecimal("55000")))
                .isFalse();
        // the other way round too: records far above what the household said
        assertThat(DataComparisons.differs(new BigDecimal("0"), new BigDecimal("5000")))
                .isTrue();
    }

    @Test
    void theDifferenceReadsAsAChineseSentenceWithUnits() {
        String sentence = text.message(
                "comparison.difference.medical",
                text.format(new BigDecimal("62000.00"), VariableCatalogue.Unit.YUAN),
                text.format(new BigDecimal("380.00"), VariableCatalogue.Unit.YUAN));
        assertThat(sentence).isEqualTo("申报自付 62,000 元，医保结算记录合计 380 元");
        assertThat(text.format(new BigDecimal("1234.5"), VariableCatalogue.Unit.YUAN))
                .isEqualTo("1,234.50 元");
        assertThat(text.format(true, VariableCatalogue.Unit.YES_NO)).isEqualTo("是");
        assertThat(text.label("costly_vehicles")).isEqualTo("家庭成员名下高价值车辆");
        assertThat(text.figure("costly_vehicles", BigDecimal.ONE).value()).isEqualTo("1 辆");
    }

    @Test
    void upwardChecksCountAsTheRulesDo() {
        var vehicles = DataComparisons.counts("vehicle_registration", PARAMETERS);
        assertThat(vehicles.test(record("vehicle_registration", Map.of("vehicle_type", "car", "value", "128800"))))
                .isTrue();
        assertThat(vehicles.test(record("vehicle_registration", Map.of("vehicle_type", "car", "value", "60000"))))
                .isFalse();
        assertThat(vehicles.test(
                        record("vehicle_registration", Map.of("vehicle_type", "farm_vehicle", "value", "200000"))))
                .isFalse();
        var businesses = DataComparisons.counts("business_registration", PARAMETERS);
        assertThat(businesses.test(record("business_registration", Map.of("entity_type", "company"))))
                .isTrue();
        assertThat(businesses.test(record(
                        "business_registration",
                        Map.of("entity_type", "individual_business", "registered_capital", "50000"))))
                .isFalse();
        var housing = DataComparisons.counts("real_estate", PARAMETERS);
        assertThat(housing.test(record("real_estate", Map.of("kind", "commercial"))))
                .isTrue();
        assertThat(housing.test(record("real_estate", Map.of("kind", "self_built"))))
                .isFalse();
        assertThat(DataComparisons.counts("public_payroll", PARAMETERS).test(record("public_payroll", Map.of())))
                .isTrue();
    }

    @Test
    void aRowShowsTheMaskedNameOnly() {
        DataComparison.Row row = text.row(record("medical_settlement", Map.of()), false, false);
        assertThat(row.person()).isEqualTo("王**");
        assertThat(row.value()).isEqualTo("个人自付 380.00");
        assertThat(row.department()).isEqualTo("医疗保障局");
    }

    @Test
    void everyRiskAndUpwardCategoryIsInTheCatalogue() {
        DataCatalogue catalogue = DataCatalogue.defaults();
        DataComparisons.CATEGORIES.values().stream()
                .flatMap(List::stream)
                .forEach(c -> assertThat(catalogue.category(c)).as(c).isPresent());
        DataComparisons.UPWARD_ORDER.forEach(
                c -> assertThat(catalogue.category(c)).as(c).isPresent());
        DataComparisons.UPWARD
                .values()
                .forEach(v -> assertThat(text.unit(v)).as(v).isNotNull());
    }

    private static ComparedRecord record(String category, Map<String, String> raw) {
        HouseholdRecord shown = new HouseholdRecord(
                1,
                category,
                "医疗费用结算",
                "医疗保障局",
                LocalDate.of(2026, 10, 12),
                "2026-10-12",
                7L,
                "5223**********0319",
                false,
                List.of(new HouseholdRecord.Value("个人自付", "380.00", true)),
                3,
                12,
                "settlements.csv",
                Instant.EPOCH,
                "王建国");
        return new ComparedRecord(shown, null, raw);
    }
}
