package org.trackbench.core.queue;

import java.time.Instant;
import java.util.Objects;

/**
 * Why a claimed item goes back to {@code PENDING} and when it may be tried again.
 *
 * @param nextAttemptAt the earliest time the item may be claimed again
 * @param error the reason, shown to admins; never contains a credential
 * @param countsAsAttempt {@code true} only when the server said the item itself is the problem;
 *        network failures and an unreachable server never use up an item's retries
 */
public record AttemptOutcome(Instant nextAttemptAt, String error, boolean countsAsAttempt) {

    public AttemptOutcome {
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(error, "error");
    }
}
