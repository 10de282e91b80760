package org.bulwark.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import org.bulwark.core.identity.InvalidIdentityNumberException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);
    /** The worked example of GB 11643-1999: Beijing Chaoyang, born 1949-12-31, sequence 002, check character X. */
    private static final String STANDARD_EXAMPLE = "11010519491231002X";

    @Test
    void acceptsTheStandardsWorkedExample() {
        IdentityNumber number = IdentityNumber.parse(STANDARD_EXAMPLE, TODAY);

        assertThat(number.value()).isEqualTo(STANDARD_EXAMPLE);
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(number.regionPrefix()).isEqualTo("110105");
        assertThat(number.sequence()).isEqualTo(2);
    }

    @Test
    void computesCheckDigitsOfKnownNumbers() {
        assertThat(IdentityNumber.checkDigit("11010519491231002")).isEqualTo('X');
        assertThat(IdentityNumber.checkDigit("44052418800101001")).isEqualTo('4');
    }

    @Test
    void checkDigitRejectsWrongLengthOrNonDigits() {
        assertThatThrownBy(() -> IdentityNumber.checkDigit("1101051949123100"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdentityNumber.checkDigit("1101051949123100A"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trimsBlanksAndUppercasesTrailingX() {
        IdentityNumber number = IdentityNumber.parse("  11010519491231002x \t", TODAY);

        assertThat(number.value()).isEqualTo(STANDARD_EXAMPLE);
    }

    @Test
    void constructorAcceptsOnlyTheCanonicalForm() {
        assertThat(reasonOfConstructing("11010519491231002x")).isEqualTo(Reason.CHARACTERS);
        assertThat(reasonOfConstructing(" 11010519491231002X")).isEqualTo(Reason.LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void rejectsBlankAsMissing(String raw) {
        assertThat(reasonOf(raw)).isEqualTo(Reason.MISSING);
    }

    @Test
    void rejectsNullAsMissing() {
        InvalidIdentityNumberException e = rejection(null);

        assertThat(e.reason()).isEqualTo(Reason.MISSING);
        assertThat(e.getMessage()).isEqualTo("identity number is missing");
    }

    @Test
    void rejectsSeventeenAndNineteenCharacters() {
        InvalidIdentityNumberException tooShort = rejection(STANDARD_EXAMPLE.substring(0, 17));
        InvalidIdentityNumberException tooLong = rejection(STANDARD_EXAMPLE + "1");

        assertThat(tooShort.reason()).isEqualTo(Reason.LENGTH);
        assertThat(tooShort.getMessage()).isEqualTo("identity number must have 18 characters, not 17");
        assertThat(tooShort.expected()).isEqualTo("18");
        assertThat(tooShort.actual()).isEqualTo("17");
        assertThat(tooLong.reason()).isEqualTo(Reason.LENGTH);
        assertThat(tooLong.actual()).isEqualTo("19");
    }

    @Test
    void rejectsOldFifteenDigitNumbersByLength() {
        assertThat(reasonOf("110105491231002")).isEqualTo(Reason.LENGTH);
    }

    @Test
    void rejectsLetterAmongTheFirstSeventeen() {
        InvalidIdentityNumberException e = rejection("1101051949123100AX");

        assertThat(e.reason()).isEqualTo(Reason.CHARACTERS);
        assertThat(e.getMessage()).isEqualTo("character 17 must be a digit, not 'A'");
        assertThat(e.actual()).isEqualTo("A");
    }

    @Test
    void rejectsXAnywhereButLast() {
        assertThat(reasonOf("X1010519491231002X")).isEqualTo(Reason.CHARACTERS);
    }

    @Test
    void rejectsLastCharacterOtherThanDigitOrX() {
        InvalidIdentityNumberException e = rejection("11010519491231002Y");

        assertThat(e.reason()).isEqualTo(Reason.CHARACTERS);
        assertThat(e.getMessage()).isEqualTo("the last character must be a digit or X, not 'Y'");
    }

    @Test
    void rejectsFullWidthDigits() {
        assertThat(reasonOf("１1010519491231002X")).isEqualTo(Reason.CHARACTERS);
    }

    @Test
    void rejectsWrongCheckDigit() {
        InvalidIdentityNumberException e = rejection("110105194912310023");

        assertThat(e.reason()).isEqualTo(Reason.CHECK_DIGIT);
        assertThat(e.getMessage()).isEqualTo("check digit should be X, not 3");
        assertThat(e.expected()).isEqualTo("X");
        assertThat(e.actual()).isEqualTo("3");
    }

    @Test
    void reportsCheckDigitBeforeFieldErrorsBecauseTheNumberWasMistyped() {
        // 1949-13-31 is not a date, but the check digit already shows the number was mistyped.
        assertThat(reasonOf("11010519491331002X")).isEqualTo(Reason.CHECK_DIGIT);
    }

    @Test
    void exceptionMessagesNeverContainTheWholeNumber() {
        String wrong = "110105194912310023";

        assertThat(rejection(wrong).getMessage()).doesNotContain(wrong);
    }

    @Test
    void rejectsDayThatDoesNotExist() {
        InvalidIdentityNumberException e = rejection(withCheckDigit("11010520230230002"));

        assertThat(e.reason()).isEqualTo(Reason.BIRTH_DATE_INVALID);
        assertThat(e.getMessage()).isEqualTo("birth date 20230230 is not a real calendar date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"19491301", "19490001", "19491200", "20230229"})
    void rejectsImpossibleDates(String yyyyMMdd) {
        assertThat(reasonOf(withCheckDigit("110105" + yyyyMMdd + "002"))).isEqualTo(Reason.BIRTH_DATE_INVALID);
    }

    @Test
    void acceptsLeapDayInALeapYear() {
        IdentityNumber number = IdentityNumber.parse(withCheckDigit("11010520240229002"), TODAY);

        assertThat(number.birthDate()).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void rejectsBirthBefore1900ButAcceptsFirstDayOf1900() {
        InvalidIdentityNumberException e = rejection(withCheckDigit("11010518991231002"));

        assertThat(e.reason()).isEqualTo(Reason.BIRTH_DATE_INVALID);
        assertThat(e.getMessage()).isEqualTo("birth date 1899-12-31 is before 1900-01-01");
        assertThat(IdentityNumber.parse(withCheckDigit("11010519000101002"), TODAY)
                        .birthDate())
                .isEqualTo(LocalDate.of(1900, 1, 1));
    }

    @Test
    void acceptsBirthTodayButRejectsBirthTomorrow() {
        String bornToday =
                IdentityNumber.compose("110105", TODAY, 2, Sex.FEMALE).value();
        String bornTomorrow = IdentityNumber.compose("110105", TODAY.plusDays(1), 2, Sex.FEMALE)
                .value();

        assertThat(IdentityNumber.parse(bornToday, TODAY).birthDate()).isEqualTo(TODAY);
        InvalidIdentityNumberException e = rejection(bornTomorrow);
        assertThat(e.reason()).isEqualTo(Reason.BIRTH_DATE_IN_FUTURE);
        assertThat(e.getMessage()).isEqualTo("birth date 2025-07-01 is after today (2025-06-30)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"010105", "100105", "920105", "990105"})
    void rejectsRegionsOutsideElevenToNinetyOne(String region) {
        InvalidIdentityNumberException e = rejection(withCheckDigit(region + "19491231002"));

        assertThat(e.reason()).isEqualTo(Reason.REGION);
        assertThat(e.actual()).isEqualTo(region);
        assertThat(e.getMessage()).contains(region).contains("between 11 and 91");
    }

    @ParameterizedTest
    @ValueSource(strings = {"110000", "522401", "910000"})
    void acceptsRegionsFromElevenToNinetyOne(String region) {
        assertThat(IdentityNumber.parse(withCheckDigit(region + "19491231002"), TODAY)
                        .regionPrefix())
                .isEqualTo(region);
    }

    @Test
    void oddSeventeenthDigitIsMaleEvenIsFemale() {
        assertThat(IdentityNumber.parse(withCheckDigit("11010519491231001"), TODAY)
                        .sex())
                .isEqualTo(Sex.MALE);
        assertThat(IdentityNumber.parse(withCheckDigit("11010519491231002"), TODAY)
                        .sex())
                .isEqualTo(Sex.FEMALE);
        assertThat(IdentityNumber.parse(withCheckDigit("11010519491231000"), TODAY)
                        .sex())
                .isEqualTo(Sex.FEMALE);
        assertThat(IdentityNumber.parse(withCheckDigit("11010519491231009"), TODAY)
                        .sex())
                .isEqualTo(Sex.MALE);
    }

    @Test
    void ageCountsCompletedYears() {
        IdentityNumber number = IdentityNumber.parse(STANDARD_EXAMPLE, TODAY);

        assertThat(number.ageOn(LocalDate.of(2025, 12, 30))).isEqualTo(75);
        assertThat(number.ageOn(LocalDate.of(2025, 12, 31))).isEqualTo(76);
        assertThat(number.ageOn(LocalDate.of(1949, 12, 31))).isZero();
    }

    @Test
    void ageBeforeBirthIsRejected() {
        IdentityNumber number = IdentityNumber.parse(STANDARD_EXAMPLE, TODAY);

        assertThatThrownBy(() -> number.ageOn(LocalDate.of(1949, 12, 30))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void masksAllButFirstThreeAndLastFour() {
        IdentityNumber number = IdentityNumber.parse(STANDARD_EXAMPLE, TODAY);

        assertThat(number.masked()).isEqualTo("110***********002X");
    }

    @Test
    void toStringIsTheMaskedFormSoLogsDoNotLeakTheNumber() {
        IdentityNumber number = IdentityNumber.parse(STANDARD_EXAMPLE, TODAY);

        assertThat(number.toString()).isEqualTo(number.masked()).doesNotContain("19491231");
        assertThat("holder " + number).doesNotContain(STANDARD_EXAMPLE);
    }

    @Test
    void equalNumbersAreEqual() {
        assertThat(IdentityNumber.parse(STANDARD_EXAMPLE, TODAY))
                .isEqualTo(IdentityNumber.parse(" 11010519491231002x", TODAY))
                .hasSameHashCodeAs(new IdentityNumber(STANDARD_EXAMPLE));
    }

    @Test
    void composeKeepsSequenceWhoseParityAlreadyMatches() {
        assertThat(IdentityNumber.compose("522401", LocalDate.of(1980, 5, 1), 123, Sex.MALE)
                        .sequence())
                .isEqualTo(123);
        assertThat(IdentityNumber.compose("522401", LocalDate.of(1980, 5, 1), 124, Sex.FEMALE)
                        .sequence())
                .isEqualTo(124);
    }

    @Test
    void composeRaisesEvenSequenceForMenAndLowersOddSequenceForWomen() {
        LocalDate birth = LocalDate.of(1980, 5, 1);

        assertThat(IdentityNumber.compose("522401", birth, 0, Sex.MALE).sequence())
                .isEqualTo(1);
        assertThat(IdentityNumber.compose("522401", birth, 998, Sex.MALE).sequence())
                .isEqualTo(999);
        assertThat(IdentityNumber.compose("522401", birth, 999, Sex.FEMALE).sequence())
                .isEqualTo(998);
        assertThat(IdentityNumber.compose("522401", birth, 1, Sex.FEMALE).sequence())
                .isEqualTo(0);
    }

    @Test
    void composedNumberHasItsParts() {
        IdentityNumber number = IdentityNumber.compose("522401", LocalDate.of(1986, 3, 7), 42, Sex.MALE);

        assertThat(number.value()).startsWith("52240119860307043");
        assertThat(number.regionPrefix()).isEqualTo("522401");
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1986, 3, 7));
        assertThat(number.sex()).isEqualTo(Sex.MALE);
        assertThat(IdentityNumber.parse(number.value(), TODAY)).isEqualTo(number);
    }

    @Test
    void composeRejectsSequenceOutsideZeroToNineNineNine() {
        LocalDate birth = LocalDate.of(1980, 5, 1);

        assertThatThrownBy(() -> IdentityNumber.compose("522401", birth, -1, Sex.MALE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> IdentityNumber.compose("522401", birth, 1000, Sex.MALE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1000");
        assertThat(IdentityNumber.compose("522401", birth, 999, Sex.MALE).sequence())
                .isEqualTo(999);
    }

    @Test
    void composeRejectsBadRegionAndEarlyBirthDate() {
        LocalDate birth = LocalDate.of(1980, 5, 1);

        assertThatThrownBy(() -> IdentityNumber.compose("52240", birth, 1, Sex.MALE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(catchThrowableOfType(
                                () -> IdentityNumber.compose("012345", birth, 1, Sex.MALE),
                                InvalidIdentityNumberException.class)
                        .reason())
                .isEqualTo(Reason.REGION);
        assertThat(catchThrowableOfType(
                                () -> IdentityNumber.compose("522401", LocalDate.of(1899, 12, 31), 1, Sex.MALE),
                                InvalidIdentityNumberException.class)
                        .reason())
                .isEqualTo(Reason.BIRTH_DATE_INVALID);
    }

    static String withCheckDigit(String first17) {
        return first17 + IdentityNumber.checkDigit(first17);
    }

    private static InvalidIdentityNumberException rejection(String raw) {
        InvalidIdentityNumberException e =
                catchThrowableOfType(() -> IdentityNumber.parse(raw, TODAY), InvalidIdentityNumberException.class);
        assertThat(e).as("expected %s to be rejected", raw).isNotNull();
        return e;
    }

    private static Reason reasonOf(String raw) {
        return rejection(raw).reason();
    }

    private static Reason reasonOfConstructing(String value) {
        return catchThrowableOfType(() -> new IdentityNumber(value), InvalidIdentityNumberException.class)
                .reason();
    }
}
