package org.bulwark.platform;

/** A rate limit is spent for now; the client should try again later (HTTP 429). */
public class TooManyRequestsException extends RuntimeException {
    public TooManyRequestsException(String message) {
        super(message);
    }
}
