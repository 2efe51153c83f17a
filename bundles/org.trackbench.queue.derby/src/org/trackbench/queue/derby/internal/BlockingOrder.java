package org.trackbench.queue.derby.internal;

import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders the transactions that decide whether an item is blocked. An item joining a group looks for a failed
 * ordered predecessor; a failure, or its retry or deletion, blocks or releases the group's followers. Run at once,
 * a follower could join pending just as its predecessor failed, and never be claimable. Joins share the lock (they
 * never disturb each other); failure changes, rare, take it alone. The embedded database belongs to this process,
 * so a lock in it is enough; row locks alone let the two deadlock.
 *
 * <p>Since only changes make or end failures, the groups holding one are read again after each change, under its
 * lock: a join into any other group skips the search for a failed predecessor (an UPDATE with a subquery, a tenth of
 * an enqueue's time).
 */
final class BlockingOrder {

    private static final Logger LOG = LoggerFactory.getLogger(BlockingOrder.class);

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Supplier<Set<String>> groupsWithFailures;
    /** {@code null} when they could not be read: then every group is searched, which is always right. */
    private volatile Set<String> withFailures;

    /** @param groupsWithFailures reads the groups that hold a failed ordered item */
    BlockingOrder(Supplier<Set<String>> groupsWithFailures) {
        this.groupsWithFailures = groupsWithFailures;
        this.withFailures = read();
    }

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
            withFailures = read();
            lock.writeLock().unlock();
        }
    }

    /** Whether a failed ordered item of {@code group} may precede a new one; asked inside {@link #join} or {@link #change}. */
    boolean mayHoldFailure(String group) {
        Set<String> known = withFailures;
        return known == null || known.contains(group);
    }

    private Set<String> read() {
        try {
            return groupsWithFailures.get();
        } catch (RuntimeException e) {
            LOG.debug("Cannot read the groups holding a failure now; every group joined is searched until the next"
                    + " change", e);
            return null;
        }
    }
}
