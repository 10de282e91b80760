package org.bulwark.identity;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.bulwark.platform.InvalidInputException;
import org.bulwark.platform.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-factor sign-in with TOTP (RFC 6238): enrolment (a secret shown as a QR code, confirmed with a first code),
 * ten recovery codes shown once and kept hashed, each usable once, the check at sign-in, and the reset by a
 * security administrator when a phone is lost. Every change and every check is published for the audit log.
 */
@Service
public class TwoFactor {

    static final int RECOVERY_CODES = 10;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    /** What an account's holder sees on the two-factor page. */
    public record Status(boolean enabled, boolean enrolling, boolean required, int recoveryCodesLeft) {}

    /** A started enrolment: the secret (to type in by hand) and the otpauth:// address the QR code carries. */
    public record Enrolment(String secret, String uri) {}

    private final CurrentUser currentUser;
    private final SecondFactorStore store;
    private final TotpCodes totp = new TotpCodes();
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final TwoFactorPolicy policy;
    private final AccountStore accounts;
    private final UserAccounts userAccounts;
    private final String issuer;
    private final SecureRandom random = new SecureRandom();

    TwoFactor(
            CurrentUser currentUser,
            SecondFactorStore store,
            PasswordEncoder encoder,
            ApplicationEventPublisher events,
            TwoFactorPolicy policy,
            AccountStore accounts,
            UserAccounts userAccounts,
            @Value("${bulwark.security.two-factor.issuer:Bulwark}") String issuer) {
        this.userAccounts = userAccounts;
        this.currentUser = currentUser;
        this.store = store;
        this.encoder = encoder;
        this.events = events;
        this.policy = policy;
        this.accounts = accounts;
        this.issuer = issuer;
    }

    /** Whether the account signs in with a second factor. */
    @Transactional(readOnly = true)
    public boolean enabled(long userId) {
        return store.find(userId).map(SecondFactorStore.Factor::confirmed).orElse(false);
    }

    /** The signed-in user's state. */
    @Transactional(readOnly = true)
    public Status status() {
        BulwarkUser user = currentUser.require();
        var factor = store.find(user.id());
        boolean enabled = factor.map(SecondFactorStore.Factor::confirmed).orElse(false);
        return new Status(
                enabled,
                factor.isPresent() && !enabled,
                policy.requires(user.role()),
                enabled ? store.unusedRecoveryCodes(user.id()).size() : 0);
    }

    /** Starts an enrolment for the signed-in user with a new secret (again, if one was waiting). */
    @Transactional
    public Enrolment begin() {
        BulwarkUser user = currentUser.require();
        if (enabled(user.id())) {
            throw InvalidInputException.of("code", "two_factor_enabled", "two-factor sign-in is on already");
        }
        String secret = totp.newSecret();
        store.begin(user.id(), secret);
        return new Enrolment(secret, totp.uri(issuer, user.getUsername(), secret));
    }

    /** The waiting enrolment of the signed-in user (to show its QR code again), if any. */
    @Transactional(readOnly = true)
    public Optional<Enrolment> waiting() {
        BulwarkUser user = currentUser.require();
        return store.find(user.id())
                .filter(f -> !f.confirmed())
                .map(f -> new Enrolment(f.secret(), totp.uri(issuer, user.getUsername(), f.secret())));
    }

    /** Confirms the enrolment with a first code; returns the recovery codes, which are shown this once. */
    @Transactional
    public List<String> confirm(String code) {
        BulwarkUser user = currentUser.require();
        var factor = store.find(user.id())
                .filter(f -> !f.confirmed())
                .orElseThrow(() -> InvalidInputException.of("code", "two_factor_not_started", "start enrolment first"));
        OptionalLong step = totp.verify(factor.secret(), code, Instant.now(), 0);
        if (step.isEmpty() || !store.confirm(user.id(), step.getAsLong())) {
            throw InvalidInputException.of("code", "code_wrong", "not the code the app shows now");
        }
        List<String> codes = newRecoveryCodes(user.id());
        events.publishEvent(new SecondFactorChanged(
                user.id(), user.getUsername(), user.regionCode(), SecondFactorChanged.Change.ENROLLED));
        return codes;
    }

    /**
     * Checks the second factor of a user signing in: a code of the app, or one of the recovery codes (which is then
     * used up). Published as passed or refused; a refusal also counts towards the lockout (by the caller).
     */
    @Transactional
    public boolean verify(BulwarkUser user, String code) {
        var factor = store.find(user.id()).filter(SecondFactorStore.Factor::confirmed);
        if (factor.isEmpty()) {
            return false;
        }
        OptionalLong step = totp.verify(
                factor.get().secret(), code, Instant.now(), factor.get().lastStep());
        boolean passed = step.isPresent() && store.useStep(user.id(), step.getAsLong());
        String method = "totp";
        if (!passed && code != null && code.strip().length() > 6) {
            passed =
                    useRecoveryCode(user, code.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT));
            method = "recovery-code";
        }
        events.publishEvent(
                new SecondFactorChecked(user.getUsername(), user.role(), user.regionCode(), passed, method));
        return passed;
    }

    /**
     * A wrong code at sign-in counts towards the lockout like a wrong password; a lockout it causes reaches the
     * auditors of the account's region like one caused by passwords. Returns whether the account is now locked.
     */
    @Transactional
    public boolean countWrongCode(BulwarkUser user) {
        var until = userAccounts.recordFailure(user.getUsername());
        until.ifPresent(end -> events.publishEvent(new AccountLocked(
                user.getUsername(), user.role(), user.regionCode(), userAccounts.maxFailures(), end)));
        return until.isPresent();
    }

    /** Turns two-factor sign-in off for the signed-in user, proven with a current code; not where it is required. */
    @Transactional
    public void disable(String code) {
        BulwarkUser user = currentUser.require();
        if (policy.requires(user.role())) {
            throw InvalidInputException.of("code", "two_factor_required", "required for your role");
        }
        if (!verify(user, code)) {
            throw InvalidInputException.of("code", "code_wrong", "not the code the app shows now");
        }
        store.remove(user.id());
        events.publishEvent(new SecondFactorChanged(
                user.id(), user.getUsername(), user.regionCode(), SecondFactorChanged.Change.DISABLED));
    }

    /**
     * A security administrator removes the second factor of an account they look after (its holder lost the phone
     * and the recovery codes); the holder enrols again at the next sign-in where the role requires it.
     */
    @Transactional
    public void reset(long accountId) {
        BulwarkUser admin = currentUser.requirePermission(Role.Permission.MANAGE_ROLES);
        UserAccount account =
                accounts.find(admin.scope(), accountId).orElseThrow(() -> new NotFoundException("user", accountId));
        if (account.id() == admin.id() || !Duties.mayAdminister(admin, account.role(), account.regionCode())) {
            throw InvalidInputException.of("role", "role_too_high", "an account you do not look after");
        }
        store.remove(accountId);
        events.publishEvent(new SecondFactorChanged(
                accountId, account.username(), account.regionCode(), SecondFactorChanged.Change.RESET));
    }

    private boolean useRecoveryCode(BulwarkUser user, String code) {
        for (SecondFactorStore.RecoveryCode stored : store.unusedRecoveryCodes(user.id())) {
            if (encoder.matches(code, stored.hash()) && store.useRecoveryCode(stored.id())) {
                events.publishEvent(new SecondFactorChanged(
                        user.id(),
                        user.getUsername(),
                        user.regionCode(),
                        SecondFactorChanged.Change.RECOVERY_CODE_USED));
                return true;
            }
        }
        return false;
    }

    private List<String> newRecoveryCodes(long userId) {
        List<String> codes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            // 10 characters of a 31-letter alphabet without look-alikes: about 50 bits each
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 10; c++) {
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                if (c == 4) {
                    code.append('-');
                }
            }
            codes.add(code.toString());
            hashes.add(encoder.encode(code.toString().replace("-", "")));
        }
        store.replaceRecoveryCodes(userId, hashes);
        return codes;
    }
}
