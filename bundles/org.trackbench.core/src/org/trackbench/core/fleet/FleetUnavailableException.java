package org.trackbench.core.fleet;

/** The fleet could not be listed; the message says why (no admin token, refused, unreachable) for a person. */
public class FleetUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FleetUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
