package org.bulwark.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.bulwark.core.identity.InvalidIdentityNumberException.Reason;
import org.junit.jupiter.api.Test;

/** Properties checked over many numbers drawn from a fixed seed, so a failure always reproduces. */
class IdentityNumberPropertiesTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);
    private static final int SAMPLES = 5_000;
    private static final long FIRST_DAY = LocalDate.of(1900, 1, 1).toEpochDay();

    private final SplittableRandom random = new SplittableRandom(20250630L);

    @Test
    void composedNumbersParseBackToTheirParts() {
        for (int i = 0; i < SAMPLES; i++) {
            String region = region();
            LocalDate birth = birthDate();
            int sequence = random.nextInt(1000);
            Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;

            IdentityNumber parsed = IdentityNumber.parse(
                    IdentityNumber.compose(region, birth, sequence, sex).value(), TODAY);

            assertThat(parsed.regionPrefix()).isEqualTo(region);
            assertThat(parsed.birthDate()).isEqualTo(birth);
            assertThat(parsed.sex()).isEqualTo(sex);
            assertThat(Math.abs(parsed.sequence() - sequence)).isLessThanOrEqualTo(1);
            assertThat(parsed.sequence() / 10).isEqualTo(sequence / 10);
        }
    }

    @Test
    void everySingleDigitTypoIsCaughtByTheCheckDigit() {
        for (int i = 0; i < SAMPLES; i++) {
            char[] digits = number().value().toCharArray();
            int position = random.nextInt(17);
            int shift = 1 + random.nextInt(9);
            digits[position] = (char) ('0' + (digits[position] - '0' + shift) % 10);

            assertThat(reasonOf(new String(digits))).isEqualTo(Reason.CHECK_DIGIT);
        }
    }

    @Test
    void everySwapOfTwoAdjacentDifferentDigitsIsCaught() {
        int swaps = 0;
        for (int i = 0; i < SAMPLES; i++) {
            char[] digits = number().value().toCharArray();
            int position = random.nextInt(16);
            if (digits[position] == digits[position + 1]) {
                continue;
            }
            char swapped = digits[position];
            digits[position] = digits[position + 1];
            digits[position + 1] = swapped;
            swaps++;

            assertThat(reasonOf(new String(digits))).isEqualTo(Reason.CHECK_DIGIT);
        }
        assertThat(swaps).isGreaterThan(SAMPLES / 2);
    }

    @Test
    void maskedFormHidesTheMiddleEleven() {
        for (int i = 0; i < SAMPLES; i++) {
            IdentityNumber number = number();

            assertThat(number.masked())
                    .hasSize(18)
                    .startsWith(number.value().substring(0, 3))
                    .endsWith(number.value().substring(14))
                    .contains("***********");
        }
    }

    private String region() {
        int province = 11 + random.nextInt(81);
        int rest = random.nextInt(10_000);
        return String.format("%02d%04d", province, rest);
    }

    private LocalDate birthDate() {
        return LocalDate.ofEpochDay(FIRST_DAY + random.nextLong(TODAY.toEpochDay() - FIRST_DAY + 1));
    }

    private IdentityNumber number() {
        return IdentityNumber.compose(
                region(), birthDate(), random.nextInt(1000), random.nextBoolean() ? Sex.MALE : Sex.FEMALE);
    }

    private static Reason reasonOf(String raw) {
        return catchThrowableOfType(() -> IdentityNumber.parse(raw, TODAY), InvalidIdentityNumberException.class)
                .reason();
    }
}
