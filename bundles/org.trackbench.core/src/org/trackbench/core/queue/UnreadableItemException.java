package org.trackbench.core.queue;

/**
 * The item's blob is encrypted with a key that is not held any more (lost or replaced secure storage). The
 * item is kept as it is: restoring the key makes it readable again.
 */
public class UnreadableItemException extends QueueException {

    private static final long serialVersionUID = 1L;

    public UnreadableItemException(String message) {
        super(message);
    }
}
