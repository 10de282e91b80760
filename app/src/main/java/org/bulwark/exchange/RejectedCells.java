package org.bulwark.exchange;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.bulwark.core.identity.Masking;

/**
 * Masks the identity and mobile numbers of a rejected row for a reader who neither sent the row nor may reveal
 * personal data: a cell that is such a number (valid or not — a wrong one is often why the row came back), and such
 * numbers inside the reasons.
 */
final class RejectedCells {

    private static final Pattern ID_CELL = Pattern.compile("\\s*[0-9]{15}([0-9]{2}[0-9Xx])?\\s*|\\s*[0-9]{16,17}\\s*");
    private static final Pattern MOBILE_CELL = Pattern.compile("\\s*1[3-9][0-9]{9}\\s*");
    private static final Pattern ID_IN_TEXT =
            Pattern.compile("(?<![0-9])([0-9]{3})[0-9]{8,11}([0-9]{3}[0-9Xx])(?![0-9A-Za-z])");
    private static final Pattern MOBILE_IN_TEXT = Pattern.compile("(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])");

    private RejectedCells() {}

    static RejectedRow masked(RejectedRow row) {
        Map<String, String> raw = new LinkedHashMap<>();
        row.raw().forEach((column, value) -> raw.put(column, cell(value)));
        return new RejectedRow(row.rowNumber(), text(row.reasons()), raw);
    }

    private static String cell(String value) {
        if (value == null) {
            return null;
        }
        if (ID_CELL.matcher(value).matches()) {
            return Masking.maskIdentityNumber(value);
        }
        return MOBILE_CELL.matcher(value).matches() ? Masking.maskPhone(value) : text(value);
    }

    private static String text(String value) {
        if (value == null) {
            return null;
        }
        String masked = ID_IN_TEXT.matcher(value).replaceAll("$1***********$2");
        return MOBILE_IN_TEXT.matcher(masked).replaceAll("$1****$2");
    }
}
