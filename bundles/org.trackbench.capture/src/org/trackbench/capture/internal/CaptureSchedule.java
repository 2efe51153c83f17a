package org.trackbench.capture.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When the next screenshot is due: at the end of each interval, or at a random moment inside it, so a
 * person cannot predict the capture. Intervals are counted from when the entry started running.
 */
final class CaptureSchedule {

    private final Duration interval;
    private final boolean randomPlacement;
    private final RandomGenerator random;

    CaptureSchedule(Duration interval, boolean randomPlacement, RandomGenerator random) {
        this.interval = interval;
        this.randomPlacement = randomPlacement;
        this.random = random;
    }

    /** The capture time inside the interval that begins at {@code intervalStart}. */
    Instant captureIn(Instant intervalStart) {
        if (!randomPlacement) {
            return intervalStart.plus(interval);
        }
        return intervalStart.plusMillis(random.nextLong(interval.toMillis()) + 1);
    }

    /** The start of the interval after the one that begins at {@code intervalStart}. */
    Instant nextInterval(Instant intervalStart) {
        return intervalStart.plus(interval);
    }
}
