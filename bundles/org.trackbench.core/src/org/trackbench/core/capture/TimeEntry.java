package org.trackbench.core.capture;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The tracker's current time entry.
 *
 * @param id the entry's id, also the ordering group of its queued items
 * @param description what is being worked on, or {@code null}
 * @param project the project, or {@code null}
 * @param task the task, or {@code null}
 * @param state running, paused or stopped
 * @param startedAt when it started
 * @param accumulated time worked before {@code runningSince}
 * @param runningSince when the current running stretch began, {@code null} unless running
 */
public record TimeEntry(UUID id, String description, String project, String task, TrackerState state,
        Instant startedAt, Duration accumulated, Instant runningSince) {

    public TimeEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(accumulated, "accumulated");
    }

    /** Time worked up to {@code now}, pauses excluded. */
    public Duration elapsed(Instant now) {
        return runningSince == null ? accumulated : accumulated.plus(Duration.between(runningSince, now));
    }
}
