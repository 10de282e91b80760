package org.bulwark.core.contact;

import java.util.Objects;
import java.util.Optional;

/**
 * A mainland phone number in its normal form: a mobile as 11 digits ({@code 13812345678}), a landline as area code,
 * hyphen and local number ({@code 0851-3221234}, {@code 010-61234567}).
 *
 * <p>One rule for every place a resident's phone is typed (public declarations, the registry form and API): spaces
 * and hyphens are only how people write numbers, so they are dropped before checking, and full-width digits become
 * ASCII ones; what is left must be a mobile
 * ({@code 1[3-9]} and 9 more digits) or a landline ({@code 0} area code and a 7 or 8 digit local number). The area
 * code is 3 digits for Beijing ({@code 010}) and the {@code 02x} cities and 4 digits everywhere else, so a landline
 * has 10 or 11 digits with a 3-digit area code and 11 or 12 with a 4-digit one, and the hyphen goes back where the
 * area code ends.
 *
 * @param value the normal form
 */
public record PhoneNumber(String value) {

    /** The rule in plain English, for messages that have no translation at hand. */
    public static final String RULE =
            "is not a mobile number (11 digits starting 13–19) or a landline number with its area code";

    public PhoneNumber {
        Objects.requireNonNull(value, "phone number must not be null");
        if (!value.equals(normalise(value))) {
            throw new IllegalArgumentException("not a phone number in normal form: '" + value + "'");
        }
    }

    /** The number in {@code text}, or empty when it is blank or breaks the rule (see the class comment). */
    public static Optional<PhoneNumber> parse(String text) {
        String normal = text == null ? null : normalise(text);
        return normal == null ? Optional.empty() : Optional.of(new PhoneNumber(normal));
    }

    /** Whether this is a mobile number (as opposed to a landline). */
    public boolean isMobile() {
        return value.charAt(0) == '1';
    }

    private static String normalise(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c >= '０' && c <= '９') {
                // a Chinese input method in full-width mode types these
                digits.append((char) (c - '０' + '0'));
            } else if (c != '-' && c != '－' && !Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return null;
            }
        }
        String d = digits.toString();
        if (d.length() == 11 && d.charAt(0) == '1' && d.charAt(1) >= '3') {
            return d;
        }
        if (d.length() < 10 || d.charAt(0) != '0' || d.charAt(1) == '0') {
            return null;
        }
        int area = d.charAt(1) == '1' || d.charAt(1) == '2' ? 3 : 4;
        if (d.startsWith("01") && !d.startsWith("010")) {
            return null;
        }
        int local = d.length() - area;
        return local == 7 || local == 8 ? d.substring(0, area) + "-" + d.substring(area) : null;
    }

    @Override
    public String toString() {
        return value;
    }
}
