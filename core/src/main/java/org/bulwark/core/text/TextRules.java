package org.bulwark.core.text;

import java.util.Locale;
import java.util.Optional;

/**
 * What text may contain, the same rule wherever it enters (registry, imports, declarations, casework, accounts, any
 * request parameter). Free text refuses control characters (NUL and the rest of C0 except tab and line breaks, DEL,
 * C1) — PostgreSQL cannot store NUL, and the others only hide or garble what a reader sees — and the bidirectional
 * controls that reorder what is shown (U+202A–U+202E, U+2066–U+2069: "Trojan source", a file name or name shown
 * backwards). A person's name refuses in addition tabs and line breaks, the invisible direction marks (U+200E,
 * U+200F, U+061C) and a first character that a spreadsheet runs as a formula ({@code = + - @}), as department
 * imports always did: a name exported to Excel must not become a formula.
 */
public final class TextRules {

    /**
     * What is wrong with a text: a stable code for machines and a reason for people, in English ({@code message},
     * which pages translate by the code) and in Chinese ({@code chineseMessage}, for reasons that are stored as text,
     * such as those of a department file's rejected rows).
     */
    public record Violation(String code, String message, String chineseMessage) {}

    public static final String CONTROL_CHARACTERS = "control_characters";
    public static final String BIDI_CONTROLS = "bidi_controls";
    public static final String FORMULA = "formula";

    private TextRules() {}

    /** The violation of free text (a reason, a description, an address, a query), if any; null passes. */
    public static Optional<Violation> freeText(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of(control(c));
            }
            if (isBidiOverride(c)) {
                return Optional.of(bidi(c));
            }
        }
        return Optional.empty();
    }

    /** The violation of a person's name, if any; null passes (whether a name is required is the caller's rule). */
    public static Optional<Violation> name(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                return Optional.of(control(c));
            }
            if (isBidiOverride(c) || c == '\u200E' || c == '\u200F' || c == '\u061C') {
                return Optional.of(bidi(c));
            }
        }
        char first = text.strip().isEmpty() ? ' ' : text.strip().charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@') {
            return Optional.of(new Violation(
                    FORMULA,
                    "starts with '" + first + "', which a spreadsheet would run as a formula; remove that character",
                    "以“" + first + "”开头，电子表格会把它当作公式执行；请删去这个字符"));
        }
        return Optional.empty();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    private static boolean isBidiOverride(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static Violation control(char c) {
        return new Violation(
                CONTROL_CHARACTERS,
                "contains the control character " + codePoint(c) + ", which text may not hold",
                "含有不可见的控制字符 " + codePoint(c) + "，请删去");
    }

    private static Violation bidi(char c) {
        return new Violation(
                BIDI_CONTROLS,
                "contains the bidirectional control " + codePoint(c) + ", which changes how the text is shown",
                "含有改变文字显示方向的控制字符 " + codePoint(c) + "，请删去");
    }

    private static String codePoint(char c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }
}
