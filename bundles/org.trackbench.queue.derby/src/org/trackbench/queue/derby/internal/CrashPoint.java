package org.trackbench.queue.derby.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a crash test wants the product stopped. The framework property {@value #PROPERTY} names a {@link BlobStep};
 * the first thread to finish that step logs it and waits for good, so that the test kills the process (SIGKILL)
 * exactly there and then checks what the next start makes of the files. Products leave it unset; a step then costs
 * one comparison.
 */
final class CrashPoint {

    static final String PROPERTY = "trackbench.queue.crashAfter";
    static final CrashPoint NONE = new CrashPoint(null);

    private static final Logger LOG = LoggerFactory.getLogger(CrashPoint.class);

    private final BlobStep step;

    private CrashPoint(BlobStep step) {
        this.step = step;
    }

    /**
     * @param name the property's value, or {@code null} for none
     * @throws IllegalArgumentException naming the value and the steps accepted
     */
    static CrashPoint named(String name) {
        if (name == null || name.isBlank()) {
            return NONE;
        }
        try {
            return new CrashPoint(BlobStep.valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + " '" + name + "' is not a step; expected one of "
                    + Arrays.toString(BlobStep.values()), e);
        }
    }

    /** Called once {@code done} is done for the blob of item {@code itemId}; at the chosen step, never returns. */
    void after(BlobStep done, long itemId) {
        if (done != step) {
            return;
        }
        LOG.warn("Crash point reached: {} of item {} ({} is set for a crash test); waiting to be killed", done, itemId,
                PROPERTY);
        while (true) {
            LockSupport.park(this);
        }
    }
}
