package org.bulwark.platform;

/** Someone else changed the object since it was read; the caller should reload and apply the change again. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CONFLICT)
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
