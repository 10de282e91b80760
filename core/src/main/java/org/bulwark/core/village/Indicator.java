package org.bulwark.core.village;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One indicator of the catalogue.
 *
 * @param code   stable id, lower snake case ({@code paved_road}); what is stored and what the API names
 * @param name   the Chinese name, also the column header of the import file
 * @param nameEn the English name
 * @param type   the kind of value
 * @param unit   the Chinese unit of a {@link IndicatorType#NUMBER} (公里), else null
 * @param unitEn the English unit, else null
 * @param source where the indicator comes from in the policy, in words ({@code docs/village-conditions.md})
 */
public record Indicator(
        String code, String name, String nameEn, IndicatorType type, String unit, String unitEn, String source) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");

    /** Checks that the parts fit together; throws {@link IllegalArgumentException} saying what does not. */
    public Indicator {
        Objects.requireNonNull(type, "type");
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("code '" + code + "' must be lower snake case (a-z, 0-9, _)");
        }
        if (blank(name) || blank(nameEn)) {
            throw new IllegalArgumentException("indicator " + code + " needs a Chinese and an English name");
        }
        if (blank(source)) {
            throw new IllegalArgumentException("indicator " + code + " needs its policy source");
        }
        if (type == IndicatorType.NUMBER && (blank(unit) || blank(unitEn))) {
            throw new IllegalArgumentException("indicator " + code + " is a number and needs a unit in both languages");
        }
        if (type != IndicatorType.NUMBER && (unit != null || unitEn != null)) {
            throw new IllegalArgumentException("indicator " + code + " is not a number, so a unit means nothing");
        }
    }

    /** Whether villages either have it or not, so that a coverage share and a list of villages short of it exist. */
    public boolean yesNo() {
        return type == IndicatorType.YES_NO;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
