package org.trackbench.core.ledger;

/** The server's entries could not be read; the message says why (no token, refused, unreachable) for a person. */
public class ReconciliationUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReconciliationUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
