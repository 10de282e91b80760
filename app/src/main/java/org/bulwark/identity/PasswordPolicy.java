package org.bulwark.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bulwark.platform.FieldProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a new password must be. MLPS 2.0 level 3 asks for complexity and periodic change, OWASP ASVS 5.0 forbids both
 * (they push people to predictable passwords); both are settings that default to MLPS, which a government deployment
 * is checked against. Always: a minimum and maximum length, not the username, not one of the common passwords.
 */
@Component
public class PasswordPolicy {

    // bcrypt reads at most 72 bytes; 64 characters of ASCII stay below it, and Chinese text is not expected here
    static final int MAX_LENGTH = 64;

    private final int minLength;
    private final boolean complexity;
    private final Duration maxAge;
    private final Set<String> common;

    PasswordPolicy(
            @Value("${bulwark.security.password.min-length:8}") int minLength,
            @Value("${bulwark.security.password.complexity:true}") boolean complexity,
            @Value("${bulwark.security.password.max-age:P90D}") Duration maxAge,
            @Value("${bulwark.security.password.common-list:}") String commonList) {
        if (minLength < 8 || minLength > MAX_LENGTH) {
            throw new IllegalArgumentException("bulwark.security.password.min-length must be 8.." + MAX_LENGTH);
        }
        this.minLength = minLength;
        this.complexity = complexity;
        this.maxAge = maxAge;
        this.common = loadCommon(commonList);
    }

    /** The problems of a new password for this user, under the field name given; empty when it is acceptable. */
    public List<FieldProblem> check(String field, String password, String username) {
        List<FieldProblem> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add(new FieldProblem(field, "required", "required"));
            return problems;
        }
        if (password.length() < minLength) {
            problems.add(new FieldProblem(field, "password_too_short", "at least " + minLength + " characters"));
        } else if (password.length() > MAX_LENGTH) {
            problems.add(new FieldProblem(field, "password_too_long", "at most " + MAX_LENGTH + " characters"));
        }
        if (complexity && characterClasses(password) < 3) {
            problems.add(new FieldProblem(
                    field,
                    "password_complexity",
                    "needs three of: upper-case letters, lower-case letters, digits, other characters"));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            problems.add(new FieldProblem(field, "password_contains_username", "must not contain the username"));
        }
        if (common.contains(lower)) {
            problems.add(new FieldProblem(field, "password_common", "is one of the most common passwords"));
        }
        return problems;
    }

    /** The minimum length, shown next to the password field. */
    public int minLength() {
        return minLength;
    }

    /** Whether three of the four character classes are required (MLPS) or not (ASVS). */
    public boolean complexity() {
        return complexity;
    }

    /** How long a password lasts before its holder must change it; zero or negative: for ever (ASVS). */
    public Duration maxAge() {
        return maxAge;
    }

    private static int characterClasses(String password) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                other = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    private static Set<String> loadCommon(String file) {
        Set<String> words = new HashSet<>();
        try (InputStream in =
                PasswordPolicy.class.getClassLoader().getResourceAsStream("identity/common-passwords.txt")) {
            read(in, words);
            if (file != null && !file.isBlank()) {
                try (InputStream own = Files.newInputStream(Path.of(file))) {
                    read(own, words);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the list of common passwords", e);
        }
        return Set.copyOf(words);
    }

    private static void read(InputStream in, Set<String> words) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            String word = line.strip();
            if (!word.isEmpty() && !word.startsWith("#")) {
                words.add(word.toLowerCase(Locale.ROOT));
            }
        }
    }
}
