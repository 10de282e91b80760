package org.bulwark.platform;

/**
 * The object does not exist or lies outside the user's region: both answer the same way, so that a user cannot
 * learn that a household exists elsewhere.
 */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
