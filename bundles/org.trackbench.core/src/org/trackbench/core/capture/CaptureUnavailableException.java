package org.trackbench.core.capture;

/** The screen cannot be captured here (no display, capture refused); tracking goes on without screenshots. */
public class CaptureUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CaptureUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
