package org.bulwark.core.village;

import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bulwark.core.exchange.FieldSpec;
import org.bulwark.core.exchange.FieldType;
import org.bulwark.core.exchange.TableTemplate;

/** The village indicators, by code, in the order of their file (the order of the form and the tables). Immutable. */
public final class IndicatorCatalogue {

    /** Import columns besides the indicators: the village, its name (checked when given) and the year. */
    public static final String VILLAGE_CODE = "village_code";

    public static final String VILLAGE_NAME = "village_name";
    public static final String YEAR = "year";

    private final Map<String, Indicator> byCode;

    /** A catalogue of these indicators; throws {@link IllegalArgumentException} when two share a code or a name. */
    public IndicatorCatalogue(List<Indicator> indicators) {
        if (indicators.isEmpty()) {
            throw new IllegalArgumentException("no indicators");
        }
        Map<String, Indicator> map = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (Indicator indicator : indicators) {
            if (map.putIfAbsent(indicator.code(), indicator) != null) {
                throw new IllegalArgumentException("indicator " + indicator.code() + " is defined twice");
            }
            if (names.contains(indicator.name())) {
                throw new IllegalArgumentException("two indicators are named " + indicator.name());
            }
            names.add(indicator.name());
        }
        this.byCode = Collections.unmodifiableMap(map);
    }

    /**
     * Reads and checks an indicator file in YAML (the format of the application's {@code village/indicators.yaml}).
     *
     * @param sourceName the file's name for messages
     * @throws IndicatorCatalogueException naming the source, the indicator and the problem
     */
    public static IndicatorCatalogue load(Reader yaml, String sourceName) {
        return new IndicatorCatalogueReader(sourceName).read(yaml);
    }

    /** All indicators in the order of the file. */
    public List<Indicator> indicators() {
        return List.copyOf(byCode.values());
    }

    /** The yes/no indicators, whose coverage the figures count. */
    public List<Indicator> yesNo() {
        return byCode.values().stream().filter(Indicator::yesNo).toList();
    }

    /** The indicator with this code, if there is one. */
    public Optional<Indicator> indicator(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The indicator's name in the reader's language: English for English, Chinese otherwise. */
    public static String name(Indicator indicator, Locale locale) {
        return english(locale) ? indicator.nameEn() : indicator.name();
    }

    /** The indicator's unit in the reader's language, or null. */
    public static String unit(Indicator indicator, Locale locale) {
        return english(locale) ? indicator.unitEn() : indicator.unit();
    }

    /**
     * The columns of the import file: village code, village name, year, then each indicator under its Chinese name
     * (a number's unit in brackets after it). Every indicator is required: a village's year is filled whole.
     */
    public TableTemplate template() {
        List<FieldSpec> fields = new ArrayList<>();
        fields.add(
                new FieldSpec(VILLAGE_CODE, "村代码", FieldType.TEXT, true, List.of(), null, null, false, "522324101209"));
        fields.add(new FieldSpec(VILLAGE_NAME, "村名", FieldType.TEXT, false, List.of(), null, null, false, "保家村"));
        fields.add(new FieldSpec(
                YEAR,
                "年度",
                FieldType.INTEGER,
                true,
                List.of(),
                BigDecimal.valueOf(2000),
                BigDecimal.valueOf(2100),
                false,
                "2025"));
        for (Indicator indicator : byCode.values()) {
            fields.add(field(indicator));
        }
        return new TableTemplate("村级基础设施和公共服务", fields);
    }

    /** The column header of an indicator in the import file. */
    public static String columnOf(Indicator indicator) {
        return indicator.type() == IndicatorType.NUMBER
                ? indicator.name() + "（" + indicator.unit() + "）"
                : indicator.name();
    }

    private static FieldSpec field(Indicator indicator) {
        return switch (indicator.type()) {
            case YES_NO ->
                new FieldSpec(
                        indicator.code(),
                        columnOf(indicator),
                        FieldType.BOOLEAN,
                        true,
                        List.of(),
                        null,
                        null,
                        false,
                        "是");
            case PERCENT ->
                new FieldSpec(
                        indicator.code(),
                        columnOf(indicator),
                        FieldType.DECIMAL,
                        true,
                        List.of(),
                        BigDecimal.ZERO,
                        BigDecimal.valueOf(100),
                        false,
                        "85.5");
            case NUMBER ->
                new FieldSpec(
                        indicator.code(),
                        columnOf(indicator),
                        FieldType.DECIMAL,
                        true,
                        List.of(),
                        BigDecimal.ZERO,
                        null,
                        false,
                        "3");
        };
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
