package org.trackbench.core.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A time entry as the ledger knows it.
 *
 * @param id the entry's id, also the ordering group of its queued events
 * @param description what was worked on, or {@code null}
 * @param project the project, or {@code null}
 * @param task the task, or {@code null}
 * @param transitions its transitions in the order they happened, the first a start
 */
public record LedgerEntry(UUID id, String description, String project, String task, List<Transition> transitions) {

    public LedgerEntry {
        Objects.requireNonNull(id, "id");
        transitions = List.copyOf(transitions);
        if (transitions.isEmpty()) {
            throw new IllegalArgumentException("a ledger entry has at least its start");
        }
    }

    public Instant startedAt() {
        return transitions.get(0).at();
    }

    /** The time worked up to its latest transition. */
    public Duration worked() {
        return transitions.get(transitions.size() - 1).worked();
    }

    public boolean stopped() {
        return transitions.get(transitions.size() - 1).type().equals("stop");
    }
}
