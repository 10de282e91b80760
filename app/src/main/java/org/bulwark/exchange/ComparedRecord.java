package org.bulwark.exchange;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A department record as the county's data comparison reads it: the record as pages show it, and the values a
 * comparison computes with (the category's main amount, and each field's stored text such as a choice's code), which
 * never reach a page as they are.
 *
 * @param amount the category's main amount (out-of-pocket cost, loss, vehicle value, …), or null when it has none
 * @param raw    each stored field's value as text, by field code: what tests like "a company, or a large individual
 *               business" read
 */
public record ComparedRecord(HouseholdRecord record, BigDecimal amount, Map<String, String> raw) {

    /** The stored value of a field as a number, or null when it is missing or not a number. */
    public BigDecimal number(String field) {
        String value = raw.get(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
