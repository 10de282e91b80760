package org.bulwark.exchange;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.bulwark.core.exchange.CategorySchema;
import org.bulwark.core.exchange.DataCatalogue;
import org.bulwark.core.exchange.FieldSpec;
import org.bulwark.core.exchange.FieldType;
import org.bulwark.core.region.RegionCode;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Words for department records on pages: the names of categories and departments from the data catalogue (Chinese,
 * or English where the catalogue gives it and the page is English), fields and choices from the message files
 * ({@code record.field.*}, {@code record.choice.*}), with the catalogue's Chinese labels as the fallback, so a category
 * a province adds to its catalogue still reads; the message files hold shorter labels than the catalogue's column
 * headers, which carry fill-in instructions for the import template.
 */
@Component
class RecordLabels {

    private final MessageSource messages;
    private final DataCatalogue catalogue;

    RecordLabels(MessageSource messages, DataCatalogue catalogue) {
        this.messages = messages;
        this.catalogue = catalogue;
    }

    String category(String code, Optional<CategorySchema> schema, Locale locale) {
        return schema.map(c -> catalogue.categoryName(c, locale)).orElse(code);
    }

    String department(CategorySchema schema, Locale locale) {
        return catalogue.departmentName(schema, locale);
    }

    String field(CategorySchema schema, FieldSpec field, Locale locale) {
        return messages.getMessage("record.field." + schema.code() + "." + field.name(), null, field.label(), locale);
    }

    /** The date as the category counts time: a day, a month, a year, or a school year (which starts in autumn). */
    String period(CategorySchema schema, LocalDate date) {
        return switch (schema.period()) {
            case EVENT -> date.toString();
            case MONTH -> date.toString().substring(0, 7);
            case YEAR ->
                date.getMonthValue() == 1
                        ? String.valueOf(date.getYear())
                        : date.getYear() + "/" + String.format("%02d", (date.getYear() + 1) % 100);
        };
    }

    /** A text field named {@code ..._code} holding 12 digits: a region's code, such as a property's location. */
    static boolean isRegionCode(FieldSpec field, JsonNode value) {
        return field.type() == FieldType.TEXT
                && field.name().endsWith("_code")
                && value.isString()
                && RegionCode.tryParseFull(value.asString()).isPresent();
    }

    String value(FieldSpec field, JsonNode value, Locale locale) {
        if (field.type() == FieldType.BOOLEAN) {
            return messages.getMessage(value.asBoolean() ? "record.yes" : "record.no", null, locale);
        }
        if (field.type() == FieldType.CHOICE) {
            return messages.getMessage("record.choice." + value.asString(), null, value.asString(), locale);
        }
        if (field.type() == FieldType.DECIMAL || field.type() == FieldType.INTEGER) {
            DecimalFormat format = new DecimalFormat(
                    field.type() == FieldType.DECIMAL ? "#,##0.00" : "#,##0",
                    DecimalFormatSymbols.getInstance(Locale.ROOT));
            return format.format(value.isNumber() ? value.decimalValue() : new BigDecimal(value.asString()));
        }
        return value.asString();
    }
}
