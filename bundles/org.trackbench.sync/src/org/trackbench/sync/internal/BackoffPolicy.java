package org.trackbench.sync.internal;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: the n-th consecutive failure waits a uniformly random time in
 * {@code [0, min(cap, base · 2^n)]}, so clients that failed together do not come back together.
 */
final class BackoffPolicy {

    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;

    BackoffPolicy(Duration base, Duration cap, RandomGenerator random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /** The ceiling for {@code failures} consecutive failures (0 for the first retry). */
    Duration ceiling(int failures) {
        int exponent = Math.min(Math.max(failures, 0), 62);
        long millis = base.toMillis();
        long ceiling = exponent >= Long.numberOfLeadingZeros(millis) - 1 ? Long.MAX_VALUE : millis << exponent;
        return Duration.ofMillis(Math.min(cap.toMillis(), ceiling));
    }

    Duration delay(int failures) {
        long ceiling = ceiling(failures).toMillis();
        return Duration.ofMillis(ceiling == 0 ? 0 : random.nextLong(ceiling + 1));
    }
}
