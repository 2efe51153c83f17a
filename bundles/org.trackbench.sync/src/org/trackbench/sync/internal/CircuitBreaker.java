package org.trackbench.sync.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * Job-wide backoff while the server is unreachable: each consecutive trip waits longer (the backoff
 * policy's jittered delay, or the server's {@code Retry-After}). A passed health check half-opens it (deliveries
 * may try again, the count of trips stays); only a delivery the server accepts closes it.
 */
final class CircuitBreaker {

    private final BackoffPolicy backoff;
    private int trips;
    private Instant openUntil;
    private boolean halfOpen;

    CircuitBreaker(BackoffPolicy backoff) {
        this.backoff = backoff;
    }

    synchronized Instant trip(Instant now, Duration retryAfter) {
        Duration wait = retryAfter != null ? retryAfter : backoff.delay(trips);
        trips++;
        openUntil = now.plus(wait);
        halfOpen = false;
        return openUntil;
    }

    /** Lets the next run probe at once (an admin's "sync now"). */
    synchronized void probeNow() {
        if (openUntil != null) {
            openUntil = Instant.EPOCH;
        }
    }

    /** One trial delivery may go; if it fails, the circuit trips again, waiting longer than the last time. */
    synchronized void halfOpen() {
        openUntil = null;
        halfOpen = true;
    }

    /** A delivery succeeded: the server is well. */
    synchronized void close() {
        trips = 0;
        openUntil = null;
        halfOpen = false;
    }

    /** Whether the next delivery is the trial of a half-open circuit: one item, not a batch, tests the server. */
    synchronized boolean isHalfOpen() {
        return halfOpen;
    }

    synchronized boolean isOpen() {
        return openUntil != null;
    }

    /** When the next probe may go, or {@code null} when closed. */
    synchronized Instant openUntil() {
        return openUntil;
    }
}
