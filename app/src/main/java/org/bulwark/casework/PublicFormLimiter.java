package org.bulwark.casework;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bulwark.platform.TooManyRequestsException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Rate limits of the public self-declaration form (security baseline #9), per client address: requests of any kind
 * (a generous limit, against floods), and declarations stored (a strict one, against one address filling the
 * village's list); and declarations stored by the whole platform in an hour.
 */
@Component
public class PublicFormLimiter {

    /** Above this many remembered clients the tables are cleared rather than grown (a flood must not exhaust memory). */
    private static final int MAX_CLIENTS = 100_000;

    private final int storedPerClient;
    private final int attemptsPerClient;
    private final Duration window;
    private final Bucket global;
    private final Map<String, Bucket> attempts = new ConcurrentHashMap<>();
    private final Map<String, Bucket> stored = new ConcurrentHashMap<>();

    PublicFormLimiter(
            @Value("${bulwark.declaration.per-client:5}") int storedPerClient,
            @Value("${bulwark.declaration.attempts-per-client:60}") int attemptsPerClient,
            @Value("${bulwark.declaration.window:PT1H}") Duration window,
            @Value("${bulwark.declaration.global-per-hour:2000}") int globalPerHour) {
        this.storedPerClient = storedPerClient;
        this.attemptsPerClient = attemptsPerClient;
        this.window = window;
        this.global = Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(globalPerHour)
                        .refillGreedy(globalPerHour, Duration.ofHours(1))
                        .build())
                .build();
    }

    /** Counts a request of this client; false once its attempts are spent for now. */
    public boolean allowAttempt(String client) {
        return bucket(attempts, client, attemptsPerClient).tryConsume(1);
    }

    /** Whether this client (and the platform) may store another declaration now. */
    public boolean canStore(String client) {
        return bucket(stored, client, storedPerClient).getAvailableTokens() > 0 && global.getAvailableTokens() > 0;
    }

    /** Counts a declaration this client stored. */
    public void stored(String client) {
        bucket(stored, client, storedPerClient).tryConsume(1);
        global.tryConsume(1);
    }

    /** The refusal, saying how long to wait (the whole window at most). */
    public TooManyRequestsException refusal() {
        return new TooManyRequestsException(
                "too many requests from this address; try again in " + window.toMinutes() + " minutes", window);
    }

    private Bucket bucket(Map<String, Bucket> buckets, String client, int capacity) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(
                client,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(capacity)
                                .refillGreedy(capacity, window)
                                .build())
                        .build());
    }
}
