package org.bulwark.village.web;

import java.math.BigDecimal;
import org.bulwark.core.village.IndicatorCatalogue;
import org.bulwark.core.village.IndicatorValues;

/** How stored values read on a form: yes/no as the word the form offers, numbers without trailing zeros. */
final class VillageConditionViews {

    private VillageConditionViews() {}

    static String typed(IndicatorCatalogue catalogue, String code, BigDecimal value) {
        boolean yesNo = catalogue.indicator(code).map(i -> i.yesNo()).orElse(false);
        if (yesNo) {
            return IndicatorValues.yes(value) ? "yes" : "no";
        }
        return value.stripTrailingZeros().toPlainString();
    }
}
