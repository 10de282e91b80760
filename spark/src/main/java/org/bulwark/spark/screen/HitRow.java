package org.bulwark.spark.screen;

import java.time.LocalDate;
import java.util.Map;

/**
 * A hit as the Spark job writes it: its subject (a registered household, or an unregistered person by identity
 * number), the rule, the level and the evidence figures — parameters, feature values as text (a double as
 * {@link Double#toString}, exact) and the ids of the records behind each aggregation feature.
 *
 * @param householdId null for an unregistered person
 * @param idNumber    null for a household
 * @param regionCode  the household's village code, or the 6-digit region the identity number was issued under
 */
public record HitRow(
        Long householdId,
        String idNumber,
        String regionCode,
        String ruleId,
        String ruleVersion,
        String direction,
        String riskType,
        String level,
        LocalDate deadline,
        Map<String, Double> parameters,
        Map<String, String> features,
        Map<String, long[]> records) {

    /** The subject, rule and level: what the platform de-duplicates warnings on. */
    public String key() {
        return (householdId != null ? "household " + householdId : "person " + idNumber) + " " + ruleId + " " + level;
    }
}
