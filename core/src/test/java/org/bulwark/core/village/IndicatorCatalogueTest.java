package org.bulwark.core.village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class IndicatorCatalogueTest {

    private static final Path SHIPPED = Path.of("../app/src/main/resources/village/indicators.yaml");

    static IndicatorCatalogue shipped() throws IOException {
        try (Reader reader = Files.newBufferedReader(SHIPPED, StandardCharsets.UTF_8)) {
            return IndicatorCatalogue.load(reader, SHIPPED.toString());
        }
    }

    private static IndicatorCatalogue of(String yaml) {
        return IndicatorCatalogue.load(new StringReader(yaml), "test.yaml");
    }

    @Test
    void shippedCatalogueHasTheElevenIndicatorsOfThePolicyInOrder() throws IOException {
        IndicatorCatalogue catalogue = shipped();
        assertThat(catalogue.indicators())
                .extracting(Indicator::code)
                .containsExactly(
                        "paved_road",
                        "tap_water",
                        "electricity",
                        "broadband",
                        "coverage_5g",
                        "courier",
                        "clinic",
                        "elder_care",
                        "sanitary_toilets",
                        "waste_collection",
                        "school_in_reach");
        assertThat(catalogue.yesNo()).hasSize(10);
        Indicator toilets = catalogue.indicator("sanitary_toilets").orElseThrow();
        assertThat(toilets.type()).isEqualTo(IndicatorType.PERCENT);
        assertThat(catalogue.indicators()).allMatch(i -> i.source().contains("§"));
    }

    @Test
    void readsEachTypeWithNamesInBothLanguagesAndAUnitForNumbers() {
        IndicatorCatalogue catalogue = of("""
                indicators:
                  - {code: road, name: 通硬化路, name_en: Paved road, type: yes_no, source: "§9"}
                  - {code: toilets, name: 卫生厕所, name_en: Toilets, type: percent, source: "§9"}
                  - {code: school_km, name: 到小学距离, name_en: Distance to school, type: number,
                     unit: 公里, unit_en: km, source: "§5"}
                """);
        Indicator distance = catalogue.indicator("school_km").orElseThrow();
        assertThat(IndicatorCatalogue.name(distance, Locale.ENGLISH)).isEqualTo("Distance to school");
        assertThat(IndicatorCatalogue.name(distance, Locale.SIMPLIFIED_CHINESE)).isEqualTo("到小学距离");
        assertThat(IndicatorCatalogue.unit(distance, Locale.ENGLISH)).isEqualTo("km");
        assertThat(IndicatorCatalogue.columnOf(distance)).isEqualTo("到小学距离（公里）");
        assertThat(catalogue.template().fields())
                .extracting(f -> f.label() + ":" + f.type())
                .containsExactly(
                        "村代码:TEXT", "村名:TEXT", "年度:INTEGER", "通硬化路:BOOLEAN", "卫生厕所:DECIMAL", "到小学距离（公里）:DECIMAL");
        assertThat(catalogue.template().field("toilets").max()).isEqualByComparingTo("100");
    }

    @Test
    void refusesAFileThatDoesNotDescribeUsableIndicators() {
        assertThatThrownBy(() -> of("indicators:\n  - {code: road, name: 路, name_en: Road, type: bridge, source: x}"))
                .isInstanceOf(IndicatorCatalogueException.class)
                .hasMessageContaining("indicator road")
                .hasMessageContaining("unknown type 'bridge'");
        assertThatThrownBy(
                        () -> of("indicators:\n  - {code: km, name: 距离, name_en: Distance, type: number, source: x}"))
                .hasMessageContaining("needs a unit");
        assertThatThrownBy(() -> of("indicators:\n  - {code: road, name: 路, name_en: Road, type: yes_no}"))
                .hasMessageContaining("policy source");
        assertThatThrownBy(() -> of("""
                        indicators:
                          - {code: road, name: 路, name_en: Road, type: yes_no, source: x}
                          - {code: road, name: 桥, name_en: Bridge, type: yes_no, source: x}
                        """)).hasMessageContaining("defined twice");
        assertThatThrownBy(() -> of("indicators:\n  - {code: road, name: 路, name_en: Road, type: yes_no, colour: red}"))
                .hasMessageContaining("unknown properties [colour]");
        assertThatThrownBy(() -> of("roads: []")).hasMessageContaining("'indicators'");
    }

    @Test
    void valuesAreCheckedTheSameWayForEveryEntry() {
        Indicator road = new Indicator("road", "路", "Road", IndicatorType.YES_NO, null, null, "x");
        Indicator share = new Indicator("share", "比例", "Share", IndicatorType.PERCENT, null, null, "x");
        assertThat(IndicatorValues.parse(road, "是").value()).isEqualByComparingTo("1");
        assertThat(IndicatorValues.parse(road, " 否 ").value()).isEqualByComparingTo("0");
        assertThat(IndicatorValues.parse(road, "maybe").problem()).isEqualTo(IndicatorValues.Problem.NOT_YES_NO);
        assertThat(IndicatorValues.parse(road, "").problem()).isEqualTo(IndicatorValues.Problem.MISSING);
        assertThat(IndicatorValues.parse(share, "100").value()).isEqualByComparingTo("100");
        assertThat(IndicatorValues.parse(share, "100.01").problem()).isEqualTo(IndicatorValues.Problem.ABOVE_HUNDRED);
        assertThat(IndicatorValues.parse(share, "0").value()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(IndicatorValues.parse(share, "-0.5").problem()).isEqualTo(IndicatorValues.Problem.NEGATIVE);
        assertThat(IndicatorValues.parse(share, "75,5").problem()).isEqualTo(IndicatorValues.Problem.NOT_NUMBER);
        assertThat(IndicatorValues.parse(share, "75.555").problem()).isEqualTo(IndicatorValues.Problem.TOO_PRECISE);
        assertThat(IndicatorValues.parse(share, "75.50").value()).isEqualByComparingTo("75.5");
    }
}
