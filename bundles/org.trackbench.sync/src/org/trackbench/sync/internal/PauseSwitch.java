package org.trackbench.sync.internal;

import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.service.component.annotations.Component;

/**
 * Whether the admin paused the sync. A component of its own, living as long as the bundle, so that a pause
 * outlives the sync component it was given to: a changed setting or a restarted queue store makes a new sync,
 * which must stay paused until someone resumes it.
 */
@Component(service = PauseSwitch.class)
public final class PauseSwitch {

    private final AtomicBoolean paused = new AtomicBoolean();

    boolean paused() {
        return paused.get();
    }

    void pause() {
        paused.set(true);
    }

    /** Ends a pause; returns whether there was one. */
    boolean release() {
        return paused.getAndSet(false);
    }
}
