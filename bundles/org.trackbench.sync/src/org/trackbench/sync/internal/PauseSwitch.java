package org.trackbench.sync.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Component;

/**
 * Whether the admin paused the sync. A component of its own, living as long as the bundle, so that a pause
 * outlives the sync component it was given to: a restarted queue store or token provider makes a new sync (a changed
 * setting does not: the sync applies it in place), which must stay paused until someone resumes it. Claims go through it, so that once {@link #pause} returns
 * nothing more is claimed (requests already in flight finish).
 */
@Component(service = PauseSwitch.class)
public final class PauseSwitch {

    private final AtomicBoolean paused = new AtomicBoolean();
    /** Claims hold it shared; a pause takes it alone, so it waits for a claim in progress. */
    private final ReadWriteLock claims = new ReentrantReadWriteLock();

    boolean paused() {
        return paused.get();
    }

    void pause() {
        claims.writeLock().lock();
        try {
            paused.set(true);
        } finally {
            claims.writeLock().unlock();
        }
    }

    /** Ends a pause; returns whether there was one. */
    boolean release() {
        return paused.getAndSet(false);
    }

    /** Runs {@code claim} unless paused; nothing is claimed while paused. */
    <T> List<T> claimUnlessPaused(Supplier<List<T>> claim) {
        claims.readLock().lock();
        try {
            return paused.get() ? List.of() : claim.get();
        } finally {
            claims.readLock().unlock();
        }
    }
}
