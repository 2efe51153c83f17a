package org.trackbench.queue.derby.internal;

import java.io.ByteArrayInputStream;
import java.util.concurrent.Semaphore;

import org.trackbench.core.queue.QueueException;

/**
 * Bounds the memory that decrypted blobs take at once. AES-GCM decryption is done whole, so each open blob
 * holds its ciphertext, the cipher's copy of it and the plaintext until its reader closes it; without a bound,
 * a sync sending sixteen 5 MB screenshots at once would need 240 MB of heap. Readers beyond the budget wait;
 * a blob larger than the whole budget is read alone.
 */
final class BlobMemory {

    /** Ciphertext, the cipher's internal copy, the plaintext. */
    private static final int COPIES = 3;
    private static final int KIB = 1024;

    private final int capacityKib;
    private final Semaphore available;

    BlobMemory(long budgetBytes) {
        this.capacityKib = (int) Math.max(1, Math.min(Integer.MAX_VALUE, budgetBytes / KIB));
        this.available = new Semaphore(capacityKib, true);
    }

    /** A quarter of the heap this JVM may grow to. */
    static BlobMemory ofHeap() {
        return new BlobMemory(Runtime.getRuntime().maxMemory() / 4);
    }

    /** Waits until a blob of {@code size} bytes may be held; the caller releases it through the stream it makes. */
    Reservation reserve(long itemId, long size) {
        int kib = (int) Math.min(capacityKib, (size * COPIES + KIB - 1) / KIB);
        try {
            available.acquire(kib);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueueException("Interrupted while waiting for memory to read the blob of item " + itemId, e);
        }
        return new Reservation(kib);
    }

    /** Memory held for one blob, given back once: by its stream's close, or by the caller when reading failed. */
    final class Reservation {

        private int kib;

        private Reservation(int kib) {
            this.kib = kib;
        }

        synchronized void release() {
            available.release(kib);
            kib = 0;
        }

        /** The plaintext as a stream that gives the memory back when closed. */
        ByteArrayInputStream stream(byte[] plaintext) {
            return new ByteArrayInputStream(plaintext) {
                @Override
                public void close() {
                    release();
                }
            };
        }
    }
}
