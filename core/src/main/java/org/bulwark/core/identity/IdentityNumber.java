package org.bulwark.core.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import org.bulwark.core.identity.InvalidIdentityNumberException.Reason;

/**
 * An 18-character mainland resident identity number (GB 11643-1999), always structurally valid.
 *
 * <p>Layout: 6-digit region code, 8-digit birth date (yyyyMMdd), 3-digit sequence code whose last digit is odd for men
 * and even for women, and an ISO 7064 MOD 11-2 check character (0–9 or X). {@link #toString()} returns the masked form,
 * so a number never lands in a log by accident; use {@link #value()} where the full number is really needed.
 *
 * <p>The canonical constructor checks everything except "birth date not in the future", which needs a reference day;
 * {@link #parse(String, LocalDate)} checks that too, and also accepts surrounding blanks and a lower-case x.
 */
public record IdentityNumber(String value) {

    /** Number of characters in an identity number. */
    public static final int LENGTH = 18;

    /** Earliest accepted birth date. */
    public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARACTERS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final int FIRST_PROVINCE = 11;
    private static final int LAST_PROVINCE = 91;
    private static final int MAX_SEQUENCE = 999;

    /** Validates a canonical number (upper-case X, no blanks); throws {@link InvalidIdentityNumberException}. */
    public IdentityNumber {
        checkStructure(value);
    }

    /**
     * Parses and validates a number as typed by a person: trims blanks, upper-cases a trailing x, then checks length,
     * characters, check digit, region and birth date (a real date from 1900-01-01 up to {@code today}).
     *
     * @throws InvalidIdentityNumberException saying what is wrong
     */
    public static IdentityNumber parse(String raw, LocalDate today) {
        Objects.requireNonNull(today, "today");
        IdentityNumber number = new IdentityNumber(normalise(raw));
        LocalDate birthDate = number.birthDate();
        if (birthDate.isAfter(today)) {
            throw new InvalidIdentityNumberException(
                    Reason.BIRTH_DATE_IN_FUTURE,
                    "birth date " + birthDate + " is after today (" + today + ")",
                    null,
                    birthDate.toString());
        }
        return number;
    }

    /** The ISO 7064 MOD 11-2 check character for the first 17 digits of a number. */
    public static char checkDigit(String first17) {
        Objects.requireNonNull(first17, "first17");
        if (first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("expected 17 digits, got " + first17.length() + " characters");
        }
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            char c = first17.charAt(i);
            if (!Masking.isAsciiDigit(c)) {
                throw new IllegalArgumentException("character " + (i + 1) + " must be a digit, not '" + c + "'");
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS[sum % 11];
    }

    /**
     * Builds a valid number from its parts. The sequence code's last digit carries the sex, so it is adjusted when its
     * parity does not match: for a man an even last digit is raised by one (…0→…1, …8→…9), for a woman an odd last
     * digit is lowered by one (…1→…0, …9→…8). The result therefore stays in the same ten, within 0..999.
     *
     * @param region6   6-digit region code (first two digits 11–91)
     * @param birthDate birth date, 1900-01-01 or later
     * @param sequence  sequence code 0..999 before the parity adjustment
     * @param sex       the person's sex
     */
    public static IdentityNumber compose(String region6, LocalDate birthDate, int sequence, Sex sex) {
        Objects.requireNonNull(region6, "region6");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
        if (region6.length() != 6) {
            throw new IllegalArgumentException("region code must have 6 digits, not " + region6.length());
        }
        if (sequence < 0 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("sequence must be between 0 and 999, not " + sequence);
        }
        if (birthDate.getYear() > 9999) {
            throw new IllegalArgumentException("birth year must have 4 digits, not " + birthDate.getYear());
        }
        int adjusted = sequenceFor(sequence, sex);
        char[] digits = new char[LENGTH];
        region6.getChars(0, 6, digits, 0);
        writeDigits(digits, 6, birthDate.getYear(), 4);
        writeDigits(digits, 10, birthDate.getMonthValue(), 2);
        writeDigits(digits, 12, birthDate.getDayOfMonth(), 2);
        writeDigits(digits, 14, adjusted, 3);
        digits[17] = checkDigit(new String(digits, 0, LENGTH - 1));
        return new IdentityNumber(new String(digits));
    }

    /** The birth date encoded in positions 7–14. */
    public LocalDate birthDate() {
        return LocalDate.of(digitsAt(value, 6, 4), digitsAt(value, 10, 2), digitsAt(value, 12, 2));
    }

    /** The sex encoded in the 17th digit: odd is male, even is female. */
    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** The 6-digit region code the number was issued under. */
    public String regionPrefix() {
        return value.substring(0, 6);
    }

    /** The 3-digit sequence code (positions 15–17) as a number 0..999. */
    public int sequence() {
        return digitsAt(value, 14, 3);
    }

    /** Age in completed years on {@code date}, which must not be before the birth date. */
    public int ageOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        LocalDate birthDate = birthDate();
        if (date.isBefore(birthDate)) {
            throw new IllegalArgumentException("date " + date + " is before the birth date");
        }
        return Period.between(birthDate, date).getYears();
    }

    /** The number with all but the first 3 and last 4 characters replaced by '*', e.g. {@code 522***********123X}. */
    public String masked() {
        return Masking.maskIdentityNumber(value);
    }

    /** The masked form; never the full number, so that logging an object holding one does not leak it. */
    @Override
    public String toString() {
        return masked();
    }

    static int sequenceFor(int sequence, Sex sex) {
        boolean odd = sequence % 2 == 1;
        if (sex == Sex.MALE) {
            return odd ? sequence : sequence + 1;
        }
        return odd ? sequence - 1 : sequence;
    }

    private static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String trimmed = raw.strip();
        if (!trimmed.isEmpty() && trimmed.charAt(trimmed.length() - 1) == 'x') {
            return trimmed.substring(0, trimmed.length() - 1) + 'X';
        }
        return trimmed;
    }

    private static void checkStructure(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidIdentityNumberException(Reason.MISSING, "identity number is missing", null, null);
        }
        if (value.length() != LENGTH) {
            throw new InvalidIdentityNumberException(
                    Reason.LENGTH,
                    "identity number must have 18 characters, not " + value.length(),
                    String.valueOf(LENGTH),
                    String.valueOf(value.length()));
        }
        checkCharacters(value);
        // The check digit comes before the field checks: when it fails, the number was mistyped somewhere, and a
        // complaint about the date or region would point the user at the wrong place.
        char expectedCheck = checkDigit(value.substring(0, LENGTH - 1));
        char actualCheck = value.charAt(LENGTH - 1);
        if (expectedCheck != actualCheck) {
            throw new InvalidIdentityNumberException(
                    Reason.CHECK_DIGIT,
                    "check digit should be " + expectedCheck + ", not " + actualCheck,
                    String.valueOf(expectedCheck),
                    String.valueOf(actualCheck));
        }
        checkRegion(value.substring(0, 6));
        checkBirthDate(value.substring(6, 14));
    }

    private static void checkCharacters(String value) {
        for (int i = 0; i < LENGTH - 1; i++) {
            char c = value.charAt(i);
            if (!Masking.isAsciiDigit(c)) {
                throw new InvalidIdentityNumberException(
                        Reason.CHARACTERS,
                        "character " + (i + 1) + " must be a digit, not '" + c + "'",
                        "digit",
                        String.valueOf(c));
            }
        }
        char last = value.charAt(LENGTH - 1);
        if (!Masking.isAsciiDigit(last) && last != 'X') {
            throw new InvalidIdentityNumberException(
                    Reason.CHARACTERS,
                    "the last character must be a digit or X, not '" + last + "'",
                    "digit or X",
                    String.valueOf(last));
        }
    }

    private static void checkRegion(String region) {
        int province = digitsAt(region, 0, 2);
        if (province < FIRST_PROVINCE || province > LAST_PROVINCE) {
            throw new InvalidIdentityNumberException(
                    Reason.REGION,
                    "region code " + region + " is not a mainland region: its first two digits must be between "
                            + FIRST_PROVINCE + " and " + LAST_PROVINCE,
                    null,
                    region);
        }
    }

    private static void checkBirthDate(String yyyyMMdd) {
        LocalDate date;
        try {
            date = LocalDate.of(digitsAt(yyyyMMdd, 0, 4), digitsAt(yyyyMMdd, 4, 2), digitsAt(yyyyMMdd, 6, 2));
        } catch (DateTimeException e) {
            throw new InvalidIdentityNumberException(
                    Reason.BIRTH_DATE_INVALID,
                    "birth date " + yyyyMMdd + " is not a real calendar date",
                    null,
                    yyyyMMdd);
        }
        if (date.isBefore(EARLIEST_BIRTH_DATE)) {
            throw new InvalidIdentityNumberException(
                    Reason.BIRTH_DATE_INVALID,
                    "birth date " + date + " is before " + EARLIEST_BIRTH_DATE,
                    EARLIEST_BIRTH_DATE + " or later",
                    date.toString());
        }
    }

    private static int digitsAt(String s, int start, int count) {
        int n = 0;
        for (int i = start; i < start + count; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }

    private static void writeDigits(char[] target, int start, int number, int count) {
        int n = number;
        for (int i = start + count - 1; i >= start; i--) {
            target[i] = (char) ('0' + n % 10);
            n /= 10;
        }
    }
}
