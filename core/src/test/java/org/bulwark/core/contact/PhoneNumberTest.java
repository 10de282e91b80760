package org.bulwark.core.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // mobiles: 13 to 19, spaces and hyphens as people write them
                "13812345678      | 13812345678",
                "19912345678      | 19912345678",
                "138 1234 5678    | 13812345678",
                "138-1234-5678    | 13812345678",
                "' 13812345678 '  | 13812345678",
                "138\u30001234\u30005678 | 13812345678",
                "１３８１２３４５６７８ | 13812345678",
                "０８５１－３２２１２３４ | 0851-3221234",
                // Beijing and the 02x cities: 3-digit area code, 8 (or 7) digit local number
                "010-61234567     | 010-61234567",
                "01061234567      | 010-61234567",
                "020 8123 4567    | 020-81234567",
                "029-1234567      | 029-1234567",
                // everywhere else: 4-digit area code, 7 or 8 digit local number
                "0851-3221234     | 0851-3221234",
                "08513221234      | 0851-3221234",
                "0859 12345678    | 0859-12345678",
                "085912345678     | 0859-12345678",
            })
    void acceptsAndNormalises(String typed, String normal) {
        PhoneNumber phone = PhoneNumber.parse(typed).orElseThrow();
        assertThat(phone.value()).isEqualTo(normal);
        assertThat(phone.isMobile()).isEqualTo(normal.startsWith("1"));
    }

    @ParameterizedTest(name = "''{0}''")
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "   ",
                // mobiles: 12 starts no mobile, one digit short or long
                "12812345678",
                "1381234567",
                "138123456789",
                // not digits, or a country code
                "1381234567x",
                "+8613812345678",
                "(0851)3221234",
                "138.1234.5678",
                // landlines: local number 6 or 9 digits, area code 00 or 01x other than 010
                "0851-322123",
                "0851-322123456",
                "010-123456",
                "010-123456789",
                "00851-3221234",
                "0111234567",
                // no area code at all
                "3221234",
                "61234567"
            })
    void refuses(String typed) {
        assertThat(PhoneNumber.parse(typed)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"138 1234 5678", "08513221234", "0851-322123"})
    void constructorTakesOnlyTheNormalForm(String value) {
        assertThatThrownBy(() -> new PhoneNumber(value)).isInstanceOf(IllegalArgumentException.class);
    }
}
