package org.trackbench.core.queue;

/** The store could not do what was asked; the cause says why. Nothing already stored was lost. */
public class QueueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public QueueException(String message, Throwable cause) {
        super(message, cause);
    }

    public QueueException(String message) {
        super(message);
    }
}
