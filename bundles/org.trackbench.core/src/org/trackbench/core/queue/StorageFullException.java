package org.trackbench.core.queue;

/**
 * Nothing was stored: the disk holding the queue is full. Nothing already stored was lost either; the call may be
 * made again once {@link QueueStore#storageShortage()} is empty.
 *
 * @since 1.4
 */
public class StorageFullException extends QueueException {

    private static final long serialVersionUID = 1L;

    private final transient StorageShortage shortage;

    public StorageFullException(StorageShortage shortage, Throwable cause) {
        super("Nothing was stored: " + shortage.describe(), cause);
        this.shortage = shortage;
    }

    public StorageShortage shortage() {
        return shortage;
    }
}
