package org.bulwark.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void mobileKeepsFirstThreeAndLastFour() {
        assertThat(Masking.maskPhone("13812345678")).isEqualTo("138****5678");
    }

    @Test
    void mobileIsTrimmedBeforeMasking() {
        assertThat(Masking.maskPhone(" 13812345678 ")).isEqualTo("138****5678");
    }

    @Test
    void elevenDigitsNotStartingWithOneAreNotTreatedAsMobile() {
        assertThat(Masking.maskPhone("08511234567")).isEqualTo("08*******67");
    }

    @Test
    void otherLengthsKeepFirstTwoAndLastTwo() {
        assertThat(Masking.maskPhone("0851-12345678")).isEqualTo("08*********78");
        assertThat(Masking.maskPhone("1381234567")).isEqualTo("13******67");
        assertThat(Masking.maskPhone("12345")).isEqualTo("12*45");
    }

    @Test
    void fourCharactersOrFewerAreMaskedCompletely() {
        assertThat(Masking.maskPhone("1234")).isEqualTo("****");
        assertThat(Masking.maskPhone("12")).isEqualTo("**");
        assertThat(Masking.maskPhone("")).isEmpty();
    }

    @Test
    void nullStaysNull() {
        assertThat(Masking.maskPhone(null)).isNull();
        assertThat(Masking.maskIdentityNumber(null)).isNull();
    }

    @Test
    void identityNumberKeepsFirstThreeAndLastFourEvenWhenInvalid() {
        assertThat(Masking.maskIdentityNumber("522401198603070431")).isEqualTo("522***********0431");
        assertThat(Masking.maskIdentityNumber("52240119860307")).isEqualTo("522*******0307");
    }

    @Test
    void identityNumberOfSevenCharactersOrFewerIsMaskedCompletely() {
        assertThat(Masking.maskIdentityNumber("5224011")).isEqualTo("*******");
        assertThat(Masking.maskIdentityNumber("52240119")).isEqualTo("522*0119");
    }
}
