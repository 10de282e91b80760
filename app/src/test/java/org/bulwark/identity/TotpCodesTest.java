package org.bulwark.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samstevens.totp.code.HashingAlgorithm;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TOTP codes against the test vectors of RFC 6238 (appendix B), on fixed instants; replay and drift. */
class TotpCodesTest {

    private static String secret(String ascii) {
        return new Base32()
                .encodeToString(ascii.getBytes(StandardCharsets.US_ASCII))
                .replace("=", "");
    }

    private static final String SHA1_SEED = "12345678901234567890";
    private static final String SHA256_SEED = "12345678901234567890123456789012";
    private static final String SHA512_SEED = "1234567890123456789012345678901234567890123456789012345678901234";

    @ParameterizedTest(name = "{0} at {1}s: {2}")
    @CsvSource({
        "SHA1, 59, 94287082", "SHA256, 59, 46119246", "SHA512, 59, 90693936",
        "SHA1, 1111111109, 07081804", "SHA256, 1111111109, 68084774", "SHA512, 1111111109, 25091201",
        "SHA1, 1111111111, 14050471", "SHA256, 1111111111, 67062674", "SHA512, 1111111111, 99943326",
        "SHA1, 1234567890, 89005924", "SHA256, 1234567890, 91819424", "SHA512, 1234567890, 93441116",
        "SHA1, 2000000000, 69279037", "SHA256, 2000000000, 90698825", "SHA512, 2000000000, 38618901",
        "SHA1, 20000000000, 65353130", "SHA256, 20000000000, 77737706", "SHA512, 20000000000, 47863826"
    })
    void theRfcTestVectorsHold(HashingAlgorithm algorithm, long seconds, String expected) {
        String seed = switch (algorithm) {
            case SHA1 -> SHA1_SEED;
            case SHA256 -> SHA256_SEED;
            case SHA512 -> SHA512_SEED;
        };
        TotpCodes totp = new TotpCodes(algorithm, 8);
        Instant at = Instant.ofEpochSecond(seconds);
        assertThat(totp.code(secret(seed), TotpCodes.step(at))).isEqualTo(expected);
        assertThat(totp.verify(secret(seed), expected, at, 0)).hasValue(TotpCodes.step(at));
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideAndNeverTwice() {
        TotpCodes totp = new TotpCodes();
        String secret = totp.newSecret();
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long step = TotpCodes.step(now);
        String current = totp.code(secret, step);
        assertThat(current).hasSize(6);
        assertThat(totp.verify(secret, current, now, 0)).hasValue(step);
        // once used, the same code (and any of an earlier step) is refused
        assertThat(totp.verify(secret, current, now, step)).isEmpty();
        assertThat(totp.verify(secret, totp.code(secret, step - 1), now, step)).isEmpty();
        // a phone's clock 30 seconds off still works; two steps off does not
        assertThat(totp.verify(secret, totp.code(secret, step + 1), now, 0)).hasValue(step + 1);
        assertThat(totp.verify(secret, totp.code(secret, step - 2), now, 0)).isEmpty();
        assertThat(totp.verify(secret, "12345", now, 0)).isEmpty();
        assertThat(totp.verify(secret, "abcdef", now, 0)).isEmpty();
        assertThat(totp.verify(secret, null, now, 0)).isEmpty();
    }

    @Test
    void theUriNamesIssuerAccountAndParameters() {
        TotpCodes totp = new TotpCodes();
        assertThat(totp.uri("防返贫监测", "county", "ABC"))
                .startsWith("otpauth://totp/%E9%98%B2%E8%BF%94%E8%B4%AB%E7%9B%91%E6%B5%8B:county?secret=ABC")
                .contains("&digits=6&period=30");
    }
}
