package org.trackbench.core.queue;

import java.util.Optional;

/**
 * Failed items that share one last error: what an admin repairs in bulk.
 *
 * @param reason the last error they failed with, {@code null} for items failed without one
 * @param items how many failed items carry it
 * @since 1.2
 */
public record FailureGroup(String reason, long items) {

    public Optional<String> error() {
        return Optional.ofNullable(reason);
    }
}
