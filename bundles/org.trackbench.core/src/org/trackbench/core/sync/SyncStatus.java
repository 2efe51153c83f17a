package org.trackbench.core.sync;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A snapshot of the sync, for status bars and the console.
 *
 * @param state what the sync is doing
 * @param pending items waiting to be sent
 * @param inFlight items being sent now
 * @param blocked items held behind a failed item of their group
 * @param failed dead letters waiting for an admin
 * @param lastSuccess when the server last accepted an item, {@code null} if never
 * @param nextRun when the sync job runs next, {@code null} if not scheduled (paused, or nothing to do)
 * @param lastError the last reason an attempt did not succeed, {@code null} if none; never holds a credential
 * @param typesWithoutHandler entity types that are queued but have no handler installed; they wait
 */
public record SyncStatus(SyncState state, long pending, long inFlight, long blocked, long failed, Instant lastSuccess,
        Instant nextRun, String lastError, Set<String> typesWithoutHandler) {

    public SyncStatus {
        Objects.requireNonNull(state, "state");
        typesWithoutHandler = Set.copyOf(typesWithoutHandler);
    }
}
