package org.bulwark.platform;

import java.time.Duration;

/** A rate limit is spent for now; the client should try again after {@code retryAfter} (HTTP 429). */
public class TooManyRequestsException extends RuntimeException {

    private final transient Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
