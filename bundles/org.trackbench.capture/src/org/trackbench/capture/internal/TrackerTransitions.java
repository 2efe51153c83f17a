package org.trackbench.capture.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.trackbench.core.capture.IllegalTransitionException;
import org.trackbench.core.capture.TimeEntry;
import org.trackbench.core.capture.TrackerState;

/**
 * The time entry state machine, free of storage: what each action makes of the current entry, or why it
 * is impossible. {@code IDLE/STOPPED → start → RUNNING ⇄ PAUSED → stop → STOPPED}.
 */
final class TrackerTransitions {

    private TrackerTransitions() {
    }

    static TrackerState stateOf(TimeEntry entry) {
        return entry == null ? TrackerState.IDLE : entry.state();
    }

    static TimeEntry start(TimeEntry current, UUID id, String description, String project, String task, Instant at) {
        require("start", current, TrackerState.IDLE, TrackerState.STOPPED);
        return new TimeEntry(id, description, project, task, TrackerState.RUNNING, at, Duration.ZERO, at);
    }

    static TimeEntry pause(TimeEntry current, Instant at) {
        require("pause", current, TrackerState.RUNNING);
        return with(current, TrackerState.PAUSED, current.elapsed(at), null);
    }

    static TimeEntry resume(TimeEntry current, Instant at) {
        require("resume", current, TrackerState.PAUSED);
        return with(current, TrackerState.RUNNING, current.accumulated(), at);
    }

    static TimeEntry stop(TimeEntry current, Instant at) {
        require("stop", current, TrackerState.RUNNING, TrackerState.PAUSED);
        return with(current, TrackerState.STOPPED, current.elapsed(at), null);
    }

    /** The actions possible in {@code state}, for messages and for enabling buttons. */
    static List<String> allowed(TrackerState state) {
        return switch (state) {
            case IDLE, STOPPED -> List.of("start");
            case RUNNING -> List.of("pause", "stop");
            case PAUSED -> List.of("resume", "stop");
        };
    }

    private static void require(String action, TimeEntry current, TrackerState... states) {
        TrackerState state = stateOf(current);
        for (TrackerState allowed : states) {
            if (allowed == state) {
                return;
            }
        }
        throw new IllegalTransitionException(action, state, allowed(state));
    }

    private static TimeEntry with(TimeEntry entry, TrackerState state, Duration accumulated, Instant runningSince) {
        return new TimeEntry(entry.id(), entry.description(), entry.project(), entry.task(), state, entry.startedAt(),
                accumulated, runningSince);
    }
}
