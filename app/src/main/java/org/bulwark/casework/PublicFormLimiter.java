package org.bulwark.casework;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Rate limits of the public self-declaration form (security baseline #9): per client address and for the whole
 * platform, for submissions and for status look-ups separately.
 */
@Component
public class PublicFormLimiter {

    /** Above this many remembered clients the table is cleared rather than grown (a flood must not exhaust memory). */
    private static final int MAX_CLIENTS = 100_000;

    private final int perClient;
    private final Duration window;
    private final Bucket global;
    private final Map<String, Bucket> clients = new ConcurrentHashMap<>();

    PublicFormLimiter(@Value("${bulwark.declaration.per-client:5}") int perClient,
                      @Value("${bulwark.declaration.window:PT1H}") Duration window,
                      @Value("${bulwark.declaration.global-per-hour:2000}") int globalPerHour) {
        this.perClient = perClient;
        this.window = window;
        this.global = Bucket.builder().addLimit(Bandwidth.builder().capacity(globalPerHour)
                .refillGreedy(globalPerHour, Duration.ofHours(1)).build()).build();
    }

    /** Takes one token for this client and action; false when either the client's or the platform's limit is spent. */
    public boolean allow(String client, String action) {
        if (clients.size() > MAX_CLIENTS) {
            clients.clear();
        }
        Bucket bucket = clients.computeIfAbsent(action + "|" + client, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perClient).refillGreedy(perClient, window).build()).build());
        return bucket.tryConsume(1) && global.tryConsume(1);
    }
}
