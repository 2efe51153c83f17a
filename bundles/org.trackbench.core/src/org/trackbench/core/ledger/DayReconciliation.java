package org.trackbench.core.ledger;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One day's time, tracked here against delivered: entries count on the day they started.
 *
 * @param day the day, in the zone the reconciliation was asked for
 * @param tracked the time worked on the day's entries as this machine's ledger has it
 * @param confirmed the time worked on the day's entries as the server's transitions tell it
 * @param queued the part of {@code tracked} whose events still wait in the queue
 * @param differences every entry of the day that the two sides see differently
 */
public record DayReconciliation(LocalDate day, Duration tracked, Duration confirmed, Duration queued,
        List<EntryDifference> differences) {

    public DayReconciliation {
        Objects.requireNonNull(day, "day");
        differences = List.copyOf(differences);
    }

    /** Whether the server holds exactly what was tracked here and nothing waits. */
    public boolean proven() {
        return differences.isEmpty() && queued.isZero() && tracked.equals(confirmed);
    }
}
