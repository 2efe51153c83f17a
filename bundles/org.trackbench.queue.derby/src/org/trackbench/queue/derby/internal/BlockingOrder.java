package org.trackbench.queue.derby.internal;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Orders the transactions that decide whether an item is blocked. An item joining a group looks for a failed
 * ordered predecessor; a failure, or its retry or deletion, blocks or releases the group's followers. Run at once,
 * a follower could join pending just as its predecessor failed, and never be claimable. Joins share the lock (they
 * never disturb each other); failure changes, rare, take it alone. The embedded database belongs to this process,
 * so a lock in it is enough; row locks alone let the two deadlock.
 */
final class BlockingOrder {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    /** Runs a transaction that adds items to a group. */
    <T> T join(Supplier<T> transaction) {
        lock.readLock().lock();
        try {
            return transaction.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs a transaction that fails, retries or deletes items, changing what their groups' followers wait for. */
    <T> T change(Supplier<T> transaction) {
        lock.writeLock().lock();
        try {
            return transaction.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
