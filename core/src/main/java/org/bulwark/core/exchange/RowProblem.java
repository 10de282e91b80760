package org.bulwark.core.exchange;

import java.util.Objects;

/**
 * One reason a row (or, with row 1, the header) cannot be taken: the row number, the field or column, a stable code
 * and a specific Chinese message that names the template's column header, such as
 * {@code 个人自付费用：-5 小于允许的最小值 0}. The message is what the officer reads on the batch page and in the
 * rejected-rows file; the code (with the field) is for programs.
 *
 * <p>Codes: the constants below, plus {@code id_<reason>} for identity numbers, where the reason is an
 * {@link org.bulwark.core.identity.InvalidIdentityNumberException.Reason} in lower case (e.g. {@code id_check_digit}).
 */
public record RowProblem(long row, String field, String code, String message) {

    /** A required field has no value. */
    public static final String MISSING = "missing";
    /** A category with several keys got none of them. */
    public static final String MISSING_KEY = "missing_key";
    /** Not a whole number. */
    public static final String NOT_INTEGER = "not_integer";
    /** Not a plain number with '.' for decimals. */
    public static final String NOT_DECIMAL = "not_decimal";
    /** A number written with thousands separators, which are refused rather than guessed at. */
    public static final String THOUSANDS_SEPARATOR = "thousands_separator";
    /** Not a date in one of the accepted formats, or not a real calendar date. */
    public static final String NOT_DATE = "not_date";
    /** A date after the day of the upload in a field where that cannot be. */
    public static final String FUTURE_DATE = "future_date";
    /** Not yes or no. */
    public static final String NOT_BOOLEAN = "not_boolean";
    /** Not one of the field's choices. */
    public static final String NOT_CHOICE = "not_choice";
    /** Below the field's minimum. */
    public static final String BELOW_MIN = "below_min";
    /** Above the field's maximum. */
    public static final String ABOVE_MAX = "above_max";
    /** Text longer than {@link RowValidator#MAX_TEXT_LENGTH} characters. */
    public static final String TOO_LONG = "too_long";
    /** Text that a spreadsheet would run as a formula (starts with = + - or @ and is not a number). */
    public static final String FORMULA = "formula";
    /** A village code that is not 12 digits ending in a village segment. */
    public static final String VILLAGE_CODE = "village_code";
    /** A household number that is not 16 digits. */
    public static final String HOUSEHOLD_NUMBER = "household_number";
    /** A column (or JSON key) that is not a field of the category. */
    public static final String UNKNOWN_COLUMN = "unknown_column";
    /** A required column is absent from the header. */
    public static final String MISSING_COLUMN = "missing_column";
    /** Two columns stand for the same field (e.g. its name and its label). */
    public static final String DUPLICATE_COLUMN = "duplicate_column";

    /** The start of a message about a field: its column header in the template and a full-width colon. */
    public static String column(FieldSpec field) {
        return field.label().strip() + "：";
    }

    /** Requires field, code and message. */
    public RowProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
