package org.bulwark.identity;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows guessing from one address before it reaches the account lockout (security baseline #9): each address may
 * make {@code bulwark.security.sign-in.failures-per-address} (3) refused sign-ins at once, then one more every
 * {@code bulwark.security.sign-in.address-refill} (1 minute); further attempts are refused with 429 before the
 * password is checked, so they neither count against the account nor tell the guesser anything. An attempt takes
 * its token before it is checked (parallel attempts cannot slip through together) and a successful one gives it
 * back, so people who sign in correctly are never slowed. Locking one account (5 failures) from one address so
 * takes 2 minutes instead of 5 requests, and every further account 5 minutes.
 */
@Component
public class SignInThrottle {

    /** Above this many remembered addresses the table is cleared rather than grown (a flood must not exhaust memory). */
    private static final int MAX_ADDRESSES = 100_000;

    private final int burst;
    private final Duration refill;
    private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();

    SignInThrottle(
            @Value("${bulwark.security.sign-in.failures-per-address:3}") int burst,
            @Value("${bulwark.security.sign-in.address-refill:PT1M}") Duration refill) {
        this.burst = burst;
        this.refill = refill;
    }

    /** Takes an attempt for this address: empty when it may go ahead, else how long it must wait. */
    public Optional<Duration> tryAttempt(String address) {
        ConsumptionProbe probe = bucket(address).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? Optional.empty()
                : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill())
                        .plusMillis(999)
                        .withNanos(0));
    }

    /** Gives the attempt back: the sign-in succeeded, or could not be checked (the database was down). */
    public void giveBack(String address) {
        Bucket bucket = addresses.get(address);
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    private Bucket bucket(String address) {
        if (addresses.size() > MAX_ADDRESSES) {
            addresses.clear();
        }
        return addresses.computeIfAbsent(
                address,
                a -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(burst)
                                .refillIntervally(1, refill)
                                .build())
                        .build());
    }
}
