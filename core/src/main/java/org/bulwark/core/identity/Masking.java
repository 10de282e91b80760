package org.bulwark.core.identity;

/** Masks personal identifiers (phone and identity numbers) so they can be shown or logged without exposing them. */
public final class Masking {

    private static final char MASK = '*';

    private Masking() {}

    /**
     * Masks a phone number: a mainland mobile number (11 digits starting with 1) keeps its first 3 and last 4 digits
     * ({@code 138****5678}); anything else keeps its first 2 and last 2 characters. Strings of 4 characters or fewer
     * are masked completely, since keeping 2 + 2 would reveal all of them. Null stays null.
     */
    public static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        String trimmed = phone.strip();
        if (isMainlandMobile(trimmed)) {
            return keepEnds(trimmed, 3, 4);
        }
        return keepEnds(trimmed, 2, 2);
    }

    /**
     * Masks an identity number, valid or not: keeps the first 3 and last 4 characters ({@code 522***********123X});
     * strings of 7 characters or fewer are masked completely. Null stays null.
     */
    public static String maskIdentityNumber(String number) {
        if (number == null) {
            return null;
        }
        return keepEnds(number.strip(), 3, 4);
    }

    private static boolean isMainlandMobile(String s) {
        if (s.length() != 11 || s.charAt(0) != '1') {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isAsciiDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String keepEnds(String s, int head, int tail) {
        int length = s.length();
        char[] out = new char[length];
        // When nothing would be hidden, hide everything rather than reveal the whole value.
        boolean revealNothing = length <= head + tail;
        for (int i = 0; i < length; i++) {
            boolean keep = !revealNothing && (i < head || i >= length - tail);
            out[i] = keep ? s.charAt(i) : MASK;
        }
        return new String(out);
    }
}
