package org.bulwark.core.casework;

/** A procedure file that cannot be used, with the reason. */
public class ProcedureException extends RuntimeException {
    public ProcedureException(String message) {
        super(message);
    }
}
