package org.bulwark.identity;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Time-based one-time passwords of RFC 6238 (the codes of an authenticator app), computed by the
 * {@code dev.samstevens.totp} library. Verification takes the time from its caller (a fixed clock in tests, the
 * RFC's test vectors) and the last time step already used, and accepts a code of the current step or the one
 * before or after (a phone's clock drifts) only if that step is later than the last used one: a code seen by
 * someone looking over a shoulder cannot be used again.
 */
public final class TotpCodes {

    /** 30-second steps and 6 digits: what every authenticator app shows by default. */
    public static final int PERIOD_SECONDS = 30;

    private static final int DRIFT_STEPS = 1;

    private final CodeGenerator generator;
    private final int digits;
    private final HashingAlgorithm algorithm;

    /** The codes authenticator apps show: HMAC-SHA1, 6 digits. */
    public TotpCodes() {
        this(HashingAlgorithm.SHA1, 6);
    }

    public TotpCodes(HashingAlgorithm algorithm, int digits) {
        this.algorithm = algorithm;
        this.digits = digits;
        this.generator = new DefaultCodeGenerator(algorithm, digits);
    }

    /** A new secret: 32 base32 characters, 160 random bits (RFC 4226 recommends at least 128). */
    public String newSecret() {
        return new DefaultSecretGenerator(32).generate();
    }

    /** The time step of an instant: seconds since the epoch divided by the period. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), PERIOD_SECONDS);
    }

    /** The code for a time step (base32 secret). */
    public String code(String secret, long step) {
        try {
            return generator.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("cannot compute a TOTP code", e);
        }
    }

    /**
     * The time step the code belongs to, if it is valid at {@code now} (one step of drift either way) and later than
     * {@code lastUsedStep}; empty otherwise.
     */
    public OptionalLong verify(String secret, String code, Instant now, long lastUsedStep) {
        if (code == null) {
            return OptionalLong.empty();
        }
        String typed = code.replace(" ", "").strip();
        if (typed.length() != digits || !typed.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        long current = step(now);
        for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
            // compared in constant time, so the time taken tells nothing of how many digits matched
            if (step > lastUsedStep
                    && MessageDigest.isEqual(
                            code(secret, step).getBytes(StandardCharsets.US_ASCII),
                            typed.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The otpauth:// address an authenticator app reads from the QR code (Key Uri Format). */
    public String uri(String issuer, String account, String secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer) + "&algorithm="
                + algorithm.name() + "&digits=" + digits + "&period=" + PERIOD_SECONDS;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
