package org.bulwark.spark.input;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bulwark.core.screening.DateFlag;

/**
 * Reads a record's stored field text as the platform's screening store does (screening.store.RecordColumns): a
 * number that is absent or unparseable is 0, a text absent is the empty text, a flag is its own value or else the
 * first date field standing for it ({@link DateFlag}), holding once that date has come by the as-of date.
 */
public final class StoredFields {

    private StoredFields() {}

    /** A number field; absent, unparseable or not finite is 0. */
    public static double number(Map<String, String> fields, String field) {
        String value = fields.get(field);
        if (value == null) {
            return 0;
        }
        try {
            double parsed = Double.parseDouble(value);
            return Double.isFinite(parsed) ? parsed : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A text field; absent is the empty text. */
    public static String text(Map<String, String> fields, String field) {
        String value = fields.get(field);
        return value == null ? "" : value;
    }

    /** Whether a flag holds on the as-of date: its own value when the record has one, else its date's. */
    public static boolean flag(Map<String, String> fields, String flag, LocalDate asOf) {
        String value = fields.get(flag);
        if (value != null) {
            return Boolean.parseBoolean(value);
        }
        for (String candidate : dateCandidates(flag)) {
            String date = fields.get(candidate);
            if (date != null) {
                // the first date field present decides, even when blank, as the store and DateFlag.sourceField do
                return !date.isBlank() && DateFlag.holds(LocalDate.parse(date), asOf);
            }
        }
        return false;
    }

    /** The flag's date fields, in the order {@link DateFlag#sourceField} tries them. */
    private static List<String> dateCandidates(String flag) {
        List<String> names = new ArrayList<>(List.of(flag + "_date"));
        if (flag.endsWith("ed")) {
            names.add(flag.substring(0, flag.length() - 2) + "_date");
        }
        return names;
    }
}
