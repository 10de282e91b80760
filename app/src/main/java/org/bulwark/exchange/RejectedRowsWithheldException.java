package org.bulwark.exchange;

import org.springframework.security.access.AccessDeniedException;

/** The rejected rows of a batch are not for the reader's role (another department's, or sensitive data). */
public class RejectedRowsWithheldException extends AccessDeniedException {

    private static final long serialVersionUID = 1L;

    RejectedRowsWithheldException(String message) {
        super(message);
    }
}
