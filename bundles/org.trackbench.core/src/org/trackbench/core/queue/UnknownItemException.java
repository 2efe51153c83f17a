package org.trackbench.core.queue;

/** An operation named an item id the store does not hold (never enqueued, or deleted or purged since). */
public class UnknownItemException extends QueueException {

    private static final long serialVersionUID = 1L;

    private final long itemId;

    public UnknownItemException(long itemId) {
        super("No queue item with id " + itemId + "; ids are listed by the queue view or 'trackbench:queue'");
        this.itemId = itemId;
    }

    public long itemId() {
        return itemId;
    }
}
