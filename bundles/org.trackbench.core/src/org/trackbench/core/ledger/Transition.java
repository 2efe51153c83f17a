package org.trackbench.core.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One transition of a time entry as the ledger keeps it.
 *
 * @param entryId the time entry
 * @param type {@code start}, {@code pause}, {@code resume} or {@code stop}
 * @param at when it happened, on this machine's clock
 * @param worked the time worked on the entry up to it, measured on a monotonic clock
 * @param payload the event exactly as it was queued, to queue again should the server lose it
 */
public record Transition(UUID entryId, String type, Instant at, Duration worked, String payload) {

    public Transition {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(worked, "worked");
        Objects.requireNonNull(payload, "payload");
    }
}
