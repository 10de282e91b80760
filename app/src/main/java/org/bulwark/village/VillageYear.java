package org.bulwark.village;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A village's conditions in one year, as stored: the value of each indicator by code, who entered the latest of them
 * and when. Values follow {@link org.bulwark.core.village.IndicatorValues}: yes/no as 1/0.
 *
 * @param villageCode the 12-digit code
 * @param villageName the village's name
 * @param year        the year the values describe
 * @param values      indicator code → value, in the catalogue's order; empty when nothing is recorded
 * @param enteredBy   the login of whoever entered the latest value, or null
 * @param enteredAt   when, or null
 */
public record VillageYear(
        String villageCode,
        String villageName,
        int year,
        Map<String, BigDecimal> values,
        String enteredBy,
        Instant enteredAt) {

    /** Whether anything is recorded for the year. */
    public boolean recorded() {
        return !values.isEmpty();
    }
}
