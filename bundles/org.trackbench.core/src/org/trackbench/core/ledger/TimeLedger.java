package org.trackbench.core.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Every time entry's transitions, kept beside the queue: each is written in the transaction that queues its event
 * ({@code EnqueueRequest.recording}), and kept for its own retention ({@code ledgerRetentionDays}), whatever becomes
 * of the queued items.
 */
@ProviderType
public interface TimeLedger {

    /** The entries started in {@code [from, to)}, oldest first. */
    List<LedgerEntry> entries(Instant from, Instant to);

    /** The entry started last, if any: a running or paused one is what the tracker restores at its start. */
    Optional<LedgerEntry> latest();
}
