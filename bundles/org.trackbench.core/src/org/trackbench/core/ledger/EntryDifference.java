package org.trackbench.core.ledger;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * A time entry that this machine and the server see differently.
 *
 * @param entryId the entry
 * @param kind how they differ
 * @param description what was worked on, as whichever side has it says, or {@code null}
 * @param tracked the time worked as the ledger has it, zero when only the server has the entry
 * @param confirmed the time worked as the server's transitions tell it, zero when the server lacks the entry
 * @param detail for people: which transitions differ
 */
public record EntryDifference(UUID entryId, Kind kind, String description, Duration tracked, Duration confirmed,
        String detail) {

    /** How an entry differs. */
    public enum Kind {
        /** Every event was delivered, yet the server does not hold the entry: {@code Reconciliation} can re-queue it. */
        MISSING_ON_SERVER,
        /** Both hold the entry with other transitions. */
        DIFFERENT_TRANSITIONS,
        /** The server holds an entry this machine's ledger does not (another machine's, or one since retired). */
        ONLY_ON_SERVER;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    public EntryDifference {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(kind, "kind");
    }
}
