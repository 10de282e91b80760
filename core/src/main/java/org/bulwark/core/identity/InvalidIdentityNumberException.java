package org.bulwark.core.identity;

import java.util.Objects;

/**
 * Thrown when a string is not a valid resident identity number; says why in plain English.
 *
 * <p>The message never contains the full number, so the exception can be logged safely.
 */
public class InvalidIdentityNumberException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the number, in the order the checks run. */
    public enum Reason {
        MISSING,
        LENGTH,
        CHARACTERS,
        CHECK_DIGIT,
        BIRTH_DATE_INVALID,
        BIRTH_DATE_IN_FUTURE,
        REGION
    }

    private final Reason reason;
    private final String expected;
    private final String actual;

    /** Creates the exception; {@code expected} and {@code actual} may be null when they mean nothing for the reason. */
    public InvalidIdentityNumberException(Reason reason, String message, String expected, String actual) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.expected = expected;
        this.actual = actual;
    }

    /**
     * Why the number is refused, in Chinese, for reasons that are stored as text (a department file's rejected rows);
     * like the English message it never contains the full number.
     */
    public String chineseMessage() {
        return switch (reason) {
            case MISSING -> "缺少身份证号";
            case LENGTH -> "应为18位，现为" + actual + "位";
            case CHARACTERS -> "前17位应为数字、最后一位为数字或X，不能含“" + actual + "”";
            case CHECK_DIGIT -> "校验位（最后一位）应为" + expected + "，而不是" + actual + "，请核对号码";
            case BIRTH_DATE_INVALID -> "其中的出生日期" + actual + "不是有效日期";
            case BIRTH_DATE_IN_FUTURE -> "其中的出生日期" + actual + "晚于今天";
            case REGION -> "前六位地区码" + actual + "不是有效的地区码";
        };
    }

    /** The reason the number was rejected. */
    public Reason reason() {
        return reason;
    }

    /** What the offending part should have been (e.g. the correct check digit), or null. */
    public String expected() {
        return expected;
    }

    /** What the offending part was (e.g. the given check digit), or null. */
    public String actual() {
        return actual;
    }
}
